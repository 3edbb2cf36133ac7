import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.js';
import { inject } from 'vitest';
import { DEMO_PASSWORD } from '../../src/auth/demo-users.js';
import type { Db } from '../../src/db/index.js';
import { openTestDb } from './db.js';

export type DemoLogin = 'admin' | 'leader' | 'renmin' | 'yanke' | 'jijiu';
export type Client = (opts: string | InjectOptions) => Promise<LightMyRequestResponse>;

export interface TestContext {
  app: Awaited<ReturnType<typeof buildApp>>;
  db: Db;
  dir: string;
  /** A client logged in as one of the demo users (cookie carried on every call). */
  as: (user: DemoLogin) => Promise<Client>;
  /** A client with no session. */
  anon: Client;
  close: () => Promise<void>;
}

/**
 * A fresh app on a fresh database of the run's engine (a SQLite file, or a
 * new PostgreSQL database; one per test file), holding the demo commission
 * and its demo logins unless `demo: false`.
 */
export async function build(opts: { demo?: boolean } = {}): Promise<TestContext> {
  const dir = mkdtempSync(join(tmpdir(), 'wj-api-test-'));
  // The demo commission and its logins come from the run's template (test/global-setup.ts): loaded once, copied per file.
  const opened = await openTestDb(dir, 'test', opts.demo !== false ? inject('demoTemplate') : undefined);
  const db = opened.db;
  const app = await buildApp({ config: { WEB_DIST: join(dir, 'no-web'), LOG_LEVEL: 'silent', ATTACHMENTS_DIR: join(dir, 'attachments') }, db, logger: false });
  await app.ready();
  const anon: Client = (o) => app.inject(typeof o === 'string' ? { url: o } : o);
  const cookies = new Map<string, string>();
  const as = async (user: DemoLogin): Promise<Client> => {
    let cookie = cookies.get(user);
    if (!cookie) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user, password: DEMO_PASSWORD } });
      if (res.statusCode !== 200) throw new Error(`login ${user} failed: ${res.body}`);
      const c = res.cookies.find((x) => x.name === 'wj_session')!;
      cookie = `${c.name}=${c.value}`;
      cookies.set(user, cookie);
    }
    const header = cookie;
    return (o) => {
      const base: InjectOptions = typeof o === 'string' ? { url: o } : o;
      return app.inject({ ...base, headers: { ...(base.headers ?? {}), cookie: header } });
    };
  };
  return {
    app, db, dir, as, anon,
    close: async () => {
      await app.close();
      await opened.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
