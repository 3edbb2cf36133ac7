import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

const PREFIX = 'wj-backup-';

/** backup file name with a sortable timestamp: wj-backup-20261123T021500Z.sqlite */
export function backupName(now = new Date()): string {
  return `${PREFIX}${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}.sqlite`;
}

/**
 * A consistent online copy through SQLite's backup API: it copies pages while
 * other connections keep reading and writing, restarting if they change the
 * source, so the copy is one point-in-time state — no stopping the server.
 */
export async function backupDatabase(source: Database.Database, dir: string, now = new Date()): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const dest = join(dir, backupName(now));
  await source.backup(dest);
  return dest;
}

/** Keeps the newest `keep` backups in `dir`, deleting older ones; returns what was deleted. */
export function pruneBackups(dir: string, keep: number): string[] {
  const files = readdirSync(dir).filter((f) => f.startsWith(PREFIX) && f.endsWith('.sqlite')).sort();
  const old = files.slice(0, Math.max(0, files.length - keep));
  for (const f of old) rmSync(join(dir, f), { force: true });
  return old;
}

/** Checks a backup file before it is restored: it must open and pass SQLite's integrity check. */
export function verifyBackup(path: string): void {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const result = db.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new Error(`backup failed its integrity check: ${String(result)}`);
  } finally {
    db.close();
  }
}

/**
 * Restores a backup into the database file through the same backup API, so a
 * WAL file beside the target is handled by SQLite rather than left stale.
 */
export async function restoreDatabase(backupPath: string, targetPath: string): Promise<void> {
  verifyBackup(backupPath);
  const src = new Database(backupPath, { readonly: true, fileMustExist: true });
  try {
    await src.backup(targetPath);
  } finally {
    src.close();
  }
}
