import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSession } from '../../src/auth/sessions.js';
import { users } from '../../src/db/schema/index.js';
import { build, type TestContext } from '../helpers/build.js';

let ctx: TestContext;
beforeAll(async () => { ctx = await build({ demo: false }); });
afterAll(() => ctx.close());

it('reports the database as ok', async () => {
  const res = await ctx.app.inject('/api/health');
  expect(res.statusCode).toBe(200);
  expect(res.json()).toMatchObject({ status: 'ok', db: 'ok' });
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
  const reader = ctx.db.insert(users).values({ username: 'reader', displayName: '读者', passwordHash: 'x', role: 'viewer', createdAt: now, updatedAt: now }).returning().get();
  const res = await ctx.app.inject({ url: '/api/docs/json', headers: { cookie: `wj_session=${createSession(ctx.db, reader.id)}` } });
  expect(res.statusCode).toBe(200);
  expect(Object.keys(res.json().paths)).toContain('/api/orgs/{id}/members');
});
