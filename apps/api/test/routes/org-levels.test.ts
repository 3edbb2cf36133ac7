import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { rawRows } from '../../src/db/raw.js';
import type { Client } from '../helpers/build.js';
import { inScopeOf, okJson as json, SCOPED_CALLERS as CALLERS, scopedClients, scopeUser } from '../helpers/scoped.js';

/**
 * The org tree by level (GET /api/orgs/tree/top, /api/orgs/:id/children,
 * /api/orgs/tree/search), as each scoped role: walked from the opening view
 * down through every children answer it is the caller's whole tree — every
 * org in scope reached, worked out here from the raw tables, nothing outside
 * it but the path down to it — and a level outside the scope is refused.
 */
const { ctx, client } = scopedClients();

interface Counts { branches: number; members: number; inService: number; retired: number }
interface LevelNode { id: number; unitId: number | null; name: string; counts: Counts; childCount: number; children?: LevelNode[] }
interface TreeNode { id: number; name: string; counts: Counts; children: TreeNode[] }
interface OrgRow { id: number; parent_id: number | null; unit_id: number | null; status: string }

/** The level tree with every unloaded level asked for, as a person expanding every node would see it; `seen` gathers every node sent. */
async function expandAll(c: Client, n: LevelNode, seen: LevelNode[] = []): Promise<TreeNode> {
  seen.push(n);
  const children = n.children ?? (n.childCount > 0 ? (await json<{ items: LevelNode[] }>(c, `/api/orgs/${n.id}/children`)).items : []);
  expect(children.length, `childCount of ${n.name}`).toBe(n.childCount);
  return { id: n.id, name: n.name, counts: n.counts, children: await Promise.all(children.map((ch) => expandAll(c, ch, seen))) };
}

const flatten = (n: { id: number; children?: { id: number }[] }): number[] =>
  [n.id, ...(n.children ?? []).flatMap((ch) => flatten(ch as { id: number; children?: { id: number }[] }))];

describe.each(CALLERS)('the org tree by level, as %s', (caller) => {
  it('expands to exactly the whole tree: the active orgs in scope and the path down to them; outside levels refused; search stays inside', async () => {
    const c = client(caller);
    const user = await scopeUser(ctx(), caller);
    const all = await rawRows<OrgRow>(ctx().db, 'select id, parent_id, unit_id, status from orgs order by id');
    const inScope = inScopeOf(user);
    const scoped = new Set(all.filter((o) => o.status === 'active' && inScope(o)).map((o) => o.id));
    const parentOf = new Map(all.map((o) => [o.id, o.parent_id]));
    const ancestors = new Set<number>();
    for (const id of scoped) for (let p = parentOf.get(id); p != null; p = parentOf.get(p)) ancestors.add(p);

    const top = await json<{ root: LevelNode; scopeId: number }>(c, '/api/orgs/tree/top');
    expect(top.scopeId).toBe(user.org);
    const seen: LevelNode[] = [];
    const walked = await expandAll(c, top.root, seen);
    // Each node names its unit: a unit itself, a branch or 党小组 the unit-level org above it, the root none.
    const unitOf = (id: number): number | null => { for (let o = all.find((r) => r.id === id); o; o = all.find((r) => r.id === o!.parent_id)) if (o.parent_id !== null && all.find((r) => r.id === o!.parent_id)!.parent_id === null) return o.id; return null; };
    expect(seen.map((n) => [n.id, n.unitId])).toEqual(seen.map((n) => [n.id, unitOf(n.id)]));
    expect(top.root.unitId).toBeNull();
    // The same tree, names and counts as the whole tree the pickers read.
    expect(walked).toEqual(JSON.parse(JSON.stringify((await json<{ root: TreeNode }>(c, '/api/orgs/tree')).root, ['id', 'name', 'counts', 'branches', 'members', 'inService', 'retired', 'children'])));
    const ids = flatten(walked);
    expect(ids.filter((id) => !scoped.has(id) && !ancestors.has(id))).toEqual([]);
    expect([...scoped].filter((id) => !ids.includes(id))).toEqual([]);

    // A level outside the scope: another unit's, and (for a secretary below the root) the root's own.
    const other = all.find((o) => o.status === 'active' && o.parent_id !== null && o.id === o.unit_id && !scoped.has(o.id) && !ancestors.has(o.id))!;
    expect((await c(`/api/orgs/${other.id}/children`)).statusCode).toBe(403);
    expect((await c(`/api/orgs/${top.root.id}/children`)).statusCode).toBe(403);

    // Every 支部 name contains 支部: the search finds those in scope and the path to them, nothing else.
    const found = await json<{ root: LevelNode | null; matchIds: number[]; matchCount: number; truncated: boolean }>(c, '/api/orgs/tree/search?q=支部&limit=200');
    expect(found.matchIds.length).toBeGreaterThan(0);
    expect(found.matchIds.filter((id) => !scoped.has(id) && !ancestors.has(id))).toEqual([]);
    expect(flatten(found.root!).filter((id) => !scoped.has(id) && !ancestors.has(id))).toEqual([]);
    const limited = await json<{ matchIds: number[]; matchCount: number; truncated: boolean }>(c, '/api/orgs/tree/search?q=支部&limit=1');
    expect(limited).toMatchObject({ matchIds: [found.matchIds[0]], matchCount: found.matchCount, truncated: found.matchCount > 1 });
  });

  it('names the path down to each asked org in scope, and leaves out the orgs outside it', async () => {
    const c = client(caller);
    const user = await scopeUser(ctx(), caller);
    const all = await rawRows<OrgRow & { name: string }>(ctx().db, 'select id, parent_id, unit_id, status, name from orgs order by id');
    const inScope = inScopeOf(user);
    const byId = new Map(all.map((o) => [o.id, o]));
    const pathOf = (id: number): string[] => { const out: string[] = []; for (let o = byId.get(id); o; o = o.parent_id === null ? undefined : byId.get(o.parent_id)) out.unshift(o.name); return out; };
    // The deepest active org in scope (a 党小组 or a branch), another unit, and an id no org has.
    const mine = all.filter((o) => o.status === 'active' && inScope(o)).sort((a, b) => pathOf(b.id).length - pathOf(a.id).length)[0]!;
    const other = all.find((o) => o.status === 'active' && o.parent_id !== null && o.id === o.unit_id && !inScope(o) && o.id !== byId.get(user.org)?.unit_id)!;
    const got = await json<{ items: { id: number; path: LevelNode[] }[] }>(c, `/api/orgs/tree/paths?ids=${mine.id},${other.id},999999,${mine.id}`);
    expect(got.items.map((i) => ({ id: i.id, names: i.path.map((n) => n.name) }))).toEqual([{ id: mine.id, names: pathOf(mine.id) }]);
    expect(got.items[0]!.path.at(-1)!.children).toBeUndefined();
    // Each id in the one spelling every id in the API has: another spelling of an id in scope is refused, naming the field.
    for (const spelled of ['1,x', `0${mine.id}`, `${mine.id},0${mine.id}`, `+${mine.id}`, `${mine.id}.0`, `%20${mine.id}`, `${mine.id},`, '0', '']) {
      const res = await c(`/api/orgs/tree/paths?ids=${spelled}`);
      expect(res.statusCode, spelled).toBe(400);
      expect((res.json() as { error: { details?: { field: string }[] } }).error.details?.map((d) => d.field), spelled).toContain('ids');
    }
    expect((await c(`/api/orgs/tree/paths?ids=${Array.from({ length: 201 }, () => mine.id).join(',')}`)).statusCode).toBe(400);
  });
});

describe('the pickers\' answers on the wire', () => {
  it('are compressed as the caller takes them (brotli, gzip, or not at all), and decode to the same answer', async () => {
    const c = client('renmin');
    const user = await scopeUser(ctx(), 'renmin');
    const urls = ['/api/orgs/tree/search?q=支部&limit=200', `/api/orgs/${user.org}/children`, `/api/orgs/tree/paths?ids=${user.org}`];
    let compressed = 0;
    for (const url of urls) {
      const plain = await c(url);
      expect(plain.statusCode, url).toBe(200);
      expect(plain.headers['content-encoding'], url).toBeUndefined();
      expect(plain.headers.vary, url).toContain('Accept-Encoding');
      // A small answer (one path) is sent as it is whatever the caller takes.
      const big = plain.rawPayload.length >= 1024;
      for (const [accept, encoding, decode] of [['gzip, deflate, br', 'br', brotliDecompressSync], ['gzip', 'gzip', gunzipSync]] as const) {
        const res = await c({ url, headers: { 'accept-encoding': accept } });
        expect(res.headers['content-encoding'], `${url} ${accept}`).toBe(big ? encoding : undefined);
        expect(JSON.parse((big ? decode(res.rawPayload) : res.rawPayload).toString()), `${url} ${accept}`).toEqual(plain.json());
        if (big) { compressed++; expect(res.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2); }
      }
      expect((await c({ url, headers: { 'accept-encoding': 'gzip;q=0, br;q=0' } })).headers['content-encoding']).toBeUndefined();
    }
    expect(compressed).toBeGreaterThanOrEqual(2);
  });
});
