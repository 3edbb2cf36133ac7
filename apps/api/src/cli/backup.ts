/**
 * Online backup of the configured database while the server runs:
 *   pnpm backup [dir]     (default: BACKUP_DIR)
 * SQLite: a copy of the file through SQLite's backup API (wj-backup-<time>.sqlite);
 * PostgreSQL (DATABASE_URL): pg_dump -Fc (wj-backup-<time>.dump), pg_dump from PATH
 * or /usr/lib/postgresql/<version>/bin.
 * The attachment files are copied beside it, into <backup-file>.attachments/.
 */
import { databaseTarget, loadConfig } from '../config.js';
import { backupDatabase, pruneBackups } from '../ops/backup.js';
import { displayTarget, PgToolError, PgToolMissingError } from '../ops/pg-tools.js';

const config = loadConfig();
const target = databaseTarget(config);
const dir = process.argv[2] ?? config.BACKUP_DIR;
try {
  const file = await backupDatabase(target, dir, new Date(), config.ATTACHMENTS_DIR);
  const removed = pruneBackups(dir, config.BACKUP_KEEP);
  console.log(`备份完成 backup of ${displayTarget(target)} written: ${file} (+ ${file}.attachments/)${removed.length ? ` (removed ${removed.length} older)` : ''}`);
} catch (err) {
  if (err instanceof PgToolMissingError || err instanceof PgToolError) {
    console.error(`备份失败 backup failed: ${err.message}`);
    process.exit(1);
  }
  throw err;
}
