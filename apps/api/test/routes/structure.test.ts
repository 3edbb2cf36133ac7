import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, inArray } from 'drizzle-orm';
import { todayIso, type OrgTreeNode } from '@wj/domain/schemas';
import { auditLog, brands, committees, members, orgs } from '../../src/db/schema/index.js';
import { build, type Client, type TestContext } from '../helpers/build.js';

let ctx: TestContext;
let admin: Client;
let renmin: Client;
let root: OrgTreeNode;
let renminUnit: OrgTreeNode;
let yankeUnit: OrgTreeNode;

const tree = async (): Promise<OrgTreeNode> => (await admin('/api/orgs/tree')).json().root;
const find = (n: OrgTreeNode, id: number): OrgTreeNode | undefined => (n.id === id ? n : n.children.map((c) => find(c, id)).find(Boolean));
const orgCount = async () => (await ctx.db.select({ n: count() }).from(orgs))[0]!.n;
const detail = async (id: number) => (await admin(`/api/orgs/${id}`)).json();
const fieldError = (res: { json: () => any }, field: string) =>
  res.json().error.details?.find((d: { field: string }) => d.field === field)?.message as string | undefined;
const newBranch = (name: string) => ({ kind: 'branch', name, branchCategory: 'in_service', department: '康复医学科', foundedDate: '2025-03-01' });
const create = async (client: Client, parentId: number, body: object) => client({ method: 'POST', url: `/api/orgs/${parentId}/branches`, payload: body });
const activeMembersOf = async (orgId: number) =>
  (await ctx.db.select({ id: members.id }).from(members).where(and(eq(members.orgId, orgId), eq(members.status, 'active'))).orderBy(members.id)).map((m) => m.id);

beforeAll(async () => {
  ctx = await build();
  admin = await ctx.as('admin');
  renmin = await ctx.as('renmin');
  root = await tree();
  renminUnit = root.children.find((u) => u.institutionName === '市人民医院')!;
  yankeUnit = root.children.find((u) => u.institutionName === '市眼科医院')!;
});
afterAll(() => ctx.close());

describe('setting up branches and 党小组', () => {
  it('creates a branch under the unit, shows it in the tree with the unit counted one branch more, and audits it', async () => {
    const res = await create(renmin, renminUnit.id, newBranch('康复医学科党支部'));
    expect(res.statusCode).toBe(201);
    const b = res.json();
    expect(b).toMatchObject({ kind: 'branch', parentId: renminUnit.id, unitId: renminUnit.id, status: 'active', version: 1, updatedBy: 'renmin' });
    const after = await tree();
    expect(find(after, b.id)?.name).toBe('康复医学科党支部');
    expect(find(after, renminUnit.id)!.counts.branches).toBe(renminUnit.counts.branches + 1);
    const audit = (await ctx.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'org'), eq(auditLog.entityId, String(b.id)))));
    expect(audit).toMatchObject([{ username: 'renmin', action: 'create', after: { name: '康复医学科党支部' } }]);
  });

  it.each([
    ['a one-character name', { name: '支' }, 'name', '至少 2 个字'],
    ['an over-long name', { name: '支'.repeat(51) }, 'name', '不能超过 50 个字'],
    ['a founding date in the future', { foundedDate: '2099-01-01' }, 'foundedDate', '不能晚于今天'],
    ['no branch category', { branchCategory: undefined }, 'branchCategory', '请选择支部类别'],
    ['an unknown kind', { kind: 'committee' }, 'kind', '请选择组织类型'],
    ['the name of an active sibling', { name: '急诊急救党支部' }, 'name', '同名'],
  ])('refuses %s, naming the field, and adds nothing', async (_n, patch, field, message) => {
    const before = await orgCount();
    const res = await create(renmin, renminUnit.id, { ...newBranch('新设党支部'), ...patch });
    expect(res.statusCode).toBe(400);
    expect(fieldError(res, field)).toContain(message);
    expect(await orgCount()).toBe(before);
  });

  it('puts 党小组 under a branch only, and no sub-branch into a unit that is itself one branch', async () => {
    const branch = renminUnit.children.find((c) => c.kind === 'branch')!;
    const group = await create(renmin, branch.id, { kind: 'party_group', name: '第三党小组', foundedDate: '2025-06-01' });
    expect(group.statusCode).toBe(201);
    expect(group.json()).toMatchObject({ kind: 'party_group', parentId: branch.id, unitId: renminUnit.id, branchCategory: null });
    const before = await orgCount();
    const nested = await create(renmin, branch.id, newBranch('支部下的支部'));
    expect(fieldError(nested, 'kind')).toContain('上级组织不是单位党委或党总支');
    const branchUnit = root.children.find((u) => u.kind === 'branch')!;
    const sub = await create(admin, branchUnit.id, newBranch('不应存在的党支部'));
    expect(sub.statusCode).toBe(400);
    expect(sub.json().error.message).toContain('整体为一个党支部');
    expect(await orgCount()).toBe(before);
  });

  it('keeps each user to their own unit: renmin not in 眼科医院, branch secretary and leader nowhere', async () => {
    const before = await orgCount();
    expect((await create(renmin, yankeUnit.id, newBranch('越权党支部'))).statusCode).toBe(403);
    const jijiu = await ctx.as('jijiu');
    expect((await create(jijiu, renminUnit.id, newBranch('越权党支部'))).statusCode).toBe(403);
    const jijiuBranch = (await jijiu('/api/orgs/tree')).json().root;
    const own = (n: OrgTreeNode): OrgTreeNode => (n.kind === 'branch' ? n : own(n.children[0]!));
    expect((await create(jijiu, own(jijiuBranch).id, { kind: 'party_group', name: '越权党小组', foundedDate: '2025-06-01' })).statusCode).toBe(403);
    expect((await create(await ctx.as('leader'), renminUnit.id, newBranch('越权党支部'))).statusCode).toBe(403);
    expect((await create(ctx.anon, renminUnit.id, newBranch('越权党支部'))).statusCode).toBe(401);
    expect(await orgCount()).toBe(before);
  });

  it('renames a branch with its version, refuses a stale rename with 409, and leaves unit-level names to the admin', async () => {
    const b = (await create(renmin, renminUnit.id, newBranch('待更名党支部'))).json();
    const put = (client: Client, body: object) => client({ method: 'PUT', url: `/api/orgs/${b.id}`, payload: body });
    const ok = await put(renmin, { name: '老年医学科党支部', department: '老年医学科', branchCategory: 'mixed', version: 1 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ name: '老年医学科党支部', department: '老年医学科', branchCategory: 'mixed', version: 2 });
    const stale = await put(admin, { name: '又一个名字', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toContain('renmin');
    expect((await detail(b.id)).name).toBe('老年医学科党支部');
    const unitRename = await renmin({ method: 'PUT', url: `/api/orgs/${renminUnit.id}`, payload: { name: '改名的党委', version: 1 } });
    expect(unitRename.statusCode).toBe(403);
    const audit = (await ctx.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'org'), eq(auditLog.entityId, String(b.id)))));
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect(audit[1]).toMatchObject({ before: { name: '待更名党支部' }, after: { name: '老年医学科党支部' } });
  });
});

describe('merging and dissolving branches', () => {
  const today = todayIso();
  /** Leaf branches of 人民医院 with members, as the tree shows them now (the 急救 branch, first, is jijiu's: left alone). */
  const leafBranches = async () => {
    const unit = find(await tree(), renminUnit.id)!;
    return { unit, leaves: unit.children.filter((c) => c.kind === 'branch' && c.children.length === 0 && c.counts.members > 0).slice(1) };
  };

  it('merges a branch into another of the unit: every member, 党小组 and open record moves, nothing is orphaned', async () => {
    const { unit, leaves } = await leafBranches();
    const [source, target] = leaves.slice(-2);
    if (!source || !target) throw new Error('demo data has too few branches');
    // A 党小组 and an active brand on the source (besides its committee in office), to see them follow.
    await create(renmin, source.id, { kind: 'party_group', name: '随迁党小组', foundedDate: '2025-06-01' });
    const [brand] = await ctx.db.transaction((tx) => tx.insert(brands).values({ orgId: source.id, name: '随迁品牌', createdYear: 2024, updatedAt: today }).returning());
    const src = await detail(source.id);
    const tgt = await detail(target.id);
    const movedIds = await activeMembersOf(source.id);
    const openCommittee = (await ctx.db.select().from(committees).where(eq(committees.orgId, source.id))).find((c) => !c.endedDate);

    const res = await renmin({ method: 'POST', url: `/api/orgs/${source.id}/merge`, payload: { intoOrgId: target.id, date: today, version: src.version } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ org: { status: 'dissolved', dissolvedDate: today }, moved: { members: movedIds.length, groups: 1 } });

    expect((await detail(target.id)).counts.members).toBe(tgt.counts.members + src.counts.members);
    const after = await tree();
    expect(find(after, source.id)).toBeUndefined();
    expect(find(after, renminUnit.id)!.counts.members).toBe(unit.counts.members);
    expect(find(after, renminUnit.id)!.counts.branches).toBe(unit.counts.branches - 1);
    const moved = (await ctx.db.select().from(members).where(inArray(members.id, movedIds)));
    expect(moved.every((m) => m.orgId === target.id && m.status === 'active')).toBe(true);
    expect(find(after, target.id)!.children.map((c) => c.name)).toContain('随迁党小组');
    expect((await ctx.db.select().from(brands).where(and(eq(brands.orgId, source.id), eq(brands.active, true))))).toHaveLength(0);
    expect((await ctx.db.select().from(brands).where(eq(brands.id, brand!.id)))[0]!.orgId).toBe(target.id);
    expect(openCommittee).toBeDefined();
    expect((await ctx.db.select().from(committees).where(eq(committees.id, openCommittee!.id)))[0]!.endedDate).toBe(today);
    const audit = (await ctx.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'org'), eq(auditLog.entityId, String(source.id)))).orderBy(auditLog.id));
    expect(audit.at(-1)).toMatchObject({ username: 'renmin', action: 'merge', after: { status: 'dissolved', movedTo: target.id } });
  });

  it('refuses merging across units, merging the unit itself or the root, and a stale version — moving nobody', async () => {
    const source = (await leafBranches()).leaves[0]!;
    const yankeBranch = yankeUnit.children.find((c) => c.kind === 'branch')!;
    const version = (await detail(source.id)).version;
    const before = await activeMembersOf(source.id);
    const merge = (client: Client, id: number, body: object) => client({ method: 'POST', url: `/api/orgs/${id}/merge`, payload: { date: today, version, ...body } });
    expect((await merge(renmin, source.id, { intoOrgId: yankeBranch.id })).statusCode).toBe(403);
    const cross = await merge(admin, source.id, { intoOrgId: yankeBranch.id });
    expect(fieldError(cross, 'intoOrgId')).toContain('只能并入本单位的党支部');
    const sibling = renminUnit.children.filter((c) => c.kind === 'branch' && c.id !== source.id)[0]!;
    expect((await merge(admin, renminUnit.id, { intoOrgId: sibling.id })).statusCode).toBe(400);
    expect((await merge(admin, root.id, { intoOrgId: sibling.id })).statusCode).toBe(400);
    expect((await merge(await ctx.as('jijiu'), source.id, { intoOrgId: sibling.id })).statusCode).toBe(403);
    const stale = await merge(renmin, source.id, { intoOrgId: sibling.id, version: version + 5 });
    expect(stale.statusCode).toBe(409);
    expect(await activeMembersOf(source.id)).toEqual(before);
    expect((await detail(source.id)).status).toBe('active');
  });

  it('dissolves a branch only with a branch for its members, which then stay active there', async () => {
    const [source, target] = (await leafBranches()).leaves.slice(0, 2);
    const { version } = await detail(source!.id);
    const ids = await activeMembersOf(source!.id);
    const dissolve = (body: object) => renmin({ method: 'POST', url: `/api/orgs/${source!.id}/dissolve`, payload: { date: today, version, ...body } });
    const refused = await dissolve({});
    expect(refused.statusCode).toBe(400);
    expect(fieldError(refused, 'moveMembersTo')).toContain('请选择');
    expect(refused.json().error.message).toContain(`${ids.length} 名在册党员`);
    expect(await activeMembersOf(source!.id)).toEqual(ids);

    const ok = await dissolve({ moveMembersTo: target!.id });
    expect(ok.statusCode).toBe(200);
    expect(find(await tree(), source!.id)).toBeUndefined();
    const moved = (await ctx.db.select().from(members).where(inArray(members.id, ids)));
    expect(moved.every((m) => m.orgId === target!.id && m.status === 'active')).toBe(true);
    const transfers = (await ctx.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'member'), eq(auditLog.action, 'transfer'))));
    expect(transfers.filter((t) => ids.includes(Number(t.entityId)) && (t.after as { orgId: number }).orgId === target!.id)).toHaveLength(ids.length);
  });

  it('dissolves an empty branch without a target, and never the unit-level organisation', async () => {
    const b = (await create(renmin, renminUnit.id, newBranch('临时党支部'))).json();
    const res = await renmin({ method: 'POST', url: `/api/orgs/${b.id}/dissolve`, payload: { date: today, version: b.version } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ org: { status: 'dissolved' }, target: null });
    const branchUnit = root.children.find((u) => u.kind === 'branch')!;
    const unitRes = await admin({ method: 'POST', url: `/api/orgs/${branchUnit.id}/dissolve`, payload: { date: today, version: 1 } });
    expect(fieldError(unitRes, 'id')).toContain('只能合并或撤销党支部');
    expect((await detail(branchUnit.id)).status).toBe('active');
  });
});
