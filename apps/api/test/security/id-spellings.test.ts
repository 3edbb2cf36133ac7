import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRows } from '../../src/db/raw.js';
import { dbStateHash, holdSessionTouches } from '../fixtures/roster.js';
import { writeCounter } from '../helpers/db.js';
import { build, type Client, type TestContext } from '../helpers/build.js';
import { entityOf, expected, POLICY, ROLES } from '../helpers/policy.js';
import { demoTargets, type Entity } from '../helpers/targets.js';

/**
 * Issue 9: `GET /api/members/02526` answered 200 with another unit's member
 * while `/api/members/2526` answered 403. Every route that names a record by
 * id — in its path or in `?unitId=` — is called here with every other
 * spelling of an in-scope and an out-of-scope id, as every role. No spelling
 * may be served: a caller the canonical id would let through gets 400 (the
 * id is refused and named), one it would refuse still gets 401/403, and no
 * call changes a row.
 */
export function spellings(id: number): string[] {
  const s = String(id);
  return [
    `0${s}`, `00${s}`, `+${s}`, `%2B${s}`, `-${s}`, `${s}.0`, `${s}.`, `0x${id.toString(16)}`, `${s.slice(0, 1)}.${s.slice(1) || '0'}e${s.length - 1}`,
    `${s}e0`, `%20${s}`, `${s}%20`, `%09${s}`, `${s}%0A`, `%30${s}`, `${s}%00`, `${s}abc`, `%EF%BC%91${s}` /* full-width １ */,
    `${s},${s}`, `0b${id.toString(2)}`, '9007199254740993', '0', '',
  ];
}

let ctx: TestContext;
const clients = new Map<string, Client>();
let ids: Record<Entity, [number, number]>;

beforeAll(async () => {
  ctx = await build();
  for (const r of ROLES) clients.set(r, r === 'anon' ? ctx.anon : await ctx.as(r));
  ids = await demoTargets(ctx.db);
  // No call below is due the session touch: every write the checks see is one a call caused.
  await holdSessionTouches(ctx.db);
});
afterAll(() => ctx.close());

/**
 * Any write anywhere moves writeCounter (on either engine; helpers/db.ts),
 * once the kept-score writer has nothing pending. It is taken around each
 * route and target (all its spellings, every role), and the whole database is
 * hashed around the run as well.
 */
const mark = async () => { await ctx.app.quality.flush(); return writeCounter(ctx.db); };

describe('non-canonical ids', () => {
  it('the spellings are all different strings from the canonical id and from each other', () => {
    const all = spellings(2526);
    expect(new Set(all).size).toBe(all.length);
    expect(all).not.toContain('2526');
    expect(all).toContain('02526');
    expect(all).toContain('0x9de');
    expect(all).toContain('2.526e3');
  });

  it('no spelling of any id reaches a handler, on any route, for any role, inside or outside scope', async () => {
    const failures: string[] = [];
    let calls = 0;
    let refused400 = 0;
    let routes = 0;
    let compared = 0;
    const hashBefore = await dbStateHash(ctx.db);
    for (const { method, url } of ctx.app.apiRoutes) {
      const key = `${method} ${url}`;
      const p = POLICY[key]!;
      const entity = entityOf(key);
      const viaQuery = p.kind === 'org' && p.via === 'query';
      if (!entity || (!viaQuery && !url.includes(':id'))) continue;
      routes++;
      for (const target of [0, 1] as const) {
        const id = ids[entity][target];
        const before = await mark();
        for (const spelled of spellings(id)) {
          if (spelled === '' && !viaQuery) continue; // an empty path segment is another route (404 from the router)
          const path = viaQuery ? `${url}?unitId=${spelled}` : url.replace(':id', spelled).replace(':year', '2026');
          for (const role of ROLES) {
            const res = await clients.get(role)!({ method: method as 'GET', url: path, payload: method === 'GET' || method === 'DELETE' ? undefined : {} });
            calls++;
            const canonical = expected(p, method, role, target);
            const ok = canonical === 'ok' ? res.statusCode === 400 : res.statusCode === canonical || res.statusCode === 400;
            if (res.statusCode === 400) refused400++;
            if (!ok) failures.push(`${role} ${method} ${path} → ${res.statusCode} (canonical: ${canonical})`);
            if (res.statusCode === 400 && role !== 'anon') {
              const body = res.json() as { error: { message: string; details?: { field: string }[] } };
              const field = viaQuery ? 'unitId' : 'id';
              if (!body.error.details?.some((d) => d.field === field)) failures.push(`${role} ${method} ${path}: 400 does not name the field ${field}: ${res.body}`);
            }
          }
        }
        compared++;
        if (await mark() !== before) failures.push(`${method} ${url} with the spellings of id ${id}: rows changed`);
      }
    }
    console.log(`id spellings: ${routes} routes, ${calls} calls, ${refused400} refused with 400 naming the id, database compared ${compared} times, ${failures.length} failures`);
    expect(failures).toEqual([]);
    expect(await dbStateHash(ctx.db)).toBe(hashBefore);
    expect(refused400).toBeGreaterThan(1000);
  }, 300_000);

  it('the canonical id still works, and a percent-encoded canonical id is the same id', async () => {
    const renmin = clients.get('renmin')!;
    const [own, foreign] = ids.member;
    expect((await renmin(`/api/members/${own}`)).statusCode).toBe(200);
    expect((await renmin(`/api/members/${foreign}`)).statusCode).toBe(403);
    const encoded = (n: number) => String(n).split('').map((c) => `%3${c}`).join('');
    expect((await renmin(`/api/members/${encoded(own)}`)).statusCode).toBe(200);
    expect((await renmin(`/api/members/${encoded(foreign)}`)).statusCode).toBe(403);
  });

  it('the attacks of the issue, one by one, as the unit secretary of 人民医院', async () => {
    const renmin = clients.get('renmin')!;
    const foreignMember = ids.member[1];
    const foreignBranch = ids.branch[1];
    const foreignUnit = ids.unit[1];
    const before = await mark();
    const hashBefore = await dbStateHash(ctx.db);
    const calls = [
      await renmin(`/api/members/0${foreignMember}`),
      await renmin({ method: 'PUT', url: `/api/orgs/0${foreignBranch}`, payload: { name: '改名', version: 1 } }),
      await renmin({ method: 'DELETE', url: `/api/meetings/0${ids.meeting[1]}?version=1` }),
      await renmin({ method: 'POST', url: `/api/members/0${foreignMember}/transfer`, payload: { toOrgId: ids.branch[0], date: '2026-11-01', version: 1 } }),
      await renmin(`/api/reports/roster.xlsx?unitId=0${foreignUnit}`),
      await renmin(`/api/reports/annual.docx?unitId=${foreignUnit}.0`),
    ];
    expect(calls.map((r) => r.statusCode)).toEqual([400, 400, 400, 400, 400, 400]);
    expect(await mark()).toBe(before);
    expect(await dbStateHash(ctx.db)).toBe(hashBefore);
    const jijiu = clients.get('jijiu')!;
    const [root] = await rawRows<{ id: number }>(ctx.db, 'select id from orgs where parent_id is null');
    const rootId = root!.id;
    const rootExport = await jijiu(`/api/orgs/0${rootId}/roster/export`);
    expect(rootExport.statusCode).toBe(400);
    expect((await jijiu(`/api/orgs/${rootId}/roster/export`)).statusCode).toBe(403);
  });
});
