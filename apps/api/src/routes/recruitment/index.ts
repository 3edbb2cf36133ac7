import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ErrorBodySchema, IdParamSchema, RecruitAdvanceSchema, RecruitInputSchema, RecruitListQuerySchema, RecruitSchema,
  RecruitStopSchema, RecruitUpdateSchema,
} from '@wj/domain/schemas';
import { advanceRecruit, createRecruit, listRecruits, recruitOrgId, stopRecruit, updateRecruit } from '../../modules/recruitment/service.js';

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema };
const withConflict = { ...errors, 409: ErrorBodySchema };
const tags = ['发展党员'];
const byParamOrg = { org: (req: { params: unknown }) => (req.params as { id: number }).id };

/** 发展党员 pipeline (《中国共产党发展党员工作细则》2014): 申请人 → 积极分子 → 发展对象 → 预备党员 → 正式党员. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const byRecruit = { org: (req: { params: unknown }) => recruitOrgId(app.db, (req.params as { id: number }).id) };

  app.get('/orgs/:id/recruits', {
    config: { access: byParamOrg },
    schema: { tags, summary: '支部发展党员名单（可按阶段、状态筛选）', params: IdParamSchema, querystring: RecruitListQuerySchema, response: { 200: z.array(RecruitSchema), ...errors } },
  }, async (req) => await listRecruits(app.db, req.params.id, req.query));

  app.post('/orgs/:id/recruits', {
    config: { access: byParamOrg },
    schema: { tags, summary: '登记入党申请人', params: IdParamSchema, body: RecruitInputSchema, response: { 201: RecruitSchema, ...errors } },
  }, async (req, reply) => reply.code(201).send(await createRecruit(app.db, req.user!, req.params.id, req.body)));

  app.put('/recruits/:id', {
    config: { access: byRecruit },
    schema: { tags, summary: '修改发展对象个人信息', params: IdParamSchema, body: RecruitUpdateSchema, response: { 200: RecruitSchema, ...withConflict } },
  }, async (req) => await updateRecruit(app.db, req.user!, req.params.id, req.body));

  app.post('/recruits/:id/advance', {
    config: { access: byRecruit },
    schema: { tags, summary: '进入下一发展阶段（按细则校验日期）', params: IdParamSchema, body: RecruitAdvanceSchema, response: { 200: RecruitSchema, ...withConflict } },
  }, async (req) => await advanceRecruit(app.db, req.user!, req.params.id, req.body));

  app.post('/recruits/:id/stop', {
    config: { access: byRecruit },
    schema: { tags, summary: '终止发展（保留记录和原因）', params: IdParamSchema, body: RecruitStopSchema, response: { 200: RecruitSchema, ...withConflict } },
  }, async (req) => await stopRecruit(app.db, req.user!, req.params.id, req.body));
};

export default routes;
