import type { Db } from './index.js';

/**
 * Plain SQL for operations and tests that read tables below the services
 * (row counts, checks "from the raw tables"): rows as the driver gives them.
 * `?` placeholders on both engines.
 */
export async function rawRows<T = Record<string, unknown>>(db: Db, text: string, params: unknown[] = []): Promise<T[]> {
  if (db.sqlite) return db.sqlite.reader.prepare(text).all(...params) as T[];
  let i = 0;
  const res = await db.pg!.pool.query(text.replace(/\?/g, () => `$${++i}`), params);
  return res.rows as T[];
}
