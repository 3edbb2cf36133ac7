import { afterAll, beforeAll, expect, it } from 'vitest';
import { join } from 'node:path';
import { buildApp } from '../../src/app.js';
import { createSession } from '../../src/auth/sessions.js';
import { users } from '../../src/db/schema/index.js';
import { build, type TestContext } from '../helpers/build.js';
import { freshDatabase } from '../helpers/db.js';
import { openDb } from '../../src/db/index.js';

let ctx: TestContext;
beforeAll(async () => { ctx = await build({ demo: false }); });
afterAll(() => ctx.close());

/** The engine this run is on, from the run's own settings (not from the server's answer). */
const runEngine = process.env.DATABASE_URL ? 'postgres' : 'sqlite';

it('reports the engine and the database as ok', async () => {
  const res = await ctx.app.inject('/api/health');
  expect(res.statusCode).toBe(200);
  expect(res.json()).toMatchObject({ status: 'ok', engine: runEngine, db: 'ok' });
});

it('answers 503 with the database as error when the database does not answer', async () => {
  const fresh = await freshDatabase(ctx.dir, 'health-down');
  try {
    const db = await openDb(fresh.target);
    // Not closed afterwards: closing the app would close the database a second time.
    const app = await buildApp({ config: { WEB_DIST: join(ctx.dir, 'no-web'), LOG_LEVEL: 'silent' }, db, logger: false });
    await app.ready();
    expect((await app.inject('/api/health')).statusCode).toBe(200);
    await db.close(); // its connections are gone: the ping fails
    const res = await app.inject('/api/health');
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ status: 'degraded', engine: runEngine, db: 'error' });
  } finally {
    await fresh.drop();
  }
});

it('answers an unknown API path with the error body, not HTML', async () => {
  const res = await ctx.app.inject('/api/nope');
  expect(res.statusCode).toBe(404);
  expect(res.json().error.code).toBe('NOT_FOUND');
});

it('serves the OpenAPI document generated from the route schemas', async () => {
  // The document needs a login (issue 9): the anonymous get 401, a logged-in reader the document.
  expect((await ctx.app.inject('/api/docs/json')).statusCode).toBe(401);
  const now = new Date().toISOString();
  const [reader] = await ctx.db.transaction(async (tx) => await tx.insert(users).values({ username: 'reader', displayName: '读者', passwordHash: 'x', role: 'viewer', createdAt: now, updatedAt: now }).returning());
  const res = await ctx.app.inject({ url: '/api/docs/json', headers: { cookie: `wj_session=${await createSession(ctx.db, reader!.id)}` } });
  expect(res.statusCode).toBe(200);
  expect(Object.keys(res.json().paths)).toContain('/api/orgs/{id}/members');
});
