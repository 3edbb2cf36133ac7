import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from '../db/index.js';
import { isPostgresUrl, type Engine } from '../db/engine.js';
import { attachmentsBackupOf, backupAttachments } from './backup-files.js';
import { runPgTool } from './pg-tools.js';

const PREFIX = 'wj-backup-';
/** SQLite backups are database files; PostgreSQL backups are pg_dump archives (custom format). */
const EXTENSION: Record<Engine, string> = { sqlite: '.sqlite', postgres: '.dump' };

/** backup file name with a sortable timestamp: wj-backup-20261123T021500Z.sqlite (PostgreSQL: ….dump) */
export function backupName(now = new Date(), engine: Engine = 'sqlite'): string {
  return `${PREFIX}${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}${EXTENSION[engine]}`;
}

/**
 * What is backed up: the open database (the server's scheduled backup), or
 * what the configuration names — a PostgreSQL URL or a SQLite file path.
 */
export type BackupSource = Db | string;

/**
 * A consistent online backup into `dir` (with `attachmentsDir`, the attachment
 * files beside it, in <backup>.attachments/), taken while the server keeps
 * reading and writing; resolves with the backup file's path.
 *
 * SQLite: through SQLite's backup API, which copies pages in steps between
 * which other connections go on, restarting when they change the source, so
 * the copy is one point-in-time state. PostgreSQL: `pg_dump -Fc` in a child
 * process (one snapshot of the whole database; the event loop stays free),
 * written under a temporary name and renamed when complete.
 */
export async function backupDatabase(source: BackupSource, dir: string, now = new Date(), attachmentsDir?: string): Promise<string> {
  const url = typeof source === 'string' ? (isPostgresUrl(source) ? source : null) : source.pg?.url ?? null;
  mkdirSync(dir, { recursive: true });
  const dest = join(dir, backupName(now, url ? 'postgres' : 'sqlite'));
  if (url) await dumpPostgres(url, dest);
  else if (typeof source === 'string') await backupSqliteFile(source, dest);
  else await source.sqlite!.reader.backup(dest); // the reader sees committed data only, never a transaction's half
  // The evidence files go beside it (<backup>.attachments/), so a restore brings back what its rows name.
  if (attachmentsDir) backupAttachments(attachmentsDir, dest);
  return dest;
}

async function backupSqliteFile(path: string, dest: string) {
  const db = new Database(path, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(dest);
  } finally {
    db.close();
  }
}

async function dumpPostgres(url: string, dest: string) {
  const part = `${dest}.part`;
  try {
    await runPgTool('pg_dump', ['--format=custom', `--file=${part}`], { url, appName: 'wj-backup' });
    renameSync(part, dest);
  } finally {
    rmSync(part, { force: true });
  }
}

/** Keeps the newest `keep` backups in `dir` (of either engine), deleting older ones; returns what was deleted. */
export function pruneBackups(dir: string, keep: number): string[] {
  const ours = (f: string) => f.startsWith(PREFIX) && Object.values(EXTENSION).some((ext) => f.endsWith(ext));
  const files = readdirSync(dir).filter(ours).sort();
  const old = files.slice(0, Math.max(0, files.length - keep));
  for (const f of old) {
    rmSync(join(dir, f), { force: true });
    rmSync(attachmentsBackupOf(join(dir, f)), { recursive: true, force: true });
  }
  return old;
}
