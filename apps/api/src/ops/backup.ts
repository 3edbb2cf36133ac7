import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { attachmentsBackupOf, backupAttachments } from './backup-files.js';

const PREFIX = 'wj-backup-';

/** backup file name with a sortable timestamp: wj-backup-20261123T021500Z.sqlite */
export function backupName(now = new Date()): string {
  return `${PREFIX}${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}.sqlite`;
}

/**
 * A consistent online copy (with `attachmentsDir`, the attachment files beside it) through SQLite's backup API: it copies pages while
 * other connections keep reading and writing, restarting if they change the
 * source, so the copy is one point-in-time state — no stopping the server.
 */
export async function backupDatabase(source: Database.Database, dir: string, now = new Date(), attachmentsDir?: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const dest = join(dir, backupName(now));
  await source.backup(dest);
  // The evidence files go beside it (<backup>.attachments/), so a restore brings back what its rows name.
  if (attachmentsDir) backupAttachments(attachmentsDir, dest);
  return dest;
}

/** Keeps the newest `keep` backups in `dir`, deleting older ones; returns what was deleted. */
export function pruneBackups(dir: string, keep: number): string[] {
  const files = readdirSync(dir).filter((f) => f.startsWith(PREFIX) && f.endsWith('.sqlite')).sort();
  const old = files.slice(0, Math.max(0, files.length - keep));
  for (const f of old) {
    rmSync(join(dir, f), { force: true });
    rmSync(attachmentsBackupOf(join(dir, f)), { recursive: true, force: true });
  }
  return old;
}
