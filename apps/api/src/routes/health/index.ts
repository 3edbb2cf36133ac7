import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ping, type Db } from '../../db/index.js';

const HealthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  /** Which database engine this server runs on. */
  engine: z.enum(['sqlite', 'postgres']),
  db: z.enum(['ok', 'error']),
  time: z.string(),
});

/** A database that does not answer within this long counts as down (a PostgreSQL server out of reach would otherwise hang the check). */
const PING_TIMEOUT_MS = 3000;
/**
 * How long one ping's answer stands for every caller: a monitor polling at
 * 50 connections costs the database one query a second, and the status is
 * never older than this. A handle already closed counts as down at once.
 */
const PING_FRESH_MS = 1000;

/** Closed connections answer no query: told without asking (better-sqlite3's `open`, node-postgres' `ending`). */
function closed(db: Db): boolean {
  if (db.sqlite) return !db.sqlite.reader.open;
  const pool = db.pg?.pool as { ending?: boolean; ended?: boolean } | undefined;
  return !pool || pool.ending === true || pool.ended === true;
}

async function pingOnce(db: Db): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      ping(db),
      new Promise((_, reject) => { timer = setTimeout(() => reject(new Error('database ping timed out')), PING_TIMEOUT_MS); }),
    ]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

const routes: FastifyPluginAsyncZod = async (app) => {
  // The last ping: when it started and its answer (shared by callers while it runs).
  let last: { at: number; ok: Promise<boolean> } | null = null;
  const dbOk = (): Promise<boolean> => {
    if (closed(app.db)) return Promise.resolve(false);
    const t = Date.now();
    if (!last || t - last.at >= PING_FRESH_MS) last = { at: t, ok: pingOnce(app.db) };
    return last.ok;
  };

  app.get('/', { config: { access: { public: true } }, schema: { tags: ['系统'], summary: '健康检查', description: `数据库状态最多缓存 ${PING_FRESH_MS} 毫秒`, response: { 200: HealthSchema, 503: HealthSchema } } }, async (_req, reply) => {
    const db: 'ok' | 'error' = (await dbOk()) ? 'ok' : 'error';
    const body = { status: db === 'ok' ? 'ok' as const : 'degraded' as const, engine: app.db.engine, db, time: new Date().toISOString() };
    return reply.code(db === 'ok' ? 200 : 503).send(body);
  });
};

export default routes;
