import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { pgMigrations } from '../db/index.js';
import { apiRoot } from '../paths.js';
import { PgToolError, PgToolMissingError, runPgTool } from './pg-tools.js';

/**
 * Is a file this application's database, at a schema version this program
 * knows? Checked before a restore: the file must open as SQLite, pass
 * integrity_check and foreign_key_check, hold drizzle's migrations table whose
 * entries are a prefix of this program's journal (same hashes: the same SQL),
 * and have every table and column that its last migration's snapshot lists.
 */
export const migrationsFolder = resolve(apiRoot, 'drizzle');

export class NotOurDatabaseError extends Error {}

export interface DatabaseIdentity {
  /** Migrations applied in the file (its schema version) and known to this program. */
  applied: number;
  known: number;
  /** The tag of the file's last migration, e.g. 0002_login_throttle. */
  tag: string;
}

interface Journal { entries: { idx: number; tag: string; when: number }[] }
interface Snapshot { tables: Record<string, { name: string; columns: Record<string, unknown> }> }

function refuse(path: string, why: string, english: string): never {
  throw new NotOurDatabaseError(`${path} 不是本系统可恢复的数据库：${why} / not this application's database: ${english}`);
}

export function checkDatabaseIdentity(path: string): DatabaseIdentity {
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    db.pragma('schema_version'); // reads the header: a file that is not SQLite fails here
  } catch (err) {
    refuse(path, `无法作为 SQLite 数据库打开（${(err as Error).message}）`, 'cannot be opened as SQLite');
  }
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') refuse(path, `完整性检查未通过（${String(integrity)}）`, 'integrity_check failed');
    const fk = db.pragma('foreign_key_check') as unknown[];
    if (fk.length > 0) refuse(path, `有 ${fk.length} 处外键引用不存在的记录`, 'foreign_key_check failed');

    const hasTable = (name: string) => !!db.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(name);
    if (!hasTable('__drizzle_migrations')) refuse(path, '没有迁移记录表 __drizzle_migrations', 'no migrations table');
    const rows = db.prepare('select hash, created_at as createdAt from __drizzle_migrations order by created_at').all() as { hash: string; createdAt: number }[];
    if (rows.length === 0) refuse(path, '迁移记录表为空', 'no migration applied');

    const journal = JSON.parse(readFileSync(resolve(migrationsFolder, 'meta/_journal.json'), 'utf8')) as Journal;
    const known = readMigrationFiles({ migrationsFolder });
    rows.forEach((row, i) => {
      const ours = known[i];
      if (!ours) refuse(path, `它已应用 ${rows.length} 个迁移，本程序只认识 ${known.length} 个（备份来自更新版本的程序，请先升级程序）`, 'made by a newer version');
      if (Number(row.createdAt) !== ours.folderMillis || row.hash !== ours.hash) {
        refuse(path, `第 ${i + 1} 个迁移（${journal.entries[i]?.tag ?? '?'}）与本程序的迁移记录不一致`, `migration ${i + 1} differs from this program's`);
      }
    });

    const entry = journal.entries[rows.length - 1]!;
    const snapshot = JSON.parse(readFileSync(resolve(migrationsFolder, `meta/${String(entry.idx).padStart(4, '0')}_snapshot.json`), 'utf8')) as Snapshot;
    for (const table of Object.values(snapshot.tables)) {
      if (!hasTable(table.name)) refuse(path, `缺少数据表 ${table.name}`, `table ${table.name} missing`);
      const columns = new Set((db.prepare(`select name from pragma_table_info(?)`).all(table.name) as { name: string }[]).map((c) => c.name));
      const missing = Object.keys(table.columns).filter((c) => !columns.has(c));
      if (missing.length) refuse(path, `数据表 ${table.name} 缺少字段 ${missing.join('、')}`, `columns missing in ${table.name}`);
    }
    return { applied: rows.length, known: known.length, tag: entry.tag };
  } finally {
    db.close();
  }
}

/** A PostgreSQL backup's identity, and the tables it holds ("schema.name"). */
export interface DumpIdentity extends DatabaseIdentity { tables: Set<string> }

/**
 * Is a file a pg_dump archive of this application's database, at a schema
 * version this program knows? `pg_restore --list` must read it (a custom-format
 * archive), its table of contents must hold drizzle's migrations table, whose
 * rows (read from the archive) are a prefix of this program's PostgreSQL
 * journal, and every table its last migration's snapshot lists. Reads the file
 * only: no database is touched.
 */
export async function checkDumpIdentity(path: string): Promise<DumpIdentity> {
  const list = await pgRestore(path, ['--list', path], 'cannot be read by pg_restore', (msg) => `pg_restore 无法读取它（不是 pg_dump -Fc 生成的备份？${msg}）`);
  // TOC lines: "216; 1259 16391 TABLE drizzle __drizzle_migrations owner"
  const tables = new Set<string>();
  for (const line of list.split('\n')) {
    const m = /^\d+; \d+ \d+ TABLE (\S+) (\S+)(?: |$)/.exec(line);
    if (m) tables.add(`${m[1]}.${m[2]}`);
  }
  if (!tables.has('drizzle.__drizzle_migrations')) refuse(path, '没有迁移记录表 __drizzle_migrations', 'no migrations table');

  const data = await pgRestore(path, ['--data-only', '--schema=drizzle', '--table=__drizzle_migrations', '--file=-', path], 'migrations unreadable', (msg) => `无法读出迁移记录（${msg}）`);
  const copy = /^COPY drizzle\.__drizzle_migrations \(([^)]*)\) FROM stdin;\n([\s\S]*?)^\\\.$/m.exec(data);
  const columns = copy?.[1]?.split(', ') ?? [];
  const hashAt = columns.indexOf('hash');
  const createdAt = columns.indexOf('created_at');
  if (!copy || hashAt < 0 || createdAt < 0) refuse(path, '迁移记录表的内容无法识别', 'migrations table unreadable');
  const rows = copy[2]!.split('\n').filter(Boolean).map((line) => line.split('\t'))
    .map((f) => ({ hash: f[hashAt]!, createdAt: Number(f[createdAt]) }))
    .sort((a, b) => a.createdAt - b.createdAt);
  if (rows.length === 0) refuse(path, '迁移记录表为空', 'no migration applied');

  const journal = JSON.parse(readFileSync(resolve(pgMigrations, 'meta/_journal.json'), 'utf8')) as Journal;
  const known = readMigrationFiles({ migrationsFolder: pgMigrations });
  rows.forEach((row, i) => {
    const ours = known[i];
    if (!ours) refuse(path, `它已应用 ${rows.length} 个迁移，本程序只认识 ${known.length} 个（备份来自更新版本的程序，请先升级程序）`, 'made by a newer version');
    if (row.createdAt !== ours.folderMillis || row.hash !== ours.hash) {
      refuse(path, `第 ${i + 1} 个迁移（${journal.entries[i]?.tag ?? '?'}）与本程序的迁移记录不一致`, `migration ${i + 1} differs from this program's`);
    }
  });
  const entry = journal.entries[rows.length - 1]!;
  const snapshot = JSON.parse(readFileSync(resolve(pgMigrations, `meta/${String(entry.idx).padStart(4, '0')}_snapshot.json`), 'utf8')) as PgSnapshot;
  for (const table of Object.values(snapshot.tables)) {
    const name = `${table.schema || 'public'}.${table.name}`;
    if (!tables.has(name)) refuse(path, `缺少数据表 ${table.name}`, `table ${table.name} missing`);
  }
  return { applied: rows.length, known: known.length, tag: entry.tag, tables };
}

interface PgSnapshot { tables: Record<string, { name: string; schema: string }> }

async function pgRestore(path: string, args: string[], english: string, why: (msg: string) => string): Promise<string> {
  try {
    return (await runPgTool('pg_restore', args)).stdout;
  } catch (err) {
    if (err instanceof PgToolMissingError || !(err instanceof PgToolError)) throw err;
    refuse(path, why(err.stderr.replace(/^pg_restore: (error: )?/gm, '').trim()), english);
  }
}
