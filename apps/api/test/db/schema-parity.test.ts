// engine: postgres
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { getTableColumns, getTableName, is, Table } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteMigrations, type Db } from '../../src/db/index.js';
import { rawRows } from '../../src/db/raw.js';
import * as pgTree from '../../src/db/pg-schema/index.js';
import * as sqliteTree from '../../src/db/sqlite-schema/index.js';
import { openTestDb } from '../helpers/db.js';

/**
 * The two schema trees are one schema: both engines' committed migrations
 * are applied to empty databases and what they built is compared — tables,
 * columns (type family, nullability, default, primary key), indexes (columns,
 * uniqueness) and foreign keys (target, on delete) — and the two drizzle
 * trees agree column by column on the JavaScript type services see.
 */
interface Column { type: string; notNull: boolean; default: string | null; pk: boolean }
interface Shape {
  columns: Record<string, Record<string, Column>>;
  indexes: Record<string, { table: string; columns: string[]; unique: boolean }>;
  fks: string[];
}

/** The type family both engines store a value in: SQLite's declared type, PostgreSQL's data type. */
const FAMILY: Record<string, string> = {
  integer: 'integer', bigint: 'integer', boolean: 'integer', text: 'text', jsonb: 'text', real: 'real', 'double precision': 'real',
};
/** Defaults as values: quotes, casts and boolean spellings aside. */
const normDefault = (d: string | null) => {
  if (d == null) return null;
  const v = d.replace(/::[a-z ]+$/i, '').replace(/^'(.*)'$/s, '$1').replace(/^\((.*)\)$/, '$1');
  return v === 'false' ? '0' : v === 'true' ? '1' : v;
};

let dir: string;
let pgDb: Db;
let closePg: () => Promise<void>;
let sqlite: Database.Database;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wj-parity-'));
  sqlite = new Database(join(dir, 'parity.sqlite'));
  migrate(drizzle({ client: sqlite }), { migrationsFolder: sqliteMigrations });
  ({ db: pgDb, close: closePg } = await openTestDb(dir, 'parity'));
});
afterAll(async () => {
  sqlite.close();
  await closePg();
  rmSync(dir, { recursive: true, force: true });
});

function sqliteShape(): Shape {
  const tables = (sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'").all() as { name: string }[]).map((t) => t.name);
  const shape: Shape = { columns: {}, indexes: {}, fks: [] };
  for (const t of tables) {
    shape.columns[t] = {};
    for (const c of sqlite.prepare('select * from pragma_table_info(?)').all(t) as { name: string; type: string; notnull: number; dflt_value: string | null; pk: number }[]) {
      shape.columns[t]![c.name] = { type: FAMILY[c.type.toLowerCase()] ?? c.type, notNull: c.notnull === 1 || c.pk > 0, default: normDefault(c.dflt_value), pk: c.pk > 0 };
    }
    for (const i of sqlite.prepare("select * from pragma_index_list(?) where origin = 'c'").all(t) as { name: string; unique: number }[]) {
      const columns = (sqlite.prepare('select name from pragma_index_info(?) order by seqno').all(i.name) as { name: string }[]).map((c) => c.name);
      shape.indexes[i.name] = { table: t, columns, unique: i.unique === 1 };
    }
    for (const f of sqlite.prepare('select * from pragma_foreign_key_list(?)').all(t) as { from: string; table: string; to: string; on_delete: string }[]) {
      shape.fks.push(`${t}.${f.from} → ${f.table}.${f.to} on delete ${f.on_delete.toLowerCase()}`);
    }
  }
  shape.fks.sort();
  return shape;
}

async function pgShape(): Promise<Shape> {
  const shape: Shape = { columns: {}, indexes: {}, fks: [] };
  const pkCols = new Set((await rawRows<{ t: string; c: string }>(pgDb, `
    select tc.table_name as t, kcu.column_name as c from information_schema.table_constraints tc
    join information_schema.key_column_usage kcu on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
    where tc.constraint_type = 'PRIMARY KEY' and tc.table_schema = 'public'`)).map((r) => `${r.t}.${r.c}`));
  for (const c of await rawRows<{ table_name: string; column_name: string; data_type: string; is_nullable: string; column_default: string | null }>(pgDb, `
    select table_name, column_name, data_type, is_nullable, column_default from information_schema.columns where table_schema = 'public'`)) {
    (shape.columns[c.table_name] ??= {})[c.column_name] = {
      type: FAMILY[c.data_type] ?? c.data_type, notNull: c.is_nullable === 'NO', default: normDefault(c.column_default), pk: pkCols.has(`${c.table_name}.${c.column_name}`),
    };
  }
  for (const i of await rawRows<{ name: string; table: string; unique: boolean; columns: string[] | string }>(pgDb, `
    select ic.relname as name, tc.relname as "table", ix.indisunique as "unique",
      array(select a.attname from unnest(ix.indkey) with ordinality k(n, o) join pg_attribute a on a.attrelid = tc.oid and a.attnum = k.n order by k.o) as columns
    from pg_index ix join pg_class ic on ic.oid = ix.indexrelid join pg_class tc on tc.oid = ix.indrelid join pg_namespace ns on ns.oid = tc.relnamespace
    where ns.nspname = 'public' and not ix.indisprimary`)) {
    shape.indexes[i.name] = { table: i.table, columns: Array.isArray(i.columns) ? i.columns : i.columns.replace(/[{}]/g, '').split(','), unique: i.unique };
  }
  for (const f of await rawRows<{ t: string; c: string; rt: string; rc: string; del: string }>(pgDb, `
    select cl.relname as t, a.attname as c, rcl.relname as rt, ra.attname as rc,
      case con.confdeltype when 'a' then 'no action' when 'r' then 'restrict' when 'c' then 'cascade' when 'n' then 'set null' when 'd' then 'set default' end as del
    from pg_constraint con join pg_class cl on cl.oid = con.conrelid join pg_class rcl on rcl.oid = con.confrelid
    join pg_attribute a on a.attrelid = con.conrelid and a.attnum = con.conkey[1]
    join pg_attribute ra on ra.attrelid = con.confrelid and ra.attnum = con.confkey[1]
    where con.contype = 'f'`)) {
    shape.fks.push(`${f.t}.${f.c} → ${f.rt}.${f.rc} on delete ${f.del}`);
  }
  shape.fks.sort();
  return shape;
}

describe('one schema on two engines', () => {
  it('the migrations of both engines build the same tables, columns, indexes and foreign keys', async () => {
    const a = sqliteShape();
    const b = await pgShape();
    // The identity default of PostgreSQL's ids is SQLite's autoincrement: both have no literal default.
    for (const table of Object.values(b.columns)) for (const c of Object.values(table)) if (c.pk && c.default?.startsWith('nextval')) c.default = null;
    expect(Object.keys(b.columns).sort()).toEqual(Object.keys(a.columns).sort());
    expect(Object.keys(a.columns).length).toBe(26);
    for (const t of Object.keys(a.columns)) expect({ table: t, columns: b.columns[t] }).toEqual({ table: t, columns: a.columns[t] });
    expect(b.indexes).toEqual(a.indexes);
    expect(b.fks).toEqual(a.fks);
    console.log(`schema parity: ${Object.keys(a.columns).length} tables, ${Object.values(a.columns).reduce((n, t) => n + Object.keys(t).length, 0)} columns, ${Object.keys(a.indexes).length} indexes, ${a.fks.length} foreign keys`);
  });

  it('the two drizzle trees give services the same JavaScript types, column by column', () => {
    const tables = (tree: object) => Object.fromEntries(Object.values(tree).filter((t) => is(t, Table)).map((t) => [getTableName(t as Table),
      Object.fromEntries(Object.entries(getTableColumns(t as Table)).map(([k, c]) => [k, { dataType: c.dataType, notNull: c.notNull, hasDefault: c.hasDefault, primary: c.primary }]))]));
    expect(tables(pgTree)).toEqual(tables(sqliteTree));
  });
});
