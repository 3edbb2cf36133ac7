/**
 * Restores a backup into the configured database:
 *   pnpm restore <backup-file>
 * Refuses while the server (or anything else) has the database open, and
 * refuses a file that is not this application's database; the database it
 * replaces is kept beside it as <name>.before-restore-<time>.sqlite.
 */
import { existsSync } from 'node:fs';
import { loadConfig } from '../config.js';
import { DatabaseInUseError } from '../ops/db-lock.js';
import { NotOurDatabaseError } from '../ops/identity.js';
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
try {
  const { keptCopy, identity } = await restoreDatabase(file, config.DATABASE_PATH);
  console.log(`已恢复 restored ${file} → ${config.DATABASE_PATH}（数据库版本 ${identity.tag}）`);
  if (keptCopy) console.log(`原数据库已保留在 the replaced database is kept at ${keptCopy}`);
  if (identity.applied < identity.known) {
    console.log(`该备份来自较早版本，服务启动时将自动升级 ${identity.known - identity.applied} 个迁移 / ${identity.known - identity.applied} migration(s) will run at the next start`);
  }
} catch (err) {
  if (err instanceof DatabaseInUseError || err instanceof NotOurDatabaseError) {
    console.error(`未恢复，数据库未改动 not restored, nothing changed: ${err.message}`);
    process.exit(1);
  }
  throw err;
}
