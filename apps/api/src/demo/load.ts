import { count, getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { schema, type Db, type Queryable } from '../db/index.js';
import { closeDemoYears } from '../modules/quality/close-demo-years.js';
import { generateCommission } from './generate.js';
import { TABLE_KEYS, type DemoData, type TableKey } from './types.js';

/** Drizzle table of each DemoData list (TABLE_KEYS is already in foreign-key order). */
const TABLES: Record<TableKey, PgTable> = {
  orgs: schema.orgs, members: schema.members, memberStudy: schema.memberStudy, committees: schema.committees,
  committeeMembers: schema.committeeMembers, meetings: schema.meetings, brands: schema.brands,
  secretaryProjects: schema.secretaryProjects, projectMilestones: schema.projectMilestones, vanguardPosts: schema.vanguardPosts,
  recruits: schema.recruits, unitPlans: schema.unitPlans, partyWorkers: schema.partyWorkers,
  secretaryReviews: schema.secretaryReviews, responsibilityItems: schema.responsibilityItems,
};

/**
 * Bound parameters per statement: SQLite's default limit is 32766 since 3.32,
 * PostgreSQL's 65535; we stay well below both and cap chunks at 500 rows,
 * which measured fastest.
 */
const MAX_PARAMS = 16_000;
const MAX_ROWS = 500;

/** Inserts every table of `data` in one transaction, in chunks. */
export async function loadDemoData(db: Db, data: DemoData): Promise<void> {
  await db.transaction(async (tx) => {
    await insertAll(db, tx, data);
  });
  // PostgreSQL plans from table statistics, gathered by autovacuum some time after a bulk load (or never, where it is
  // off): a province loaded at once would be planned as empty tables (nested loops over 315,100 members) until then.
  if (db.engine === 'postgres') await db.execute(sql`analyze`);
}

/**
 * Foreign-key checks wait for the commit (SQLite's defer_foreign_keys; on
 * PostgreSQL every foreign key is DEFERRABLE, see drizzle-pg/0001), so a
 * wipe and reload can replace rows that users still point at.
 */
async function deferForeignKeys(db: Db, tx: Queryable) {
  await tx.execute(db.engine === 'postgres' ? sql`SET CONSTRAINTS ALL DEFERRED` : sql`PRAGMA defer_foreign_keys = ON`);
}

/**
 * Deletes every row of the domain tables (children first), leaving users,
 * sessions, the audit log and rule sets alone. Foreign-key checks are deferred
 * to commit, so a user still scoped to an org makes the wipe fail as a whole —
 * use reloadDemoData to replace the data with rows of the same ids instead.
 */
export async function wipeDomainData(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await deferForeignKeys(db, tx);
    await wipeAll(tx);
  });
}

/**
 * Wipe and load in one transaction. The generator's ids are stable, so users
 * scoped to a demo unit or branch point at the same org afterwards.
 */
export async function reloadDemoData(db: Db, data: DemoData): Promise<void> {
  await db.transaction(async (tx) => {
    await deferForeignKeys(db, tx);
    await wipeAll(tx);
    await insertAll(db, tx, data);
  });
}

/** Loads the scale-1 demo commission into an empty database; returns whether it did. */
export async function ensureDemoData(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(schema.orgs);
  if ((row?.n ?? 0) > 0) return false;
  const data = generateCommission();
  const loaded = await db.transaction(async (tx) => {
    // Two servers starting together on one PostgreSQL: one loads, the other waits and then finds the data.
    if (db.engine === 'postgres') await tx.execute(sql`SELECT pg_advisory_xact_lock(72702026)`);
    const [again] = await tx.select({ n: count() }).from(schema.orgs);
    if ((again?.n ?? 0) > 0) return false;
    await insertAll(db, tx, data);
    return true;
    // READ COMMITTED: the count after the lock must see what the other server committed meanwhile.
  }, { isolationLevel: 'read committed' });
  // The demo's past years stand closed, as an office would have closed them (only on this first load:
  // closing on every start would close the running year by itself after New Year).
  if (loaded) await closeDemoYears(db);
  return loaded;
}

/** Row counts of the domain tables, in the DemoData shape — for summaries and tests. */
export async function countDomainRows(db: Queryable): Promise<Record<TableKey, number>> {
  const out = {} as Record<TableKey, number>;
  for (const key of TABLE_KEYS) out[key] = (await db.select({ n: count() }).from(TABLES[key]))[0]?.n ?? 0;
  return out;
}

/** Children first; the org tree's links to itself go in the one statement that deletes it. */
async function wipeAll(tx: Queryable): Promise<void> {
  for (const key of [...TABLE_KEYS].reverse()) await tx.delete(TABLES[key]);
}

async function insertAll(db: Db, tx: Queryable, data: DemoData): Promise<void> {
  for (const key of TABLE_KEYS) await insertRows(db, tx, TABLES[key], data[key] as Row[]);
  // The generator chooses the ids; PostgreSQL's identity sequences must continue after them.
  if (db.engine === 'postgres') {
    for (const key of TABLE_KEYS) {
      const name = getTableName(TABLES[key]);
      await tx.execute(sql`SELECT setval(pg_get_serial_sequence(${name}, 'id'), coalesce((SELECT max(id) FROM ${sql.identifier(name)}), 0) + 1, false)`);
    }
  }
}

type Row = Record<string, unknown>;

/**
 * Chunked inserts. Building the SQL of a 500-row insert for each of a million
 * meeting rows dominated the load time on SQLite (scale 100: 83 s), so there a
 * full chunk's statement — text generated by drizzle for the first full chunk —
 * is prepared once and re-run with each later chunk's parameters, flattened in
 * drizzle's column order and mapped through the columns' own driver mapping.
 * If a row lacks a column (drizzle would inline a default) or the flattened
 * parameters do not match drizzle's own, the chunk goes through drizzle, as
 * every chunk does on PostgreSQL.
 */
async function insertRows(db: Db, tx: Queryable, table: PgTable, rows: Row[]): Promise<void> {
  const columns = Object.entries(getTableColumns(table));
  const size = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMS / columns.length)));
  const writer = db.sqlite?.writer;
  let statement: ReturnType<NonNullable<typeof writer>['prepare']> | null = null;
  let fast = writer !== undefined;
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size);
    const params = fast && chunk.length === size ? flatten(chunk, columns) : null;
    if (params && !statement && writer) {
      const query = tx.insert(table).values(chunk as never).toSQL();
      fast = sameParams(query.params, params);
      if (fast) statement = writer.prepare(query.sql);
    }
    if (params && statement) statement.run(params);
    else await tx.insert(table).values(chunk as never);
  }
}

function flatten(chunk: Row[], columns: [string, ReturnType<typeof getTableColumns>[string]][]): unknown[] | null {
  const out: unknown[] = new Array(chunk.length * columns.length);
  let k = 0;
  for (const row of chunk) {
    for (const [key, column] of columns) {
      const value = row[key];
      if (value === undefined) return null;
      out[k++] = value === null ? null : column.mapToDriverValue(value);
    }
  }
  return out;
}

function sameParams(a: unknown[], b: unknown[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
