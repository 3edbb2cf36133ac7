import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBodySchema, IdParamSchema, MemberDetailSchema } from '@wj/domain/schemas';
import { memberDetail, memberOrgId } from './service.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get('/members/:id', {
    config: { access: { org: (req, db) => memberOrgId(db, (req.params as { id: number }).id) } },
    schema: { tags: ['党员'], summary: '党员详情（公民身份号码、电话按权限脱敏）', params: IdParamSchema, response: { 200: MemberDetailSchema, 400: ErrorBodySchema, 404: ErrorBodySchema } },
  }, async (req) => memberDetail(app.db, req.params.id, { year: new Date().getFullYear(), unmasked: req.user?.role === 'admin' }));
};

export default routes;
