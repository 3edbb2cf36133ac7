import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBodySchema, YearStatusSchema } from '@wj/domain/schemas';
import { closeYear, rejudgeYear, yearStatuses } from '../../modules/quality/closed-years.js';

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema };
const tags = ['年度结账'];
const adminOnly = { access: { roles: ['admin' as const] } };

const YearParamSchema = z.object({
  year: z.coerce.number({ error: '年度必须是数字' }).int('年度必须是整数').min(2000, '年度超出范围').max(2100, '年度超出范围'),
});
const RejudgeBodySchema = z.object({
  /** The rule version to judge under; none: the version in force now. */
  ruleVersion: z.number().int().min(1).optional(),
}).strict();

/** 年度结账: which years are closed, closing one, and re-judging a closed one (admin). */
const routes: FastifyPluginAsyncZod = async (app) => {
  app.get('/years', {
    config: { access: {} },
    schema: { tags, summary: '各年度及其结账状态（已结账年度按结账时的记录与评分规则评定）', response: { 200: z.array(YearStatusSchema), 401: ErrorBodySchema } },
  }, async () => await yearStatuses(app.db, await app.quality.dataYears()));

  app.post('/years/:year/close', {
    config: adminOnly,
    schema: { tags, summary: '关闭年度：按该年12月31日的组织状况和现行评分规则冻结评定', params: YearParamSchema, response: { 200: YearStatusSchema, ...errors } },
  }, async (req) => await closeYear(app.db, req.params.year, req.user!));

  app.post('/years/:year/rejudge', {
    config: adminOnly,
    schema: {
      tags, summary: '重新评定已结账年度：按现有记录和现行（或指定版本的）评分规则重新冻结，记入审计日志',
      params: YearParamSchema, body: RejudgeBodySchema.nullish(), response: { 200: YearStatusSchema, ...errors },
    },
  }, async (req) => await rejudgeYear(app.db, req.params.year, req.user!, req.body?.ruleVersion));
};

export default routes;
