import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import type { OrgDetail, OrgTreeNode } from '@wj/domain/schemas';
import { members, orgs } from '../../src/db/schema/index.js';
import { build, type Client, type TestContext } from '../helpers/build.js';

let ctx: TestContext;
let admin: Client;
let root: OrgTreeNode;
beforeAll(async () => {
  ctx = await build();
  admin = await ctx.as('admin');
  root = (await admin('/api/orgs/tree')).json().root;
});
afterAll(() => ctx.close());

function walk(n: OrgTreeNode, visit: (n: OrgTreeNode) => void) {
  visit(n);
  n.children.forEach((c) => walk(c, visit));
}

describe('GET /api/orgs/tree', () => {
  it('counts add up from the leaves to the root at every node', async () => {
    const nodes: OrgTreeNode[] = [];
    walk(root, (n) => nodes.push(n));
    expect(nodes.length).toBeGreaterThan(10);
    for (const n of nodes) {
      const [{ n: own }] = await ctx.db.select({ n: count() }).from(members)
        .where(and(eq(members.orgId, n.id), eq(members.status, 'active'))) as [{ n: number }];
      const sum = n.children.reduce((s, c) => s + c.counts.members, 0);
      expect(n.counts.members).toBe(own + sum);
      expect(n.counts.members).toBe(n.counts.inService + n.counts.retired);
      const branches = n.children.reduce((s, c) => s + c.counts.branches, n.kind === 'branch' ? 1 : 0);
      expect(n.counts.branches).toBe(branches);
    }
  });

  it('the root holds every active member and branch in the database', async () => {
    const [{ n: dbMembers }] = await ctx.db.select({ n: count() }).from(members).where(eq(members.status, 'active')) as [{ n: number }];
    const [{ n: dbBranches }] = await ctx.db.select({ n: count() }).from(orgs).where(and(eq(orgs.kind, 'branch'), eq(orgs.status, 'active'))) as [{ n: number }];
    expect(root.counts.members).toBe(dbMembers);
    expect(root.counts.branches).toBe(dbBranches);
    expect(root.kind).toBe('committee');
  });
});

describe('GET /api/orgs/:id', () => {
  it('gives a unit with its path and children, and a branch with its committee', async () => {
    const unit = root.children.find((c) => c.kind === 'party_committee')!;
    const res = await admin(`/api/orgs/${unit.id}`);
    expect(res.statusCode).toBe(200);
    const detail: OrgDetail = res.json();
    expect(detail.path.map((p) => p.id)).toEqual([root.id, unit.id]);
    expect(detail.children.map((c) => c.id)).toEqual(unit.children.map((c) => c.id));
    expect(detail.counts).toEqual(unit.counts);

    const branch = unit.children.find((c) => c.kind === 'branch')!;
    const b: OrgDetail = (await admin(`/api/orgs/${branch.id}`)).json();
    expect(b.committee).not.toBeNull();
    expect(b.committee!.members.some((m) => m.role === 'secretary')).toBe(true);
  });

  it('answers 404 with a Chinese message for an unknown id', async () => {
    const res = await admin('/api/orgs/999999');
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'NOT_FOUND' });
    expect(res.json().error.message).toContain('不存在');
  });

  it('answers 400 naming the parameter for a non-numeric id', async () => {
    const res = await admin('/api/orgs/abc');
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details[0].field).toBe('id');
    expect(body.error.message).toContain('id');
  });
});
