import { afterAll, beforeAll, expect, it } from 'vitest';
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
  const res = await ctx.app.inject('/api/docs/json');
  expect(res.statusCode).toBe(200);
  expect(Object.keys(res.json().paths)).toContain('/api/orgs/{id}/members');
});
