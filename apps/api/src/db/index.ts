import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzleSqlite } from 'drizzle-orm/better-sqlite3';
import { migrate as migrateSqlite } from 'drizzle-orm/better-sqlite3/migrator';
import type { NodePgQueryResultHKT } from 'drizzle-orm/node-postgres';
import type { PgDatabase } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import { apiRoot } from '../paths.js';
import { ENGINE, isPostgresUrl, type Engine } from './engine.js';
import type * as pgSchema from './pg-schema/index.js';
import * as sqliteSchema from './sqlite-schema/index.js';
import * as schema from './schema/index.js';

export { schema, ENGINE, type Engine };

/**
 * What services take: the database or a transaction on it. Typed as drizzle's
 * PostgreSQL database, whose builders are only awaited (no synchronous
 * `.get()/.all()/.run()`); on SQLite the same calls run on better-sqlite3.
 */
export type Queryable = PgDatabase<NodePgQueryResultHKT, typeof pgSchema>;

export interface DbHandle {
  engine: Engine;
  /** SQLite only: the file and its two connections (reads; the one writer). */
  sqlite?: { path: string; reader: Database.Database; writer: Database.Database };
  /** PostgreSQL only: the pool and the URL it was opened with. */
  pg?: { pool: pg.Pool; url: string };
  /** Closes the connections once the transaction in progress (if any) has ended. */
  close(): Promise<void>;
}

export type Db = Queryable & DbHandle;

export const sqliteMigrations = resolve(apiRoot, 'drizzle');
export const pgMigrations = resolve(apiRoot, 'drizzle-pg');

/**
 * node-postgres and drizzle's driver for it, loaded when a PostgreSQL database
 * is opened: a SQLite process never loads them (they took about a tenth of a
 * start, and node-postgres looks up `navigator`, which loads node's fetch).
 */
let pgDriver: Promise<{ pg: typeof pg; drizzlePg: typeof import('drizzle-orm/node-postgres').drizzle; migratePg: typeof import('drizzle-orm/node-postgres/migrator').migrate }> | undefined;
function loadPg() {
  return (pgDriver ??= Promise.all([import('pg'), import('drizzle-orm/node-postgres'), import('drizzle-orm/node-postgres/migrator')]).then(([{ default: pg }, { drizzle }, { migrate }]) => {
    // PostgreSQL's count(*) and sum() are bigint/numeric, which node-postgres hands over as strings;
    // every such figure here is far below 2^53, so they come back as numbers, as on SQLite.
    pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
    pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
    return { pg, drizzlePg: drizzle, migratePg: migrate };
  }));
}

/**
 * Set while a transaction's callback runs: opening another one from inside it is a bug (it would wait for itself).
 * Node 20's AsyncLocalStorage, once run, keeps promise hooks on for the whole process — a cost on every promise of
 * every request (about 0.3 µs each; a tenth of a cached dashboard request's CPU). So it is on only while a
 * transaction is open here: `disable()` when the last one ends turns the hooks off, and the next `run()` turns them
 * on again. The callbacks' async work is created while it is on, so a nested call is still refused; while no
 * transaction is open no code can be inside one, so `getStore()` answering undefined then is the truth.
 */
const inTransaction = new AsyncLocalStorage<true>();
let openTransactions = 0;

function refuseNested() {
  if (inTransaction.getStore()) {
    throw new Error('db.transaction() called inside a transaction: use the transaction handle (tx.transaction for a savepoint)');
  }
}

/** `fn` run as a transaction's callback (in the storage above), keeping count of the open ones. */
function inTransactionScope<T>(fn: () => Promise<T>): Promise<T> {
  openTransactions++;
  let run: Promise<T>;
  try {
    run = inTransaction.run(true, fn);
  } catch (err) {
    closeScope();
    throw err;
  }
  return run.finally(closeScope);
}

function closeScope() {
  if (--openTransactions === 0) inTransaction.disable();
}

/**
 * Opens the database this process is configured for: a PostgreSQL URL
 * (DATABASE_URL) or a SQLite file path, creating the file if needed, and
 * applies the engine's pending migrations.
 */
export async function openDb(target: string): Promise<Db> {
  const engine: Engine = isPostgresUrl(target) ? 'postgres' : 'sqlite';
  if (engine !== ENGINE) {
    throw new Error(`this process runs on ${ENGINE} (DATABASE_URL ${ENGINE === 'postgres' ? 'set' : 'unset'}) and cannot open a ${engine} database`);
  }
  return engine === 'postgres' ? openPostgres(target) : openSqlite(target);
}

/**
 * SQLite: one writer connection and one read-only connection on the file (WAL).
 * better-sqlite3 is synchronous and its transactions cannot span an `await`,
 * so a transaction here is a unit of work on the writer: queued behind the one
 * in progress (SQLite allows one writer anyway), BEGIN IMMEDIATE, the async
 * callback, COMMIT — or ROLLBACK on a throw. Reads outside a transaction go to
 * the reader and see committed data only, never a transaction's half-done
 * writes; a write outside a transaction fails (the reader is read-only).
 */
/**
 * better-sqlite3 compiles a statement on every `prepare`, and drizzle prepares
 * each query anew: on a cached dashboard request compiling was about a sixth of
 * the CPU (bench/pages.bench.ts profile). So each connection keeps its last
 * STATEMENTS statements by SQL text and hands a kept one back — unless it is
 * busy (an iteration still open on it), then a fresh one — with the modes a
 * caller may have switched (raw, pluck, expand) back to their defaults, so it
 * behaves as newly prepared.
 */
const STATEMENTS = 500;

function keepStatements(client: Database.Database): Database.Database {
  const prepare = client.prepare.bind(client);
  const kept = new Map<string, Database.Statement>();
  client.prepare = ((text: string) => {
    const hit = kept.get(text);
    if (hit && !hit.busy) {
      kept.delete(text);
      kept.set(text, hit); // most recently used last
      if (hit.reader) hit.raw(false).pluck(false).expand(false);
      return hit;
    }
    const statement = prepare(text);
    if (!hit) {
      kept.set(text, statement);
      if (kept.size > STATEMENTS) kept.delete(kept.keys().next().value!);
    }
    return statement;
  }) as typeof client.prepare;
  return client;
}

function openSqlite(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const writer = keepStatements(new Database(path));
  writer.pragma('journal_mode = WAL');
  writer.pragma('synchronous = NORMAL');
  writer.pragma('foreign_keys = ON');
  writer.pragma('busy_timeout = 5000');
  const writeDb = drizzleSqlite({ client: writer, schema: sqliteSchema, casing: 'snake_case' });
  migrateSqlite(writeDb, { migrationsFolder: sqliteMigrations });
  const reader = path === ':memory:' ? writer : keepStatements(new Database(path, { readonly: true }));
  if (reader !== writer) reader.pragma('busy_timeout = 5000');
  const readDb = drizzleSqlite({ client: reader, schema: sqliteSchema, casing: 'snake_case' });

  let queue: Promise<unknown> = Promise.resolve();
  let savepoints = 0;
  const savepoint = async <T>(fn: (tx: unknown) => Promise<T>): Promise<T> => {
    const name = `sp${++savepoints}`;
    writer.exec(`SAVEPOINT ${name}`);
    try {
      const result = await fn(writeDb);
      writer.exec(`RELEASE ${name}`);
      return result;
    } catch (err) {
      writer.exec(`ROLLBACK TO ${name}`);
      writer.exec(`RELEASE ${name}`);
      throw err;
    } finally {
      savepoints--;
    }
  };
  const transaction = <T>(fn: (tx: unknown) => Promise<T>): Promise<T> => {
    refuseNested();
    const run = queue.then(() => inTransactionScope(async () => {
      writer.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(writeDb);
        writer.exec('COMMIT');
        return result;
      } catch (err) {
        if (writer.inTransaction) writer.exec('ROLLBACK');
        throw err;
      }
    }));
    queue = run.catch(() => undefined);
    return run;
  };
  Object.assign(writeDb, { transaction: savepoint, execute: executeOn(writeDb, writer) });
  const handle: DbHandle = {
    engine: 'sqlite',
    sqlite: { path, reader, writer },
    close: async () => {
      await queue;
      if (reader !== writer && reader.open) reader.close();
      if (writer.open) writer.close();
    },
  };
  return Object.assign(readDb, { transaction, execute: executeOn(readDb, reader) }, handle) as unknown as Db;
}

/**
 * `execute(sql)` as drizzle's PostgreSQL database has it — `{ rows }` — for
 * the few raw statements that have no builder (e.g. deferring foreign keys).
 */
function executeOn(db: object, client: Database.Database) {
  const dialect = (db as { dialect: { sqlToQuery(q: SQL): { sql: string; params: unknown[] } } }).dialect;
  return async (query: SQL) => {
    const { sql: text, params } = dialect.sqlToQuery(query);
    const statement = client.prepare(text);
    if (statement.reader) return { rows: statement.all(...params) };
    statement.run(...params);
    return { rows: [] };
  };
}

/** A lock id of this application's, so two servers starting together migrate one after the other. */
const MIGRATION_LOCK = 7_270_2026;

/** Retried on: serialization_failure, deadlock_detected. */
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 12;

const sqlState = (err: unknown): string | undefined => {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 4; e = e.cause as typeof e, i++) {
    if (typeof e.code === 'string') return e.code;
  }
  return undefined;
};

/**
 * PostgreSQL: a pool; transactions are real ones at SERIALIZABLE, so that the
 * same service code that SQLite runs one at a time gives the same results
 * under concurrency here — a transaction that PostgreSQL cannot serialise is
 * run again from the start (its callback only touches the database). A
 * caller whose statements are atomic on their own (the login throttle's
 * upserts) may ask for `{ isolationLevel: 'read committed' }`; SQLite ignores
 * the option (its transactions are serial anyway).
 */
/**
 * The memory a sort or hash of one statement may use before spilling to disk (PostgreSQL's work_mem, 4MB by
 * default), set on this application's own connections: the score's group-bys over a province's year of
 * meetings and roll (modules/quality/facts-loader.ts) hash in memory at 64MB (at 100×: the meetings' group-by
 * takes 21MB, but the planner, estimating more, split it into partitions on disk at 32MB — 610 against 446 ms —
 * and at 4MB sorted on disk). PG_WORK_MEM overrides it (a number with kB, MB or GB); anything else is refused at start.
 */
export function pgSessionOptions(): string {
  const workMem = process.env.PG_WORK_MEM ?? '64MB';
  // PostgreSQL's ceiling is 2147483647kB (about 2,047GB): within it, a mistyped size fails here, not at connect.
  if (!/^([1-9]\d{0,8}kB|[1-9]\d{0,5}MB|[1-9]\d{0,2}GB)$/.test(workMem)) throw new Error(`PG_WORK_MEM must be a size such as 32MB (got ${JSON.stringify(workMem)})`);
  return `-c work_mem=${workMem}`;
}

/**
 * A pool's connection settings: the URL without its own `options` parameter, which node-postgres would otherwise
 * put in place of `options` given here — dropping work_mem and, for the reader, read-only transactions. The URL's
 * options are kept, ahead of the application's (PostgreSQL applies them in order: a setting given twice takes ours).
 */
export function pgConnection(url: string, ours: string): { connectionString: string; options: string } {
  const u = new URL(url);
  const theirs = u.searchParams.get('options');
  u.searchParams.delete('options');
  return { connectionString: u.toString(), options: theirs ? `${theirs} ${ours}` : ours };
}

async function openPostgres(url: string): Promise<Db> {
  const { pg, drizzlePg, migratePg } = await loadPg();
  const pool = new pg.Pool({ ...pgConnection(url, pgSessionOptions()), max: Number(process.env.PG_POOL_MAX ?? 10), application_name: 'wj-api' });
  // An idle connection the server ends (a restart, a failover, an administrator, a dropped test database)
  // is an 'error' event on the pool: without a listener it would end the whole process. The pool drops the
  // connection and the next query opens a new one; a query in flight still gets its own error.
  let closing = false;
  pool.on('error', (err) => {
    if (!closing) console.warn(`PostgreSQL: an idle connection ended (${err.message}); the next query opens a new one`);
  });
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await migratePg(drizzlePg({ client, casing: 'snake_case' }), { migrationsFolder: pgMigrations });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
  const db = drizzlePg({ client: pool, schema: schema as unknown as typeof pgSchema, casing: 'snake_case' });
  const base = db.transaction.bind(db);
  const transaction = async <T>(
    fn: (tx: Parameters<Parameters<typeof base>[0]>[0]) => Promise<T>, config?: Parameters<typeof base>[1],
  ): Promise<T> => {
    refuseNested();
    for (let attempt = 1; ; attempt++) {
      try {
        return await inTransactionScope(() => base(fn, { isolationLevel: 'serializable', ...config }));
      } catch (err) {
        if (attempt >= MAX_ATTEMPTS || !RETRYABLE.has(sqlState(err) ?? '')) throw err;
        // Exponential backoff with jitter: contenders for one row spread out instead of colliding again.
        await new Promise((r) => setTimeout(r, Math.random() * Math.min(200, 2 ** attempt)));
      }
    }
  };
  let ended: Promise<void> | null = null;
  const handle: DbHandle = {
    engine: 'postgres', pg: { pool, url },
    close: () => {
      closing = true;
      return (ended ??= pool.end());
    },
  };
  return Object.assign(db, { transaction }, handle) as unknown as Db;
}

/** The database answers a trivial query (health). */
export async function ping(db: Db): Promise<void> {
  if (db.sqlite) db.sqlite.reader.prepare('select 1').get();
  else await db.pg!.pool.query('select 1');
}

/**
 * A read-only connection to the database at `target` (a SQLite file path or a
 * PostgreSQL URL), for a worker thread that reads records beside the server
 * (modules/quality/score-worker.ts): it never migrates and cannot write —
 * SQLite opens the file read-only, PostgreSQL sessions default to read-only
 * transactions — and refuses transactions.
 */
export async function openReader(target: string): Promise<Db> {
  const transaction = () => { throw new Error('a read-only connection has no transactions'); };
  if (isPostgresUrl(target)) {
    const { pg, drizzlePg } = await loadPg();
    const pool = new pg.Pool({ ...pgConnection(target, `-c default_transaction_read_only=on ${pgSessionOptions()}`), max: 3, application_name: 'wj-api-reader' });
    pool.on('error', () => {});
    const db = drizzlePg({ client: pool, schema: schema as unknown as typeof pgSchema, casing: 'snake_case' });
    const handle: DbHandle = { engine: 'postgres', pg: { pool, url: target }, close: () => pool.end() };
    return Object.assign(db, { transaction }, handle) as unknown as Db;
  }
  const reader = keepStatements(new Database(target, { readonly: true, fileMustExist: true }));
  reader.pragma('busy_timeout = 5000');
  const db = drizzleSqlite({ client: reader, schema: sqliteSchema, casing: 'snake_case' });
  const handle: DbHandle = { engine: 'sqlite', sqlite: { path: target, reader, writer: reader }, close: async () => { if (reader.open) reader.close(); } };
  return Object.assign(db, { transaction, execute: executeOn(db, reader) }, handle) as unknown as Db;
}
