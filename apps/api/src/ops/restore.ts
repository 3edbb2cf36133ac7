import { existsSync, realpathSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import Database from 'better-sqlite3';
import { acquireDbLock, DatabaseInUseError } from './db-lock.js';
import { restoreAttachments, type AttachmentsRestore } from './backup-files.js';
import { checkDatabaseIdentity, NotOurDatabaseError, type DatabaseIdentity } from './identity.js';

export interface RestoreResult {
  /** The database that was replaced, kept beside it (null when there was none). */
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
 * Replaces the database at `targetPath` with the backup, refusing when the
 * backup is not this application's database or when anything has the target
 * open, and keeping the replaced database beside it. Nothing is replaced until
 * every check has passed and the new file is complete next to the target; the
 * switch itself is one rename. With `attachmentsDir`, the backup's
 * attachments folder (<backup>.attachments/) is put back too.
 */
export async function restoreDatabase(backupPath: string, targetPath: string, now = new Date(), attachmentsDir?: string): Promise<RestoreResult> {
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
