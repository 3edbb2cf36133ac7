import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberListItem, MemberPage, OrgTreeNode } from '@wj/domain/schemas';
import { build, type Client, type TestContext } from '../helpers/build.js';

let ctx: TestContext;
let admin: Client;
let root: OrgTreeNode;
let branch: OrgTreeNode;
beforeAll(async () => {
  ctx = await build();
  admin = await ctx.as('admin');
  root = (await admin('/api/orgs/tree')).json().root;
  // the biggest branch under a 党委, so that paging has several pages
  const branches: OrgTreeNode[] = [];
  const walk = (n: OrgTreeNode) => { if (n.kind === 'branch') branches.push(n); n.children.forEach(walk); };
  walk(root);
  branch = branches.sort((a, b) => b.counts.members - a.counts.members)[0]!;
});
afterAll(() => ctx.close());

const get = async (url: string): Promise<MemberPage> => {
  const res = await admin(url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('GET /api/orgs/:id/members', () => {
  it('pages through a branch: pages are disjoint and together hold every member once', async () => {
    const size = 7;
    const first = await get(`/api/orgs/${branch.id}/members?pageSize=${size}`);
    expect(first.total).toBe(branch.counts.members);
    const seen = new Set<number>();
    for (let p = 1; p <= Math.ceil(first.total / size); p++) {
      const page = await get(`/api/orgs/${branch.id}/members?pageSize=${size}&page=${p}`);
      expect(page.items.length).toBe(Math.min(size, first.total - (p - 1) * size));
      page.items.forEach((m) => { expect(seen.has(m.id)).toBe(false); seen.add(m.id); expect(m.orgId).toBe(branch.id); });
    }
    expect(seen.size).toBe(branch.counts.members);
  });

  it('a unit lists the members of its whole sub-tree, the root everyone', async () => {
    const unit = root.children[0]!;
    expect((await get(`/api/orgs/${unit.id}/members?pageSize=1`)).total).toBe(unit.counts.members);
    expect((await get(`/api/orgs/${root.id}/members?pageSize=1`)).total).toBe(root.counts.members);
  });

  it('filters by employment: in-service and retired split the total as the tree says', async () => {
    const inService = await get(`/api/orgs/${root.id}/members?employment=in_service&pageSize=200`);
    const retired = await get(`/api/orgs/${root.id}/members?employment=retired&pageSize=200`);
    expect(inService.total).toBe(root.counts.inService);
    expect(retired.total).toBe(root.counts.retired);
    expect(inService.items.every((m) => m.employment === 'in_service')).toBe(true);
    expect(retired.items.every((m) => m.employment === 'retired')).toBe(true);
  });

  it('filters by title and category, and searches by name', async () => {
    const senior = await get(`/api/orgs/${root.id}/members?titleLevel=senior&pageSize=200`);
    expect(senior.total).toBeGreaterThan(0);
    expect(senior.items.every((m) => m.titleLevel === 'senior')).toBe(true);
    const prob = await get(`/api/orgs/${root.id}/members?category=probationary&pageSize=200`);
    expect(prob.items.every((m) => m.category === 'probationary')).toBe(true);

    const someone: MemberListItem = (await get(`/api/orgs/${branch.id}/members?pageSize=1`)).items[0]!;
    const byName = await get(`/api/orgs/${root.id}/members?q=${encodeURIComponent(someone.name)}&pageSize=200`);
    expect(byName.items.map((m) => m.id)).toContain(someone.id);
    expect(byName.items.every((m) => m.name.includes(someone.name))).toBe(true);
  });

  it('answers 400 with a clear Chinese message for bad query parameters', async () => {
    for (const [query, field] of [['pageSize=0', 'pageSize'], ['page=abc', 'page'], ['employment=working', 'employment'], ['pageSize=1000', 'pageSize']] as const) {
      const res = await admin(`/api/orgs/${branch.id}/members?${query}`);
      expect(res.statusCode).toBe(400);
      const err = res.json().error;
      expect(err.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(err.message).toMatch(/查询参数有误/);
    }
  });

  it('answers 404 for an unknown org', async () => {
    expect((await admin('/api/orgs/987654/members')).statusCode).toBe(404);
  });
});

describe('GET /api/members/:id', () => {
  it('shows one member in full to the admin (masking for other roles: scope.test.ts)', async () => {
    const m = (await get(`/api/orgs/${branch.id}/members?pageSize=1`)).items[0]!;
    const res = await admin(`/api/members/${m.id}`);
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.name).toBe(m.name);
    expect(d.idNumber).toMatch(/^\d{17}[\dX]$/);
    expect(d.studyHours === null || d.studyHours >= 0).toBe(true);
    expect((await admin('/api/members/99999999')).statusCode).toBe(404);
  });
});
