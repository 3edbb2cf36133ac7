import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { todayIso, type OrgTreeNode } from '@wj/domain/schemas';
import { auditLog, committees, members } from '../../src/db/schema/index.js';
import { build, type Client, type TestContext } from '../helpers/build.js';

let ctx: TestContext;
let renmin: Client;
let unit: OrgTreeNode;
/** A new branch of 5 full members, set up for these tests. */
let small: { id: number; memberIds: number[] };
/** jijiu's branch (急诊急救, ≥ 7 full members in the demo data). */
let big: { id: number; memberIds: number[] };
let otherBranchMember: number;

const committeeCount = async () => (await ctx.db.select({ n: count() }).from(committees))[0]!.n;
const fieldError = (res: { json: () => any }, field: string) =>
  res.json().error.details?.find((d: { field: string }) => d.field === field)?.message as string | undefined;
const elect = (client: Client, orgId: number, body: object) => client({ method: 'POST', url: `/api/orgs/${orgId}/committee`, payload: body });
const seat = (memberId: number, role: string, extra: object = {}) => ({ memberId, role, ...extra });
const activeIds = async (orgId: number, category?: 'full' | 'probationary') =>
  (await ctx.db.select({ id: members.id }).from(members)
    .where(and(eq(members.orgId, orgId), eq(members.status, 'active'), category ? eq(members.category, category) : undefined)).orderBy(members.id)).map((m) => m.id);

beforeAll(async () => {
  ctx = await build();
  renmin = await ctx.as('renmin');
  const root: OrgTreeNode = (await (await ctx.as('admin'))('/api/orgs/tree')).json().root;
  unit = root.children.find((u) => u.institutionName === '市人民医院')!;
  const created = await renmin({
    method: 'POST', url: `/api/orgs/${unit.id}/branches`,
    payload: { kind: 'branch', name: '支委会测试党支部', branchCategory: 'in_service', foundedDate: '2020-01-01' },
  });
  const id = created.json().id as number;
  const now = new Date().toISOString();
  const memberIds = (await ctx.db.transaction((tx) => tx.insert(members).values([1, 2, 3, 4, 5, 6].map((i): typeof members.$inferInsert => ({
    orgId: id, name: `测试党员${i}`, gender: 'female', ethnicity: '汉族', birthDate: '1985-05-01', education: 'bachelor',
    idNumber: `TEST-COMMITTEE-${i}`, joinDate: '2010-07-01', fullDate: i < 6 ? '2011-07-01' : null, category: i < 6 ? 'full' : 'probationary', employment: 'in_service', updatedAt: now,
  }))).returning({ id: members.id }))).map((m) => m.id);
  // Five full members and one probationary: no committee required (第九条 counts 正式党员).
  small = { id, memberIds };
  const jijiuTree: OrgTreeNode = (await (await ctx.as('jijiu'))('/api/orgs/tree')).json().root;
  const own = (n: OrgTreeNode): OrgTreeNode => (n.kind === 'branch' ? n : own(n.children[0]!));
  const bigId = own(jijiuTree).id;
  big = { id: bigId, memberIds: (await activeIds(bigId, 'full')) };
  otherBranchMember = (await activeIds(unit.children.find((c) => c.kind === 'branch' && c.id !== bigId)!.id))[0]!;
});
afterAll(() => ctx.close());

describe('支委会 elections', () => {
  it('shows a branch without a committee, and whether its size requires one', async () => {
    const res = await renmin(`/api/orgs/${small.id}/committee`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ current: null, history: [], fullMembers: 5, committeeRequired: false });
  });

  it.each([
    ['two secretaries', () => [seat(small.memberIds[0]!, 'secretary'), seat(small.memberIds[1]!, 'secretary')], 'members.1.role', '只能有一名书记'],
    ['no secretary', () => [seat(small.memberIds[0]!, 'deputy_secretary')], 'members', '必须有一名书记'],
    ['the same person twice', () => [seat(small.memberIds[0]!, 'secretary'), seat(small.memberIds[0]!, 'deputy_secretary')], 'members.1.memberId', '重复'],
    ['a member of another branch', () => [seat(otherBranchMember, 'secretary')], 'members.0.memberId', '不是本支部在册党员'],
    ['a probationary member', () => [seat(small.memberIds[5]!, 'secretary')], 'members.0.memberId', '预备党员没有被选举权'],
    ['a 4-member committee for a 5-member branch', () => [
      seat(small.memberIds[0]!, 'secretary'), seat(small.memberIds[1]!, 'organization'),
      seat(small.memberIds[2]!, 'propaganda'), seat(small.memberIds[3]!, 'discipline'),
    ], 'members', '不设支部委员会'],
    ['a 纪检委员 held twice through 兼任', () => [
      seat(small.memberIds[0]!, 'secretary', { alsoRoles: ['discipline'] }), seat(small.memberIds[1]!, 'discipline'),
    ], 'members.1.role', '只能有一名纪检委员'],
    ['a seat holding its own role again', () => [seat(small.memberIds[0]!, 'secretary'), seat(small.memberIds[1]!, 'organization', { alsoRoles: ['organization'] })], 'members.1.alsoRoles', '不能与本职重复'],
    ['书记 as a concurrent role', () => [seat(small.memberIds[0]!, 'organization', { alsoRoles: ['secretary'] })], 'members.0.alsoRoles.0', '兼任职务只能是'],
    ['a 兼任 委员 in a branch too small for a committee', () => [seat(small.memberIds[0]!, 'secretary', { alsoRoles: ['discipline'] })], 'members', '不设支部委员会'],
    ['专职 marked on a non-secretary', () => [seat(small.memberIds[0]!, 'secretary'), seat(small.memberIds[1]!, 'deputy_secretary', { fullTime: true })], 'members.1.fullTime', '只有书记'],
  ])('refuses %s, naming the field, and records nothing', async (_n, seats, field, message) => {
    const before = await committeeCount();
    const res = await elect(renmin, small.id, { electedDate: '2024-03-01', members: seats() });
    expect(res.statusCode).toBe(400);
    expect(fieldError(res, field)).toContain(message);
    expect(await committeeCount()).toBe(before);
  });

  it.each([
    ['a term of 6 years', { termYears: 6 }, 'termYears', '1 至 5 年'],
    ['an election in the future', { electedDate: '2099-03-01' }, 'electedDate', '不能晚于今天'],
  ])('refuses %s', async (_n, patch, field, message) => {
    const res = await elect(renmin, small.id, { electedDate: '2024-03-01', members: [seat(small.memberIds[0]!, 'secretary')], ...patch });
    expect(fieldError(res, field)).toContain(message);
  });

  it('records a secretary and deputy for a small branch, a 3-year term by default, with an audit entry', async () => {
    const res = await elect(renmin, small.id, {
      electedDate: '2024-03-01',
      members: [seat(small.memberIds[0]!, 'secretary', { fullTime: false, otherPosts: 2 }), seat(small.memberIds[1]!, 'deputy_secretary')],
    });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({ orgId: small.id, termYears: 3, termEndsOn: '2027-03-01', endedDate: null, version: 1 });
    expect(c.members.map((m: { role: string; name: string }) => `${m.role}:${m.name}`)).toEqual(['secretary:测试党员1', 'deputy_secretary:测试党员2']);
    const audit = (await ctx.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'committee'), eq(auditLog.entityId, String(c.id)))).orderBy(auditLog.id));
    expect(audit).toMatchObject([{ username: 'renmin', action: 'create', after: { electedDate: '2024-03-01' } }]);
    expect((await renmin(`/api/orgs/${small.id}`)).json().committee.id).toBe(c.id);
  });

  it('a new election ends the previous committee on its day; an election before it is refused', async () => {
    const prev = (await renmin(`/api/orgs/${small.id}/committee`)).json().current;
    const early = await elect(renmin, small.id, { electedDate: '2023-01-01', members: [seat(small.memberIds[2]!, 'secretary')] });
    expect(fieldError(early, 'electedDate')).toContain('应晚于上一届选举日期');
    const date = todayIso();
    const res = await elect(renmin, small.id, { electedDate: date, termYears: 5, members: [seat(small.memberIds[2]!, 'secretary')] });
    expect(res.statusCode).toBe(201);
    const list = (await renmin(`/api/orgs/${small.id}/committee`)).json();
    expect(list.current.id).toBe(res.json().id);
    expect(list.history).toMatchObject([{ id: prev.id, endedDate: date }]);
    const ended = await renmin({ method: 'PUT', url: `/api/committees/${prev.id}`, payload: { termYears: 3, members: [seat(small.memberIds[0]!, 'secretary')], version: 2 } });
    expect(fieldError(ended, 'id')).toContain('已结束');
  });

  it('edits the committee in office with its version, refuses a stale edit with 409 and keeps the newer one', async () => {
    const cur = (await renmin(`/api/orgs/${small.id}/committee`)).json().current;
    const put = (client: Client, body: object) => client({ method: 'PUT', url: `/api/committees/${cur.id}`, payload: body });
    const swap = [seat(small.memberIds[3]!, 'secretary', { fullTime: true }), seat(small.memberIds[2]!, 'deputy_secretary')];
    const ok = await put(renmin, { termYears: 5, members: swap, version: cur.version });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().members.map((m: { memberId: number }) => m.memberId)).toEqual([small.memberIds[3], small.memberIds[2]]);
    const stale = await put(await ctx.as('admin'), { termYears: 3, members: [seat(small.memberIds[0]!, 'secretary')], version: cur.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toContain('renmin');
    expect((await renmin(`/api/orgs/${small.id}/committee`)).json().current.members[0].memberId).toBe(small.memberIds[3]);
    const audit = (await ctx.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'committee'), eq(auditLog.entityId, String(cur.id)))).orderBy(auditLog.id));
    expect(audit.at(-1)).toMatchObject({ action: 'update', before: { members: [{ memberId: small.memberIds[2] }] }, after: { members: [{ memberId: small.memberIds[3] }, {}] } });
  });

  it('asks a branch of 7+ full members for a 3–7 committee; its own branch secretary may elect it, nobody else outside scope', async () => {
    const jijiu = await ctx.as('jijiu');
    const info = (await jijiu(`/api/orgs/${big.id}/committee`)).json();
    expect(info.committeeRequired).toBe(true);
    const [a, b, c] = big.memberIds;
    const tooFew = await elect(jijiu, big.id, { electedDate: todayIso(), members: [seat(a!, 'secretary'), seat(b!, 'organization')] });
    expect(fieldError(tooFew, 'members')).toContain('委员 3 至 7 人');
    const before = await committeeCount();
    expect((await elect(jijiu, small.id, { electedDate: todayIso(), members: [seat(small.memberIds[0]!, 'secretary')] })).statusCode).toBe(403);
    expect((await elect(await ctx.as('leader'), big.id, { electedDate: todayIso(), members: [seat(a!, 'secretary')] })).statusCode).toBe(403);
    expect(await committeeCount()).toBe(before);
    const ok = await elect(jijiu, big.id, { electedDate: todayIso(), members: [seat(a!, 'secretary', { fullTime: true }), seat(b!, 'organization'), seat(c!, 'propaganda')] });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().updatedBy).toBe('jijiu');
  });
});

describe('兼任: one member, more than one role', () => {
  it('a 3-person committee whose secretary is also 纪检委员 is lawful and scores as complete', async () => {
    const jijiu = await ctx.as('jijiu');
    const [a, b, c] = big.memberIds;
    const cur = (await jijiu(`/api/orgs/${big.id}/committee`)).json().current;
    const res = await jijiu({
      method: 'PUT', url: `/api/committees/${cur.id}`,
      payload: { termYears: 3, version: cur.version, members: [seat(a!, 'secretary', { alsoRoles: ['discipline'] }), seat(b!, 'organization'), seat(c!, 'propaganda')] },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().members[0]).toMatchObject({ memberId: a, role: 'secretary', alsoRoles: ['discipline'] });
    const detail = (await jijiu(`/api/quality/branches/${big.id}`)).json();
    const complete = detail.indicators.find((i: { code: string }) => i.code === 'committee_complete');
    expect(complete.status).toBe('met');
    expect(detail.gaps.filter((g: { code: string }) => g.code === 'committee_complete')).toEqual([]);
  });
});

describe('the committee size follows the rule set in force', () => {
  it('after the admin lowers 设立支委会的正式党员人数 to 5, a 5-member branch needs a committee of 3 to 7', async () => {
    const admin = await ctx.as('admin');
    const lone = [seat(small.memberIds[0]!, 'secretary')];
    const cur = (await admin('/api/quality/rules')).json() as { version: number; rules: { params: Record<string, number> } };
    const next = structuredClone(cur.rules);
    next.params.committeeMinFullMembers = 5;
    const saved = await admin({ method: 'PUT', url: '/api/quality/rules', payload: { rules: next, baseVersion: cur.version, note: '测试：5名正式党员设支委会' } });
    expect(saved.statusCode, saved.body).toBe(200);
    const before = await committeeCount();
    const refused = await elect(renmin, small.id, { electedDate: '2026-06-01', termYears: 3, members: lone });
    expect(refused.statusCode).toBe(400);
    expect(fieldError(refused, 'members')).toBe('本支部有正式党员 5 名（5 名以上），应设支部委员会，委员 3 至 7 人，现为 1 人');
    expect(await committeeCount()).toBe(before);
  });
});
