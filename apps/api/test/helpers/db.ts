import { randomBytes } from 'node:crypto';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { ENGINE, openDb, type Db } from '../../src/db/index.js';

/**
 * A fresh, empty database of this run's engine: a SQLite file in `dir`, or —
 * when the run is on PostgreSQL (DATABASE_URL set to a server the tests may
 * create databases on) — a new database on that server, dropped by `drop`.
 * `target` is what the server would be given (path or URL). With `template`
 * (a database of the same engine) the new one starts as a copy of it.
 */
export async function freshDatabase(dir: string, name = 'test', template?: string): Promise<{ target: string; drop: () => Promise<void> }> {
  if (ENGINE === 'sqlite') {
    const target = join(dir, `${name}.sqlite`);
    if (template) copyFileSync(template, target);
    return { target, drop: async () => {} };
  }
  const admin = process.env.DATABASE_URL!;
  const dbName = `wj_${name.replace(/\W/g, '_').slice(0, 20)}_${randomBytes(5).toString('hex')}`.toLowerCase();
  await adminQuery(admin, template ? `create database ${dbName} template ${new URL(template).pathname.slice(1)}` : `create database ${dbName}`);
  const url = new URL(admin);
  url.pathname = `/${dbName}`;
  return {
    target: url.toString(),
    drop: () => adminQuery(admin, `drop database if exists ${dbName} with (force)`),
  };
}

export async function adminQuery(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try { await client.query(text); } finally { await client.end(); }
}

/** Opens a fresh database (see freshDatabase); `close` closes it and drops it (PostgreSQL). */
export async function openTestDb(dir: string, name = 'test', template?: string): Promise<{ db: Db; target: string; close: () => Promise<void> }> {
  const fresh = await freshDatabase(dir, name, template);
  const db = await openDb(fresh.target);
  let closed = false;
  return {
    db, target: fresh.target,
    close: async () => {
      if (closed) return;
      closed = true;
      await db.close();
      await fresh.drop();
    },
  };
}

/**
 * A number that moves whenever anything is written: SQLite's total_changes()
 * on the writer connection; on PostgreSQL the next transaction id to be
 * assigned (only a transaction that writes takes one). Equal before and after
 * a request ⇒ the request wrote nothing (a rolled-back write moves it too).
 */
export async function writeCounter(db: Db): Promise<number> {
  if (db.sqlite) return (db.sqlite.writer.prepare('select total_changes() as n').get() as { n: number }).n;
  const res = await db.pg!.pool.query<{ n: string }>('select pg_snapshot_xmax(pg_current_snapshot())::text as n');
  return Number(res.rows[0]!.n);
}
