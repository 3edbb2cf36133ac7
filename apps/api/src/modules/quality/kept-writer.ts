import Database from 'better-sqlite3';
import { drizzle as drizzleSqlite } from 'drizzle-orm/better-sqlite3';
import type { Db, DbHandle } from '../../db/index.js';
import { isPostgresUrl } from '../../db/engine.js';
import * as pgSchema from '../../db/pg-schema/index.js';
import * as sqliteSchema from '../../db/sqlite-schema/index.js';

/**
 * The score worker's own connection for writing the kept rows it computed
 * (score-worker.ts, score-store.ts), beside the server's: it never migrates
 * (the server did) and is used for quality_scores only. SQLite: a second
 * writer on the file, whose transactions (a couple of units each) wait for the
 * server's writer and make it wait no longer than one of them; PostgreSQL: a
 * pool of one connection.
 */
export async function openKeptWriter(target: string): Promise<Db> {
  if (isPostgresUrl(target)) {
    const [{ default: pg }, { drizzle }] = await Promise.all([import('pg'), import('drizzle-orm/node-postgres')]);
    const pool = new pg.Pool({ connectionString: target, max: 1, application_name: 'wj-api-score-writer' });
    pool.on('error', () => {});
    const db = drizzle({ client: pool, schema: pgSchema, casing: 'snake_case' });
    const handle: DbHandle = { engine: 'postgres', pg: { pool, url: target }, close: () => pool.end() };
    return Object.assign(db, handle) as unknown as Db;
  }
  const writer = new Database(target, { fileMustExist: true });
  writer.pragma('busy_timeout = 5000');
  writer.pragma('synchronous = NORMAL');
  const db = drizzleSqlite({ client: writer, schema: sqliteSchema, casing: 'snake_case' });
  // As the server's own writer runs one (db/index.ts): BEGIN IMMEDIATE, the callback, COMMIT — or ROLLBACK on a throw.
  const transaction = async <T>(fn: (tx: unknown) => Promise<T>): Promise<T> => {
    writer.exec('BEGIN IMMEDIATE');
    try {
      const result = await fn(db);
      writer.exec('COMMIT');
      return result;
    } catch (err) {
      if (writer.inTransaction) writer.exec('ROLLBACK');
      throw err;
    }
  };
  const handle: DbHandle = { engine: 'sqlite', sqlite: { path: target, reader: writer, writer }, close: async () => { if (writer.open) writer.close(); } };
  return Object.assign(db, { transaction }, handle) as unknown as Db;
}
