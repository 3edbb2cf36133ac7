import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3210);
// A fresh database per run: the server loads the demo commission into it on start.
// E2E_DATABASE_URL: an empty PostgreSQL database (scripts/test.sh creates one on its throwaway cluster);
// otherwise a SQLite file — the main process picks the path (clearing older runs); workers inherit it.
const pgUrl = process.env.E2E_DATABASE_URL;
if (!pgUrl && !process.env.E2E_DB_PATH) {
  const dir = resolve(import.meta.dirname, '.tmp', String(PORT));
  rmSync(dir, { recursive: true, force: true });
  process.env.E2E_DB_PATH = resolve(dir, `e2e-${Date.now()}.sqlite`);
}
const dbPath = process.env.E2E_DB_PATH;
if (pgUrl && !process.env.E2E_TMP_CLEARED) {
  rmSync(resolve(import.meta.dirname, '.tmp', String(PORT)), { recursive: true, force: true });
  process.env.E2E_TMP_CLEARED = '1'; // the main process clears; workers inherit the mark
}

export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  // One retry absorbs a click lost to a busy 2-core machine (CI or not); a test that fails twice fails, and a retried pass is reported as flaky.
  retries: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: 'pnpm --filter @wj/api start',
    url: `http://127.0.0.1:${PORT}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      PORT: String(PORT), HOST: '127.0.0.1', DEMO_DATA: 'true',
      ...(pgUrl ? { DATABASE_URL: pgUrl, ATTACHMENTS_DIR: resolve(import.meta.dirname, '.tmp', String(PORT), 'attachments') } : { DATABASE_PATH: dbPath! }), LOG_LEVEL: 'warn', LOGIN_RATE_MAX: '1000', BACKUP_INTERVAL_HOURS: '0' },
  },
});
