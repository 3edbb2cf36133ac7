import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const HealthSchema = z.object({ status: z.enum(['ok', 'degraded']), db: z.enum(['ok', 'error']), time: z.string() });

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get('/', { config: { access: { public: true } }, schema: { tags: ['系统'], summary: '健康检查', response: { 200: HealthSchema, 503: HealthSchema } } }, async (_req, reply) => {
    let db: 'ok' | 'error' = 'ok';
    try { app.db.get(sql`select 1`); } catch { db = 'error'; }
    const body = { status: db === 'ok' ? 'ok' as const : 'degraded' as const, db, time: new Date().toISOString() };
    return reply.code(db === 'ok' ? 200 : 503).send(body);
  });
};

export default routes;
