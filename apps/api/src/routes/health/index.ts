import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ping } from '../../db/index.js';

const HealthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  /** Which database engine this server runs on. */
  engine: z.enum(['sqlite', 'postgres']),
  db: z.enum(['ok', 'error']),
  time: z.string(),
});

/** A database that does not answer within this long counts as down (a PostgreSQL server out of reach would otherwise hang the check). */
const PING_TIMEOUT_MS = 3000;

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get('/', { config: { access: { public: true } }, schema: { tags: ['系统'], summary: '健康检查', response: { 200: HealthSchema, 503: HealthSchema } } }, async (_req, reply) => {
    let db: 'ok' | 'error' = 'ok';
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        ping(app.db),
        new Promise((_, reject) => { timer = setTimeout(() => reject(new Error('database ping timed out')), PING_TIMEOUT_MS); }),
      ]);
    } catch {
      db = 'error';
    } finally {
      clearTimeout(timer);
    }
    const body = { status: db === 'ok' ? 'ok' as const : 'degraded' as const, engine: app.db.engine, db, time: new Date().toISOString() };
    return reply.code(db === 'ok' ? 200 : 503).send(body);
  });
};

export default routes;
