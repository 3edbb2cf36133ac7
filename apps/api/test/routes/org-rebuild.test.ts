import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, gt, sql } from 'drizzle-orm';
import type { OrgTreeNode } from '@wj/domain/schemas';
import { openDb } from '../../src/db/index.js';
import { members, orgs } from '../../src/db/schema/index.js';
import { recordAudit } from '../../src/lib/audit.js';
import { REBUILD_SLICE_IDS } from '../../src/modules/orgs/org-index.js';
import { build, type Client, type TestContext } from '../helpers/build.js';

/**
 * After a write to orgs or members the kept org tree is read again a slice of
 * org ids at a time (modules/orgs/org-index.ts, readRecordsInSlices): the
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

describe('the org tree rebuilt in slices of org ids', () => {
  it('has every org once, in sort order across slices, with the members counted', async () => {
    const [top] = await ctx.db.select({ n: sql<number>`max(${orgs.id})` }).from(orgs);
    expect(Number(top!.n)).toBeGreaterThan(REBUILD_SLICE_IDS); // more than one slice
    await admin('/api/orgs/tree');
    // Branches in reverse id order (their sort order), so that a unit whose branches straddle a slice boundary lists them
    // backwards; one member leaves. Written on a second handle, as another server would, with its audit row.
    const other = await openDb(ctx.db.sqlite?.path ?? ctx.db.pg!.url);
    const [m] = await other.select({ id: members.id, orgId: members.orgId }).from(members)
      .where(and(eq(members.status, 'active'), gt(members.orgId, REBUILD_SLICE_IDS))).limit(1);
    await other.transaction(async (tx) => {
      await tx.update(orgs).set({ sortOrder: sql`${100_000} - ${orgs.id}` }).where(eq(orgs.kind, 'branch'));
      await tx.update(members).set({ status: 'transferred_out' }).where(eq(members.id, m!.id));
      await recordAudit(tx, null, { action: 'update', entityType: 'member', entityId: m!.id, orgId: m!.orgId });
    });
    await other.close();

    const root = (await admin('/api/orgs/tree')).json().root as OrgTreeNode;
    const nodes = walk(root);
    const active = await ctx.db.select({ id: orgs.id }).from(orgs).where(eq(orgs.status, 'active'));
    expect(nodes.map((n) => n.id).sort((a, b) => a - b)).toEqual(active.map((o) => o.id).sort((a, b) => a - b));
    let straddling = 0;
    for (const n of nodes) {
      const ids = n.children.filter((c) => c.kind === 'branch').map((c) => c.id);
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
      if (ids.some((id) => id < REBUILD_SLICE_IDS) && ids.some((id) => id >= REBUILD_SLICE_IDS)) straddling++;
    }
    expect(straddling).toBeGreaterThan(0);
    // Each branch's own members as the database counts them (the one who left no longer among them).
    const counted = await ctx.db.select({ orgId: members.orgId, n: sql<number>`count(*)` }).from(members).where(eq(members.status, 'active')).groupBy(members.orgId);
    const want = new Map(counted.map((c) => [c.orgId, Number(c.n)]));
    for (const n of nodes.filter((x) => x.kind === 'branch')) expect(n.counts.members, `org ${n.id}`).toBe(want.get(n.id) ?? 0);
  });
});
