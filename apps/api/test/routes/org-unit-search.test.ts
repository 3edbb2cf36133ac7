import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRows } from '../../src/db/raw.js';
import { build, type Client, type TestContext } from '../helpers/build.js';
import { okJson as json } from '../helpers/scoped.js';

/**
 * GET /api/orgs/tree/search?level=unit (the report's scope picker): only the
 * unit-level orgs match, so a province's branches cannot use up `limit` before
 * the units past them in tree order are reached, and a matched unit comes
 * without its branches.
 */
interface LevelNode { id: number; unitId: number | null; name: string; childCount: number; children?: LevelNode[] }
interface Search { root: LevelNode | null; matchIds: number[]; matchCount: number; truncated: boolean }

let ctx: TestContext;
let admin: Client;
beforeAll(async () => {
  ctx = await build();
  admin = await ctx.as('admin');
});
afterAll(() => ctx?.close());

const unitIdsNamed = async (part: string) =>
  (await rawRows<{ id: number }>(ctx.db, `select id from orgs where status = 'active' and unit_id = id and name like ?`, [`%${part}%`])).map((r) => r.id);

describe('the org search by unit level', () => {
  it('matches the units alone, in tree order, without their branches', async () => {
    const top = await json<{ root: LevelNode }>(admin, '/api/orgs/tree/top');
    // The demo's 3 党总支 and 3 branch-level units carry 支部 in their names (as every one of its 144 branches does).
    const named = await unitIdsNamed('支部');
    expect(named).toHaveLength(6);
    const inTreeOrder = top.root.children!.map((u) => u.id).filter((id) => named.includes(id));

    const units = await json<Search>(admin, `/api/orgs/tree/search?q=${encodeURIComponent('支部')}&limit=50&level=unit`);
    expect(units).toMatchObject({ matchIds: inTreeOrder, matchCount: 6, truncated: false });
    expect(units.root!.id).toBe(top.root.id);
    expect(units.root!.children!.map((u) => u.id)).toEqual(inTreeOrder);
    expect(units.root!.children!.map((u) => u.children)).toEqual(inTreeOrder.map(() => undefined));

    // Without the filter the branches come first in tree order: the first 50 matches miss units the filter finds.
    const all = await json<Search>(admin, `/api/orgs/tree/search?q=${encodeURIComponent('支部')}&limit=50`);
    expect(all.truncated).toBe(true);
    expect(all.matchCount).toBeGreaterThan(100);
    expect(inTreeOrder.filter((id) => !all.matchIds.includes(id)).length).toBeGreaterThan(0);

    // The root's name holds 委 as every unit's does: the root is no unit, so it never matches (and never opens all its children).
    const wei = await json<Search>(admin, `/api/orgs/tree/search?q=${encodeURIComponent('委')}&limit=5&level=unit`);
    expect(wei).toMatchObject({ matchCount: 12, truncated: true });
    expect(wei.matchIds).toEqual(top.root.children!.slice(0, 5).map((u) => u.id));
    expect(wei.root!.children!.map((u) => u.id)).toEqual(wei.matchIds);
  });

  it('stays inside a unit secretary\'s scope', async () => {
    const renmin = await ctx.as('renmin');
    const [own] = await rawRows<{ org: number }>(ctx.db, `select scope_org_id as org from users where username = 'renmin'`);
    // 中共市人民医院委员会: its name holds 医院, as other hospitals' do; only the secretary's own comes back.
    expect((await unitIdsNamed('医院')).length).toBeGreaterThan(1);
    const found = await json<Search>(renmin, `/api/orgs/tree/search?q=${encodeURIComponent('医院')}&level=unit`);
    expect(found).toMatchObject({ matchIds: [own!.org], matchCount: 1, truncated: false });
    expect(found.root!.children!.map((u) => [u.id, u.children])).toEqual([[own!.org, undefined]]);
    // Its branches are not units: nothing matches.
    expect(await json<Search>(renmin, `/api/orgs/tree/search?q=${encodeURIComponent('党支部')}&level=unit`)).toEqual({ root: null, matchIds: [], matchCount: 0, truncated: false });
  });

  it('refuses any other level, naming the field', async () => {
    const res = await admin(`/api/orgs/tree/search?q=${encodeURIComponent('内科')}&level=branch`);
    expect(res.statusCode).toBe(400);
    expect((res.json() as { error: { details?: { field: string }[] } }).error.details?.map((d) => d.field)).toContain('level');
  });
});
