/**
 * Online backup of the configured database while the server runs:
 *   pnpm backup [dir]     (default: BACKUP_DIR)
 * The attachment files are copied beside it, into <backup-file>.attachments/.
 */
import Database from 'better-sqlite3';
import { loadConfig } from '../config.js';
import { backupDatabase, pruneBackups } from '../ops/backup.js';

const config = loadConfig();
const dir = process.argv[2] ?? config.BACKUP_DIR;
const db = new Database(config.DATABASE_PATH, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
const file = await backupDatabase(db, dir, new Date(), config.ATTACHMENTS_DIR);
db.close();
const removed = pruneBackups(dir, config.BACKUP_KEEP);
console.log(`备份完成 backup written: ${file} (+ ${file}.attachments/)${removed.length ? ` (removed ${removed.length} older)` : ''}`);
