import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sessions } from '../../src/db/schema/index.js';
import { build, type Client, type TestContext } from '../helpers/build.js';
import { entityOf } from '../helpers/policy.js';
import { demoTargets, type Entity } from '../helpers/targets.js';

/**
 * Random and hostile input at every route: bodies of any shape (deep nesting,
 * prototype keys, SQL and script fragments, huge numbers, wrong types), hostile
 * query strings and random bytes as uploads. The server must never answer 5xx,
 * and an answer of 4xx must leave the database exactly as it was.
 */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 12);

const hostileString = fc.oneof(
  fc.string(),
  fc.constantFrom("'; drop table members; --", '<script>alert(1)</script>', '../../etc/passwd', '\u0000', '𠀀'.repeat(300), '%00', '__proto__', '1e309', '-0', '2026-02-30', '９９'),
);
const hostileValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.bigInt().map(String),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(hostileString, fc.constantFrom('__proto__', 'constructor', 'version', 'id', 'orgId')), tie('value'), { maxKeys: 5 }),
  ),
})).value;
const hostileQuery = fc.dictionary(fc.constantFrom('page', 'pageSize', 'year', 'asOf', 'unitId', 'q', 'type', 'status', 'employment', 'version', 'stage', 'from', 'to'), hostileString, { maxKeys: 4 });

let ctx: TestContext;
let admin: Client;
let ids: Record<Entity, [number, number]>;
beforeAll(async () => {
  ctx = await build();
  admin = await ctx.as('admin');
  ids = demoTargets(ctx.db);
});
afterAll(() => ctx.close());

/** Rows changed through the app's connection so far (SQLite's total_changes()). */
const changes = () => (ctx.db.$client.prepare('select total_changes() as n').get() as { n: number }).n;
/** A just-seen session is not touched by the request, so only the request's own writes count. */
const touchSessions = () => ctx.db.update(sessions).set({ lastSeenAt: new Date().toISOString() }).run();

function pathOf(url: string, key: string, target: 0 | 1): string {
  const entity = entityOf(key);
  return url.replace(':id', String(entity ? ids[entity][target] : ids.user[target])).replace(':year', '2026');
}

describe('hostile input at every route', () => {
  it('never answers 5xx, and a 4xx changes nothing', async () => {
    const routes = ctx.app.apiRoutes.filter((r) => !r.url.startsWith('/api/auth'));
    const failures: string[] = [];
    for (const { method, url } of routes) {
      const key = `${method} ${url}`;
      const upload = url.includes('/roster/') && method === 'POST';
      await fc.assert(fc.asyncProperty(
        hostileValue, hostileQuery, fc.uint8Array({ maxLength: 2048 }), fc.constantFrom<0 | 1>(0, 1),
        async (body, query, bytes, target) => {
          touchSessions();
          const before = changes();
          const res = await admin({
            method: method as 'POST',
            url: pathOf(url, key, target),
            query: Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])),
            ...(method === 'GET' ? {} : upload
              ? { payload: Buffer.from(bytes), headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } }
              : { payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
          });
          if (res.statusCode >= 500) failures.push(`${key} → ${res.statusCode}: ${res.body.slice(0, 200)}`);
          if (res.statusCode >= 400 && changes() !== before) failures.push(`${key} → ${res.statusCode} but the database changed`);
          return true;
        },
      ), { numRuns: RUNS, seed: 20261123 });
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
