import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { users } from '../../src/db/schema/index.js';
import { createSession } from '../../src/auth/sessions.js';
import { build, type Client, type DemoLogin, type TestContext } from '../helpers/build.js';
import { expected, POLICY, ROLES } from '../helpers/policy.js';
import { demoTargets, type Entity } from '../helpers/targets.js';

/**
 * Calls every route the server registers, as every role and anonymously, on a
 * target inside 人民医院 (jijiu's branch, renmin's unit) and one inside 眼科医院
 * (yanke's unit), and checks the answer against the policy written down here —
 * not read from the routes, so a route whose declared access drifts fails.
 * A route the server has but this table lacks fails too.
 */
let ctx: TestContext;
const clients = new Map<string, Client>();
let ids: Record<Entity, [number, number]>;

beforeAll(async () => {
  ctx = await build();
  for (const r of ROLES) clients.set(r, r === 'anon' ? ctx.anon : await ctx.as(r));
  ids = await demoTargets(ctx.db);
});
afterAll(() => ctx.close());

describe('permission matrix', () => {
  it('has a policy for every route the server registers, and no policy for a route that does not exist', () => {
    const registered = ctx.app.apiRoutes.map((r) => `${r.method} ${r.url}`);
    expect(registered.filter((k) => !(k in POLICY))).toEqual([]);
    expect(Object.keys(POLICY).filter((k) => !registered.includes(k))).toEqual([]);
  });

  it('answers every route as the policy says, for every role and target', async () => {
    const failures: string[] = [];
    for (const { method, url } of ctx.app.apiRoutes) {
      const key = `${method} ${url}`;
      const p = POLICY[key]!;
      if (p.kind === 'self') continue; // logout ends the shared sessions: its own test below
      for (const target of [0, 1] as const) {
        const id = p.kind === 'org' ? ids[p.entity][target] : ids.user[target];
        const path = p.kind === 'org' && p.via === 'query' ? `${url}?unitId=${id}` : url.replace(':id', String(id)).replace(':year', '2026');
        for (const role of ROLES) {
          const res = await clients.get(role)!({ method: method as 'GET', url: path, payload: method === 'GET' || method === 'DELETE' ? undefined : {} });
          const want = expected(p, method, role, target);
          const ok = want === 'ok' ? res.statusCode !== 401 && res.statusCode !== 403 && res.statusCode < 500 : res.statusCode === want;
          if (!ok) failures.push(`${role} ${method} ${path} → ${res.statusCode}, policy ${want}`);
        }
      }
    }
    expect(failures).toEqual([]);
    // Every route × 6 callers × 2 targets, the report exports among them: minutes on a busy 2-core machine.
  }, 300_000);

  it('logout answers a logged-in user of any role and refuses the anonymous', async () => {
    expect((await ctx.anon({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(401);
    // Sessions made directly: the login route's rate limit is spent by the matrix above.
    for (const role of ['admin', 'leader', 'renmin', 'jijiu'] as const) {
      const [user] = await ctx.db.select().from(users).where(eq(users.username, role));
      const cookie = `wj_session=${await createSession(ctx.db, user!.id)}`;
      expect((await ctx.anon({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode).toBe(204);
    }
  });
});
