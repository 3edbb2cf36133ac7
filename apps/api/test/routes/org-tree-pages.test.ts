import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { ORG_TOP_PAGE, type OrgChildren, type OrgTreeTop } from '@wj/domain/schemas';
import { members, orgs } from '../../src/db/schema/index.js';
import { recordAudit } from '../../src/lib/audit.js';
import { build, type Client, type TestContext } from '../helpers/build.js';

/**
 * The tree's opening view at province size (issue 11, goal 4): a root with
 * more units than ORG_TOP_PAGE sends only the first page of them with the
 * whole childCount, and the rest come a page at a time from
 * GET /api/orgs/:id/children?offset=&limit=. The demo's 12 units are made
 * more than a page here by adding units under the root, logged as the app's
 * own writes are, so the kept opening view must move with them.
 */
let ctx: TestContext;
let admin: Client;
let renmin: Client;
let rootId: number;
const ADDED = ORG_TOP_PAGE + 10;
/** Each added unit sorts after every one before it (the tree's order: sort order, then id). */
let sortOrder = 1000;

/** `n` new units under the root, and their audit row, in one transaction (what a structure write does). */
async function addUnits(n: number, tag: string): Promise<number[]> {
  const now = new Date().toISOString();
  return ctx.db.transaction(async (tx) => {
    const ids: number[] = [];
    for (let i = 0; i < n; i++) {
      const [row] = await tx.insert(orgs).values({
        parentId: rootId, kind: 'party_committee', name: `中共测试医院${tag}${i + 1}委员会`, institutionName: `测试医院${tag}${i + 1}`,
        sortOrder: sortOrder++, updatedAt: now,
      }).returning({ id: orgs.id });
      await tx.update(orgs).set({ unitId: row!.id }).where(eq(orgs.id, row!.id));
      ids.push(row!.id);
    }
    await recordAudit(tx, null, { action: 'create', entityType: 'org', entityId: ids[0]!, orgId: ids[0]! });
    return ids;
  });
}

const top = async (c: Client) => {
  const res = await c('/api/orgs/tree/top');
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  return res.json() as OrgTreeTop;
};
const children = async (c: Client, query: string) => {
  const res = await c(`/api/orgs/${rootId}/children${query}`);
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  return res.json() as OrgChildren;
};

beforeAll(async () => {
  ctx = await build();
  admin = await ctx.as('admin');
  renmin = await ctx.as('renmin');
  const [root] = await ctx.db.select({ id: orgs.id }).from(orgs).where(isNull(orgs.parentId));
  rootId = root!.id;
});
afterAll(() => ctx.close());

describe('the org tree opening view, a page of units at a time', () => {
  it('sends every unit while there are no more than a page of them', async () => {
    const before = await top(admin);
    expect(before.root.childCount).toBeLessThanOrEqual(ORG_TOP_PAGE);
    expect(before.root.children).toHaveLength(before.root.childCount);
  });

  it('past a page, sends the first page and the whole count; the pages after it hold the rest, in the same order, each once', async () => {
    const own = (await children(admin, '')).total;
    const added = await addUnits(ADDED, 'A');
    const opened = await top(admin);
    const total = own + ADDED;
    expect(opened.root.childCount).toBe(total);
    expect(opened.root.children).toHaveLength(ORG_TOP_PAGE);

    const all = await children(admin, '');
    expect(all.total).toBe(total);
    expect(all.items).toHaveLength(total);
    expect(all.items.map((n) => n.id)).toEqual(expect.arrayContaining(added));
    // The opening view is the first page of the same list, node for node.
    expect(opened.root.children).toEqual(all.items.slice(0, ORG_TOP_PAGE));
    const next = await children(admin, `?offset=${ORG_TOP_PAGE}&limit=${ORG_TOP_PAGE}`);
    expect(next.total).toBe(total);
    expect([...opened.root.children!, ...next.items].map((n) => n.id)).toEqual(all.items.map((n) => n.id));
    expect((await children(admin, `?offset=${total}&limit=5`)).items).toEqual([]);
    expect((await children(admin, '?offset=3&limit=2')).items.map((n) => n.id)).toEqual(all.items.slice(3, 5).map((n) => n.id));
    expect((await children(admin, '?limit=2')).items.map((n) => n.id)).toEqual(all.items.slice(0, 2).map((n) => n.id));
  });

  it('a unit secretary still opens on the path down to their own unit alone', async () => {
    const mine = await top(renmin);
    expect(mine.root.childCount).toBe(1);
    expect(mine.root.children!.map((n) => n.id)).toEqual([mine.scopeId]);
    expect((await renmin(`/api/orgs/${rootId}/children?offset=0&limit=100`)).statusCode).toBe(403);
  });

  it('moves with the next logged write: a unit added, and a member leaving, show in the next opening view', async () => {
    const before = await top(admin);
    await addUnits(1, 'B');
    const after = await top(admin);
    expect(after.root.childCount).toBe(before.root.childCount + 1);
    expect((await children(admin, `?offset=${after.root.childCount - 1}&limit=1`)).items[0]!.name).toBe('中共测试医院B1委员会');
    // The root's whole list is kept too (a picker's first level): it moves with the same write.
    const whole = await children(admin, '');
    expect(whole.total).toBe(after.root.childCount);
    expect(whole.items.at(-1)!.name).toBe('中共测试医院B1委员会');
    const zipped = await admin({ url: `/api/orgs/${rootId}/children`, headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(zipped.rawPayload).toString('utf8'))).toEqual(whole);

    const unit = before.root.children![0]!;
    const [m] = await ctx.db.select({ id: members.id }).from(members).innerJoin(orgs, eq(orgs.id, members.orgId))
      .where(and(eq(orgs.unitId, unit.id), eq(members.status, 'active'))).limit(1);
    await ctx.db.transaction(async (tx) => {
      await tx.update(members).set({ status: 'transferred_out' }).where(eq(members.id, m!.id));
      await recordAudit(tx, null, { action: 'update', entityType: 'member', entityId: m!.id, orgId: unit.id });
    });
    const moved = await top(admin);
    expect(moved.root.counts.members).toBe(after.root.counts.members - 1);
    expect(moved.root.children![0]!.counts.members).toBe(unit.counts.members - 1);
  });

  it('refuses a page asked for in any other spelling, with a Chinese 400 naming the field', async () => {
    const cases: [string, string][] = [
      ['offset=-1', 'offset'], ['offset=1.5', 'offset'], ['offset=01', 'offset'], ['offset=abc', 'offset'], ['offset=', 'offset'],
      ['limit=0', 'limit'], ['limit=501', 'limit'], ['limit=1e2', 'limit'], ['limit=%202', 'limit'], ['limit=2&limit=3', 'limit'],
    ];
    for (const [query, field] of cases) {
      const res = await admin(`/api/orgs/${rootId}/children?${query}`);
      expect(res.statusCode, query).toBe(400);
      const err = res.json().error as { message: string; details: { field: string }[] };
      expect(err.details.map((d) => d.field), query).toContain(field);
      expect(err.message, query).toMatch(new RegExp(`查询参数有误：${field}：`));
    }
  });
});
