/**
 * Restores a backup into the configured database:
 *   pnpm restore <backup-file>
 * Refuses a file that is not this application's database, and refuses while
 * the database is in use. SQLite: while the server (or anything else) has the
 * file open; the database it replaces is kept beside it as
 * <name>.before-restore-<time>.sqlite. PostgreSQL (DATABASE_URL; a .dump made by
 * `pnpm backup`): while any other session is connected to the database — stop
 * every server first; a pg_dump of the database it replaces is kept beside the
 * backup as wj-before-restore-<time>.dump. The backup's attachments folder
 * (<backup-file>.attachments/) replaces ATTACHMENTS_DIR.
 */
import { existsSync } from 'node:fs';
import { databaseTarget, loadConfig } from '../config.js';
import { DatabaseInUseError } from '../ops/db-lock.js';
import { NotOurDatabaseError } from '../ops/identity.js';
import { displayTarget, PgToolError, PgToolMissingError } from '../ops/pg-tools.js';
import { restoreDatabase } from '../ops/restore.js';

const file = process.argv[2];
if (!file) {
  console.error('用法 usage: pnpm restore <备份文件 backup-file>');
  process.exit(2);
}
if (!existsSync(file)) {
  console.error(`找不到备份文件 ${file} / no such file`);
  process.exit(2);
}
const config = loadConfig();
const target = databaseTarget(config);
try {
  const { keptCopy, identity, attachments } = await restoreDatabase(file, target, new Date(), config.ATTACHMENTS_DIR);
  console.log(`已恢复 restored ${file} → ${displayTarget(target)}（数据库版本 ${identity.tag}）`);
  if (keptCopy) console.log(`原数据库已保留在 the replaced database is kept at ${keptCopy}`);
  if (attachments) console.log(`已恢复附件 ${attachments.restored} 个 → ${config.ATTACHMENTS_DIR}${attachments.keptCopy ? `（原附件目录保留在 ${attachments.keptCopy}）` : ''}`);
  else console.log('该备份没有附件目录，附件未改动 / the backup has no attachments folder: attachments left as they are');
  if (identity.applied < identity.known) {
    console.log(`该备份来自较早版本，服务启动时将自动升级 ${identity.known - identity.applied} 个迁移 / ${identity.known - identity.applied} migration(s) will run at the next start`);
  }
} catch (err) {
  if (err instanceof DatabaseInUseError || err instanceof NotOurDatabaseError || err instanceof PgToolMissingError || err instanceof PgToolError) {
    console.error(`未恢复，数据库未改动 not restored, nothing changed: ${err.message}`);
    process.exit(1);
  }
  throw err;
}
