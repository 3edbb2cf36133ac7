import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { TodoListSchema, TodoQuerySchema } from '@wj/domain/quality';
import { ErrorBodySchema, qualityPeriod, todayIso } from '@wj/domain/schemas';
import { assertOrgAccess } from '../../auth/scope.js';
import { forbidden } from '../../lib/errors.js';
import { AsOfBudget } from '../../modules/quality/as-of-budget.js';
import { todosFor } from '../../modules/todos/index.js';

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema, 429: ErrorBodySchema };

/**
 * 待办: what the rules expect next of the caller's scope. A list route
 * (login only): the service filters by `req.scope`; a `unitId` drill-down is
 * checked against the scope like any org in a path.
 */
const routes: FastifyPluginAsyncZod = async (app) => {
  // asOf after today is today (qualityPeriod); dates other than today are held to the budget of dates (as-of-budget.ts).
  const budget = new AsOfBudget();
  app.get('/todos', {
    config: { access: {} },
    schema: {
      tags: ['待办'], summary: '待办：按规则到期或逾期的组织生活、换届、转正、考察、书记项目节点等（按权限范围；委机关可按单位下钻）',
      description: 'asOf 晚于今天按今天计；今天之外的日期每分钟最多新计算 4 个，其余按已计算的同年最近日期（或今天）作答（以响应中的 asOf 为准）。',
      querystring: TodoQuerySchema, response: { 200: TodoListSchema, ...errors },
    },
  }, async (req) => {
    const { unitId } = req.query;
    if (unitId !== undefined) {
      if (req.user!.role === 'branch_secretary') throw forbidden('支部书记只能查看本支部的待办');
      await assertOrgAccess(app.db, req.user!, unitId, 'read');
    }
    const today = todayIso();
    const { year, asOf } = qualityPeriod({ asOf: req.query.asOf }, [], today);
    return await todosFor(app.db, req.scope, { ...req.query, asOf: budget.pick(year, asOf, year === Number(today.slice(0, 4)) ? today : null) });
  });
};

export default routes;
