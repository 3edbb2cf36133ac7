import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, gt, sql } from 'drizzle-orm';
import type { OrgTreeNode } from '@wj/domain/schemas';
import { openDb } from '../../src/db/index.js';
import { members, orgs } from '../../src/db/schema/index.js';
import { recordAudit } from '../../src/lib/audit.js';
import { REBUILD_SLICE_ORGS } from '../../src/modules/orgs/org-index.js';
import { build, type Client, type TestContext } from '../helpers/build.js';

/**
 * After a write to orgs or members the kept org tree is read again a slice of
 * orgs at a time (modules/orgs/org-index.ts, readRecordsInSlices): the
 * tree put together from the slices has every active org once, in tree order
 * (sort order, then id — not the slices' id order), with each org's members
 * counted, as the database says.
 */
let ctx: TestContext;
let admin: Client;
beforeAll(async () => {
  ctx = await build();
  admin = await ctx.as('admin');
});
afterAll(async () => { await ctx.close(); });

function walk(n: OrgTreeNode, out: OrgTreeNode[] = []): OrgTreeNode[] {
  out.push(n);
  for (const c of n.children) walk(c, out);
  return out;
}

describe('the org tree rebuilt in slices of orgs', () => {
  it('has every org once, in sort order across slices, with the members counted', async () => {
    const activeIds = (await ctx.db.select({ id: orgs.id }).from(orgs).where(eq(orgs.status, 'active')).orderBy(orgs.id)).map((o) => o.id);
    expect(activeIds.length).toBeGreaterThan(REBUILD_SLICE_ORGS); // more than one slice
    // The first org of the second slice.
    const boundary = activeIds[REBUILD_SLICE_ORGS]!;
    await admin('/api/orgs/tree');
    // Branches in reverse id order (their sort order), so that a unit whose branches straddle a slice boundary lists them
    // backwards; one member leaves. Written on a second handle, as another server would, with its audit row.
    const other = await openDb(ctx.db.sqlite?.path ?? ctx.db.pg!.url);
    const [m] = await other.select({ id: members.id, orgId: members.orgId }).from(members)
      .where(and(eq(members.status, 'active'), gt(members.orgId, boundary))).limit(1);
    // And one branch with an id far past the others (ids need not be dense): the slices follow the orgs, not the id range.
    const [model] = await other.select().from(orgs).where(and(eq(orgs.kind, 'branch'), eq(orgs.status, 'active'))).orderBy(orgs.id).limit(1);
    const FAR = 1_000_000;
    await other.transaction(async (tx) => {
      await tx.insert(orgs).values({ ...model!, id: FAR, name: '远号支部' });
      await tx.update(orgs).set({ sortOrder: sql`${2_000_000} - ${orgs.id}` }).where(eq(orgs.kind, 'branch'));
      await tx.update(members).set({ status: 'transferred_out' }).where(eq(members.id, m!.id));
      await recordAudit(tx, null, { action: 'update', entityType: 'member', entityId: m!.id, orgId: m!.orgId });
    });
    await other.close();

    const root = (await admin('/api/orgs/tree')).json().root as OrgTreeNode;
    const nodes = walk(root);
    const active = await ctx.db.select({ id: orgs.id }).from(orgs).where(eq(orgs.status, 'active'));
    expect(nodes.map((n) => n.id).sort((a, b) => a - b)).toEqual(active.map((o) => o.id).sort((a, b) => a - b));
    expect(nodes.find((n) => n.id === FAR)?.name).toBe('远号支部');
    let straddling = 0;
    for (const n of nodes) {
      const ids = n.children.filter((c) => c.kind === 'branch').map((c) => c.id);
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
      if (ids.some((id) => id < boundary) && ids.some((id) => id >= boundary)) straddling++;
    }
    expect(straddling).toBeGreaterThan(0);
    // Each branch's own members as the database counts them (the one who left no longer among them).
    const counted = await ctx.db.select({ orgId: members.orgId, n: sql<number>`count(*)` }).from(members).where(eq(members.status, 'active')).groupBy(members.orgId);
    const want = new Map(counted.map((c) => [c.orgId, Number(c.n)]));
    for (const n of nodes.filter((x) => x.kind === 'branch')) expect(n.counts.members, `org ${n.id}`).toBe(want.get(n.id) ?? 0);
  });
});
