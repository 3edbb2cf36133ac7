import { buildApp } from './app.js';
import { databaseTarget, loadConfig } from './config.js';
import { openDb } from './db/index.js';
import { backupDatabase, pruneBackups } from './ops/backup.js';
import { acquireDbLock, DatabaseInUseError } from './ops/db-lock.js';
import { ensureDemoUsers } from './auth/demo-users.js';
import { ensureDemoData } from './demo/index.js';

// One async function rather than top-level await: the production build is a CommonJS bundle
// (see scripts/build.mjs), which node compiles from a V8 code cache.
async function main() {
  const config = loadConfig();
  // SQLite: the lock file beside the database tells `pnpm restore` (and a second server) that this process uses it.
  // PostgreSQL: several servers share one database by design; there is no lock.
  if (!config.DATABASE_URL) {
    let releaseLock: () => void;
    try {
      releaseLock = acquireDbLock(config.DATABASE_PATH, 'server');
    } catch (err) {
      if (!(err instanceof DatabaseInUseError)) throw err;
      console.error(`无法启动 cannot start: ${err.message}`);
      process.exit(1);
    }
    process.on('exit', () => releaseLock());
  }
  const db = await openDb(databaseTarget(config));
  if (config.DEMO_DATA) {
    if (await ensureDemoData(db)) console.log(`已载入演示数据 (demo data loaded into ${config.DATABASE_URL ? 'PostgreSQL' : config.DATABASE_PATH})`);
    if (await ensureDemoUsers(db)) console.log('已创建演示账号 (demo logins created, see README)');
  }

  const app = await buildApp({ config, db });

  // Scheduled backups (BACKUP_INTERVAL_HOURS, default daily), keeping BACKUP_KEEP copies.
  if (config.BACKUP_INTERVAL_HOURS > 0) {
    const timer = setInterval(() => {
      backupDatabase(db, config.BACKUP_DIR, new Date(), config.ATTACHMENTS_DIR)
        .then((file) => { pruneBackups(config.BACKUP_DIR, config.BACKUP_KEEP); app.log.info({ file }, 'scheduled backup written'); })
        .catch((err) => app.log.error({ err }, 'scheduled backup failed'));
    }, config.BACKUP_INTERVAL_HOURS * 3600_000);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
  }

  // Finish in-flight requests, then close the database; a second signal forces the exit.
  let closing = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (closing) process.exit(1);
      closing = true;
      app.log.info(`${signal} received, shutting down`);
      app.close().then(() => process.exit(0), () => process.exit(1));
    });
  }

  await app.listen({ port: config.PORT, host: config.HOST });
  console.log(`卫健党建质量平台 running at http://localhost:${config.PORT}`);
  // The production launcher (dist/server.js) writes V8's code cache of the bundle once the start's code has run.
  (process as NodeJS.EventEmitter).emit('wj:listening');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
