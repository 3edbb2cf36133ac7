import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../src/app.js';
import { openDb, type Db } from '../../src/db/index.js';
import { generateCommission, loadDemoData } from '../../src/demo/index.js';

export interface TestContext {
  app: Awaited<ReturnType<typeof buildApp>>;
  db: Db;
  close: () => Promise<void>;
}

/**
 * A fresh app on a fresh SQLite file (per test file), optionally holding the
 * demo commission. Drive it with `ctx.app.inject()`.
 */
export async function build(opts: { demo?: boolean } = {}): Promise<TestContext> {
  const dir = mkdtempSync(join(tmpdir(), 'wj-api-test-'));
  const db = openDb(join(dir, 'test.sqlite'));
  if (opts.demo !== false) loadDemoData(db, generateCommission());
  const app = await buildApp({ config: { WEB_DIST: join(dir, 'no-web'), LOG_LEVEL: 'silent' }, db, logger: false });
  await app.ready();
  return {
    app, db,
    close: async () => {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
