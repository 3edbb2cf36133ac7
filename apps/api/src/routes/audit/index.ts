import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, count, desc, eq, gte, like, lte } from 'drizzle-orm';
import { AuditPageSchema, AuditQuerySchema, ErrorBodySchema } from '@wj/domain/schemas';
import { auditLog } from '../../db/schema/index.js';

/**
 * 审计日志: read-only for the admin. There is deliberately no route that
 * writes, edits or deletes audit rows — they are appended by the services.
 */
const routes: FastifyPluginAsyncZod = async (app) => {
  app.get('/audit', {
    config: { access: { roles: ['admin'] } },
    schema: { tags: ['系统管理'], summary: '审计日志（按用户、对象、操作、日期筛选）', querystring: AuditQuerySchema, response: { 200: AuditPageSchema, 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema } },
  }, async (req) => {
    const q = req.query;
    const where = and(
      q.username ? like(auditLog.username, `%${q.username}%`) : undefined,
      q.entityType ? eq(auditLog.entityType, q.entityType) : undefined,
      q.action ? eq(auditLog.action, q.action) : undefined,
      q.from ? gte(auditLog.at, q.from) : undefined,
      q.to ? lte(auditLog.at, `${q.to}T23:59:59.999Z`) : undefined,
    );
    const total = app.db.select({ n: count() }).from(auditLog).where(where).get()?.n ?? 0;
    const items = app.db.select().from(auditLog).where(where).orderBy(desc(auditLog.id))
      .limit(q.pageSize).offset((q.page - 1) * q.pageSize).all();
    return { items, total, page: q.page, pageSize: q.pageSize };
  });
};

export default routes;
