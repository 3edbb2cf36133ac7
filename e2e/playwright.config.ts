import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3210);
// A fresh database per run: the server loads the demo commission into it on start.
// The main process picks the path (clearing older runs); workers inherit it through the environment.
if (!process.env.E2E_DB_PATH) {
  const dir = resolve(import.meta.dirname, '.tmp', String(PORT));
  rmSync(dir, { recursive: true, force: true });
  process.env.E2E_DB_PATH = resolve(dir, `e2e-${Date.now()}.sqlite`);
}
const dbPath = process.env.E2E_DB_PATH;

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
    env: { PORT: String(PORT), HOST: '127.0.0.1', DATABASE_PATH: dbPath, DEMO_DATA: 'true', LOG_LEVEL: 'warn', LOGIN_RATE_MAX: '1000', BACKUP_INTERVAL_HOURS: '0' },
  },
});
