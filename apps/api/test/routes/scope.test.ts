import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgTreeNode } from '@wj/domain/schemas';
import { build, type TestContext } from '../helpers/build.js';

let ctx: TestContext;
let fullTree: OrgTreeNode;
beforeAll(async () => {
  ctx = await build();
  fullTree = (await (await ctx.as('admin'))('/api/orgs/tree')).json().root;
});
afterAll(() => ctx.close());

const unitNamed = (s: string) => fullTree.children.find((u) => u.institutionName === s)!;

describe('a unit secretary', () => {
  it('sees the tree down to their own unit only, with its true counts', async () => {
    const renmin = await ctx.as('renmin');
    const tree: OrgTreeNode = (await renmin('/api/orgs/tree')).json().root;
    expect(tree.children.map((c) => c.id)).toEqual([unitNamed('市人民医院').id]);
    expect(tree.children[0]!.counts).toEqual(unitNamed('市人民医院').counts);
    expect(tree.counts.members).toBe(unitNamed('市人民医院').counts.members);
  });

  it('reads their own branches and members, and gets 403 for another unit', async () => {
    const renmin = await ctx.as('renmin');
    const own = unitNamed('市人民医院');
    const other = unitNamed('市眼科医院');
    expect((await renmin(`/api/orgs/${own.children[0]!.id}/members`)).statusCode).toBe(200);
    const refused = await renmin(`/api/orgs/${other.id}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain('无权');
    expect((await renmin(`/api/orgs/${other.children[0]!.id}/members`)).statusCode).toBe(403);
    const otherMember = (await (await ctx.as('yanke'))(`/api/orgs/${other.id}/members?pageSize=1`)).json().items[0];
    expect((await renmin(`/api/members/${otherMember.id}`)).statusCode).toBe(403);
  });
});

describe('a branch secretary', () => {
  it('reads their branch and nothing beside it', async () => {
    const jijiu = await ctx.as('jijiu');
    const tree: OrgTreeNode = (await jijiu('/api/orgs/tree')).json().root;
    const unit = tree.children[0]!;
    expect(unit.children).toHaveLength(1);
    const branch = unit.children[0]!;
    expect((await jijiu(`/api/orgs/${branch.id}/members`)).statusCode).toBe(200);
    expect((await jijiu(`/api/orgs/${unit.id}`)).statusCode).toBe(403);
    const sibling = unitNamed('市人民医院').children.find((c) => c.id !== branch.id)!;
    expect((await jijiu(`/api/orgs/${sibling.id}/members`)).statusCode).toBe(403);
  });
});

describe('masking', () => {
  it('shows the full 公民身份号码 to admin only', async () => {
    const own = unitNamed('市人民医院');
    const m = (await (await ctx.as('renmin'))(`/api/orgs/${own.id}/members?pageSize=1`)).json().items[0];
    const forAdmin = (await (await ctx.as('admin'))(`/api/members/${m.id}`)).json();
    const forUnit = (await (await ctx.as('renmin'))(`/api/members/${m.id}`)).json();
    const forLeader = (await (await ctx.as('leader'))(`/api/members/${m.id}`)).json();
    expect(forAdmin.idNumber).toMatch(/^\d{17}[\dX]$/);
    // First and last character only (test/security/masking.test.ts shows why nothing more).
    expect(forUnit.idNumber).toBe(`${forAdmin.idNumber[0]}${'*'.repeat(16)}${forAdmin.idNumber[17]}`);
    expect(forLeader.idNumber).toBe(forUnit.idNumber);
    expect(forUnit.phone).toContain('****');
  });
});
