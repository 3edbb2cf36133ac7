import { existsSync, readFileSync, realpathSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { pgMigrations } from '../db/index.js';
import { isPostgresUrl } from '../db/engine.js';
import { acquireDbLock, DatabaseInUseError } from './db-lock.js';
import { restoreAttachments, type AttachmentsRestore } from './backup-files.js';
import { checkDatabaseIdentity, checkDumpIdentity, NotOurDatabaseError, type DatabaseIdentity } from './identity.js';
import { displayTarget, PgToolError, runPgTool } from './pg-tools.js';

export interface RestoreResult {
  /**
   * The database that was replaced: SQLite, a copy beside it (null when there
   * was none); PostgreSQL, a pg_dump of it beside the backup file.
   */
  keptCopy: string | null;
  /** The restored file's schema version; the server applies newer migrations when it starts. */
  identity: DatabaseIdentity;
  /** The attachment files put back (null: none asked for, or the backup has no folder). */
  attachments: AttachmentsRestore | null;
}

const stamp = (now: Date) => now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

/** data/wj.sqlite → data/wj.before-restore-20261201T083000Z.sqlite */
export function keptCopyName(target: string, now = new Date()): string {
  const ext = extname(target);
  return join(dirname(target), `${basename(target, ext)}.before-restore-${stamp(now)}${ext || '.sqlite'}`);
}

/**
 * An exclusive SQLite lock on the target, held until the returned connection
 * closes. Every connection open on a WAL database (a running server, a backup,
 * an sqlite3 shell — in this process or another) holds a shared lock that
 * blocks it, and the kernel drops those locks when a process dies, so this
 * cannot be fooled by a stale file. While it is held nobody can open the file.
 */
function holdExclusive(target: string): Database.Database {
  const db = new Database(target, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT'); // in EXCLUSIVE locking mode the lock stays after the transaction
    return db;
  } catch (err) {
    db.close();
    if ((err as { code?: string }).code === 'SQLITE_BUSY' || (err as { code?: string }).code === 'SQLITE_LOCKED') {
      throw new DatabaseInUseError(`数据库 ${target} 正被其他程序打开（服务、备份或其他工具仍在运行）：请先停止服务再恢复。 / The database is open in another process: stop the server first.`);
    }
    throw err;
  }
}

/**
 * Restores a backup into `target`, the configured database: a SQLite file
 * path or a PostgreSQL URL (DATABASE_URL). Refuses when the backup is not this
 * application's database or while anything else uses the target, and keeps
 * what it replaces. With `attachmentsDir`, the backup's attachments folder
 * (<backup>.attachments/) is put back too.
 */
export async function restoreDatabase(backupPath: string, target: string, now = new Date(), attachmentsDir?: string): Promise<RestoreResult> {
  return isPostgresUrl(target) ? restorePostgres(backupPath, target, now, attachmentsDir) : restoreSqlite(backupPath, target, now, attachmentsDir);
}

/**
 * SQLite: nothing is replaced until every check has passed and the new file is
 * complete next to the target; the switch itself is one rename. The replaced
 * database is kept beside it.
 */
async function restoreSqlite(backupPath: string, targetPath: string, now: Date, attachmentsDir?: string): Promise<RestoreResult> {
  if (existsSync(targetPath) && existsSync(backupPath) && realpathSync(backupPath) === realpathSync(targetPath)) {
    throw new NotOurDatabaseError(`${backupPath} 就是当前数据库本身，不能用它恢复自己 / the backup is the database itself`);
  }
  const identity = checkDatabaseIdentity(backupPath);
  const release = acquireDbLock(targetPath, 'restore');
  let held: Database.Database | null = null;
  const incoming = `${targetPath}.restoring`;
  try {
    let keptCopy: string | null = null;
    if (existsSync(targetPath)) {
      held = holdExclusive(targetPath);
      keptCopy = keptCopyName(targetPath, now);
      held.exec(`VACUUM INTO '${keptCopy.replace(/'/g, "''")}'`);
      // Fold the WAL into the old file and drop it: a -wal left beside the path would be replayed onto the restored file.
      held.pragma('journal_mode = DELETE');
    }
    rmSync(incoming, { force: true });
    const src = new Database(backupPath, { readonly: true, fileMustExist: true });
    try {
      await src.backup(incoming);
    } finally {
      src.close();
    }
    checkDatabaseIdentity(incoming);
    for (const side of ['-wal', '-shm', '-journal']) rmSync(`${targetPath}${side}`, { force: true });
    renameSync(incoming, targetPath);
    // Still under the lock: the attachments folder beside the backup replaces the current one (kept beside it).
    const attachments = attachmentsDir ? restoreAttachments(backupPath, attachmentsDir, stamp(now)) : null;
    return { keptCopy, identity, attachments };
  } finally {
    held?.close();
    for (const side of ['', '-wal', '-shm', '-journal']) rmSync(`${incoming}${side}`, { force: true });
    release();
  }
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

interface Connection { pid: number; application_name: string | null; usename: string | null; client_addr: string | null }

/**
 * PostgreSQL has no lock file (several servers share one database by design):
 * the restore refuses while any other session is connected to the database —
 * a server (application_name wj-api), a backup, a psql shell. Sessions that
 * are just closing get a moment to go.
 */
async function refuseOtherConnections(client: pg.Client, url: string) {
  let others: Connection[] = [];
  for (let attempt = 0; attempt < 15; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, 200));
    others = (await client.query<Connection>(
      `select pid, application_name, usename, client_addr::text as client_addr from pg_stat_activity
       where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend' order by pid`,
    )).rows;
    if (others.length === 0) return;
  }
  const servers = others.filter((c) => c.application_name === 'wj-api').length;
  const who = others.map((c) => `${c.application_name || '未命名'}（进程 ${c.pid}${c.usename ? `，用户 ${c.usename}` : ''}${c.client_addr ? `，来自 ${c.client_addr}` : ''}）`).join('、');
  throw new DatabaseInUseError(
    `数据库 ${displayTarget(url)} 正被其他 ${others.length} 个连接使用${servers ? `（其中 ${servers} 个来自服务进程 wj-api）` : ''}：${who}。`
    + 'PostgreSQL 上没有锁文件：请先停止所有使用该数据库的服务进程（及其他客户端）再恢复。'
    + ` / The database has ${others.length} other connection(s)${servers ? ` (${servers} from wj-api servers)` : ''}: stop every server using it first.`,
  );
}

/**
 * PostgreSQL: checks the archive (checkDumpIdentity) and that nobody else is
 * connected, keeps a pg_dump of the database it replaces beside the backup
 * (wj-before-restore-<time>.dump), then `pg_restore --clean --if-exists
 * --single-transaction`: the database's objects are replaced by the backup's
 * in one transaction — a failure leaves the database as it was.
 * When the database is at a newer schema version than the backup, the
 * application's tables that the backup does not have are dropped first (the
 * kept dump holds them), so that the server's migrations can create them again.
 */
async function restorePostgres(backupPath: string, url: string, now: Date, attachmentsDir?: string): Promise<RestoreResult> {
  const { tables, ...identity } = await checkDumpIdentity(backupPath);
  const client = new pg.Client({ connectionString: url, application_name: 'wj-restore' });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(`无法连接数据库 ${displayTarget(url)} / cannot connect: ${(err as Error).message}`, { cause: err });
  }
  try {
    await refuseOtherConnections(client, url);
    const keptCopy = join(dirname(resolve(backupPath)), `wj-before-restore-${stamp(now)}.dump`);
    await runPgTool('pg_dump', ['--format=custom', `--file=${keptCopy}`], { url, appName: 'wj-restore' });

    const journal = JSON.parse(readFileSync(resolve(pgMigrations, 'meta/_journal.json'), 'utf8')) as { entries: { idx: number }[] };
    const last = journal.entries.at(-1)!;
    const snapshot = JSON.parse(readFileSync(resolve(pgMigrations, `meta/${String(last.idx).padStart(4, '0')}_snapshot.json`), 'utf8')) as { tables: Record<string, { name: string; schema: string }> };
    const ours = new Set(Object.values(snapshot.tables).map((t) => `${t.schema || 'public'}.${t.name}`));
    const present = (await client.query<{ name: string }>(
      "select table_schema || '.' || table_name as name from information_schema.tables where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE'",
    )).rows.map((r) => r.name);
    const extra = present.filter((name) => ours.has(name) && !tables.has(name));
    if (extra.length > 0) {
      await client.query(`begin; drop table if exists ${extra.map((n) => n.split('.').map(quoteIdent).join('.')).join(', ')} cascade; commit`);
    }

    try {
      await runPgTool('pg_restore', ['--clean', '--if-exists', '--single-transaction', '--exit-on-error', '--no-owner', backupPath], { url, appName: 'wj-restore' });
    } catch (err) {
      if (err instanceof PgToolError && extra.length > 0) {
        err.message += ` / 恢复前已删除备份中没有的数据表 ${extra.join('、')}；原数据库完整保留在 ${keptCopy}（tables dropped before the restore; the database is kept in ${keptCopy})`;
      }
      throw err;
    }
    const [row] = (await client.query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations')).rows;
    if (row?.n !== identity.applied) throw new Error(`restore incomplete: ${row?.n} migrations recorded, the backup has ${identity.applied}`);
    const attachments = attachmentsDir ? restoreAttachments(backupPath, attachmentsDir, stamp(now)) : null;
    return { keptCopy, identity, attachments };
  } finally {
    await client.end();
  }
}
