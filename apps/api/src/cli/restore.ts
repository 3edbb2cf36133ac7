/**
 * Restores a backup into the configured database:
 *   pnpm restore <backup-file>
 * Stop the server first: a running server would keep serving its cached view.
 */
import { loadConfig } from '../config.js';
import { restoreDatabase } from '../ops/backup.js';

const file = process.argv[2];
if (!file) {
  console.error('usage: pnpm restore <backup-file>');
  process.exit(2);
}
const config = loadConfig();
await restoreDatabase(file, config.DATABASE_PATH);
console.log(`已恢复 restored ${file} → ${config.DATABASE_PATH}`);
