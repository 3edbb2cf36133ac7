import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { TodoListSchema, TodoQuerySchema } from '@wj/domain/quality';
import { ErrorBodySchema } from '@wj/domain/schemas';
import { assertOrgAccess } from '../../auth/scope.js';
import { forbidden } from '../../lib/errors.js';
import { todosFor } from '../../modules/todos/index.js';

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema };

/**
 * 待办: what the rules expect next of the caller's scope. A list route
 * (login only): the service filters by `req.scope`; a `unitId` drill-down is
 * checked against the scope like any org in a path.
 */
const routes: FastifyPluginAsyncZod = async (app) => {
  app.get('/todos', {
    config: { access: {} },
    schema: {
      tags: ['待办'], summary: '待办：按规则到期或逾期的组织生活、换届、转正、考察、书记项目节点等（按权限范围；委机关可按单位下钻）',
      querystring: TodoQuerySchema, response: { 200: TodoListSchema, ...errors },
    },
  }, async (req) => {
    const { unitId } = req.query;
    if (unitId !== undefined) {
      if (req.user!.role === 'branch_secretary') throw forbidden('支部书记只能查看本支部的待办');
      await assertOrgAccess(app.db, req.user!, unitId, 'read');
    }
    return await todosFor(app.db, req.scope, req.query);
  });
};

export default routes;
