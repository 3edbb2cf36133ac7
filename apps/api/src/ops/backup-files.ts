import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The attachments folder that goes with a database backup: wj-backup-….sqlite → wj-backup-….sqlite.attachments/ */
export const attachmentsBackupOf = (backupFile: string) => `${backupFile}.attachments`;

/**
 * Copies the attachment files beside a database backup. Stored files are
 * written once under a random name and never changed, so a hard link is a
 * faithful copy (and costs no space); across file systems it copies. Run
 * after the database backup: every file a row of that backup names was
 * written before its row was committed, so it is here.
 */
export function backupAttachments(attachmentsDir: string, backupFile: string): number {
  const dest = attachmentsBackupOf(backupFile);
  mkdirSync(dest, { recursive: true });
  if (!existsSync(attachmentsDir)) return 0;
  let n = 0;
  for (const name of readdirSync(attachmentsDir)) {
    const from = join(attachmentsDir, name);
    if (name.endsWith('.part') || !statSync(from).isFile()) continue; // an upload still being written
    try { linkSync(from, join(dest, name)); } catch { copyFileSync(from, join(dest, name)); }
    n++;
  }
  return n;
}

export interface AttachmentsRestore { restored: number; keptCopy: string | null }

/**
 * Puts a backup's attachments folder in place of `attachmentsDir`, keeping
 * the folder it replaces beside it (attachments.before-restore-<stamp>).
 * A backup without a folder (made before attachments existed) leaves the
 * folder as it is and returns null.
 */
export function restoreAttachments(backupFile: string, attachmentsDir: string, stamp: string): AttachmentsRestore | null {
  const src = attachmentsBackupOf(backupFile);
  if (!existsSync(src)) return null;
  const incoming = `${attachmentsDir}.restoring`;
  rmSync(incoming, { recursive: true, force: true });
  mkdirSync(incoming, { recursive: true });
  let restored = 0;
  for (const name of readdirSync(src)) {
    copyFileSync(join(src, name), join(incoming, name));
    restored++;
  }
  let keptCopy: string | null = null;
  if (existsSync(attachmentsDir)) {
    keptCopy = join(dirname(attachmentsDir), `${basename(attachmentsDir)}.before-restore-${stamp}`);
    renameSync(attachmentsDir, keptCopy);
  }
  renameSync(incoming, attachmentsDir);
  return { restored, keptCopy };
}
