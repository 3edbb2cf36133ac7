import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditPageSchema, AuditQuerySchema, ErrorBodySchema } from '@wj/domain/schemas';
import { listAudit } from '../../modules/audit/service.js';

/**
 * 审计日志: read-only for the admin. There is deliberately no route that
 * writes, edits or deletes audit rows — they are appended by the services.
 */
const routes: FastifyPluginAsyncZod = async (app) => {
  app.get('/audit', {
    config: { access: { roles: ['admin'] } },
    schema: { tags: ['系统管理'], summary: '审计日志（按用户、对象、操作、日期筛选）', querystring: AuditQuerySchema, response: { 200: AuditPageSchema, 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema } },
  }, async (req) => listAudit(app.db, req.query));
};

export default routes;
