import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, isNull, notInArray } from 'drizzle-orm';
import type { OrgTreeNode } from '@wj/domain/schemas';
import { auditLog, committeeMembers, committees, members, orgs, users } from '../../src/db/schema/index.js';
import { personRow, testIdNumber } from '../fixtures/roster.js';
import { build, type Client, type TestContext } from '../helpers/build.js';

let ctx: TestContext;
let admin: Client;
let renmin: Client;
let renminUnit: OrgTreeNode;
let branchA: OrgTreeNode; // the 急救 branch jijiu keeps
let branchB: OrgTreeNode; // another 人民医院 branch
let yankeBranch: OrgTreeNode;

const branchesOf = (n: OrgTreeNode): OrgTreeNode[] => (n.kind === 'branch' ? [n] : n.children.flatMap(branchesOf));
const find = (n: OrgTreeNode, id: number): OrgTreeNode | undefined => (n.id === id ? n : n.children.map((c) => find(c, id)).find(Boolean));

beforeAll(async () => {
  ctx = await build();
  admin = await ctx.as('admin');
  renmin = await ctx.as('renmin');
  const root: OrgTreeNode = (await admin('/api/orgs/tree')).json().root;
  renminUnit = root.children.find((u) => u.institutionName === '市人民医院')!;
  const jijiuBranchId = (await ctx.db.select({ id: users.scopeOrgId }).from(users).where(eq(users.username, 'jijiu')))[0]!.id!;
  branchA = find(renminUnit, jijiuBranchId)!;
  branchB = branchesOf(renminUnit).find((b) => b.id !== branchA.id)!;
  yankeBranch = branchesOf(root.children.find((u) => u.institutionName === '市眼科医院')!)[0]!;
});
afterAll(() => ctx.close());

// 1990-05-12 female: a clean new member, in the JSON the member form sends.
const good = {
  name: '王晓红', gender: 'female', ethnicity: '汉族', birthDate: '1990-05-12', education: 'postgraduate_master',
  idNumber: testIdNumber('1990-05-12', false, 11), phone: '13912340001', joinDate: '2015-06-30', fullDate: '2016-07-01',
  category: 'full', employment: 'in_service', jobCategory: 'doctor', titleLevel: 'intermediate', department: '急诊科',
  position: '主治医师', isTalent: true, isDeptHead: false,
};
let seq = 100;
/** A fresh valid person each call, so creates do not clash on 公民身份号码. */
const fresh = (over: object = {}) => ({ ...good, idNumber: testIdNumber(good.birthDate, false, seq += 2), ...over });

const memberCount = async () => (await ctx.db.select({ n: count() }).from(members))[0]!.n;
const row = async (id: number) => (await ctx.db.select().from(members).where(eq(members.id, id)))[0]!;
const auditOf = (id: number) => ctx.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'member'), eq(auditLog.entityId, String(id)))).orderBy(auditLog.id);
const create = (client: Client, orgId: number, payload: object) => client({ method: 'POST', url: `/api/orgs/${orgId}/members`, payload });
const treeCount = async (orgId: number) => find((await admin('/api/orgs/tree')).json().root, orgId)!.counts.members;
const problem = (res: { json: () => { error: { details?: { field: string; message: string }[] } } }, field: string) =>
  res.json().error.details?.find((d) => d.field === field)?.message;

/** An active member of the branch who holds no seat on a 支委会 (those must be changed there first). */
async function plainMember(orgId: number) {
  const seated = (await ctx.db.select({ id: committeeMembers.memberId }).from(committeeMembers)).map((r) => r.id);
  return (await ctx.db.select().from(members)
    .where(and(eq(members.orgId, orgId), eq(members.status, 'active'), notInArray(members.id, seated))).orderBy(members.id).limit(1))[0]!;
}

describe('creating a member', () => {
  it('creates in a branch, masks the 公民身份号码 below admin, counts them, and audits the write', async () => {
    const before = await treeCount(branchA.id);
    const res = await create(renmin, branchA.id, good);
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json();
    expect(m).toMatchObject({ name: good.name, orgId: branchA.id, status: 'active', version: 1, fullDate: good.fullDate, isTalent: true });
    expect(m.idNumber).toBe(`1****************${good.idNumber.slice(-1)}`);
    expect(m.phone).toBe('139****0001');
    expect((await row(m.id)).idNumber).toBe(good.idNumber);
    expect((await admin(`/api/members/${m.id}`)).json().idNumber).toBe(good.idNumber);
    expect(await treeCount(branchA.id)).toBe(before + 1);
    const audit = await auditOf(m.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ username: 'renmin', action: 'create', orgId: branchA.id });
    expect(audit[0]!.after).toMatchObject({ name: good.name, idNumber: '***', phone: '***' });
  });

  it('refuses a 党委 or a 党小组 as the target, saying members belong in a 党支部', async () => {
    const before = await memberCount();
    const toUnit = await create(renmin, renminUnit.id, fresh());
    expect(toUnit.statusCode).toBe(400);
    expect(toUnit.json().error.message).toContain('党员只能编入党支部');
    expect(toUnit.json().error.message).toContain('党委');
    const group = (await ctx.db.select().from(orgs).where(eq(orgs.kind, 'party_group')))[0]!;
    const toGroup = await create(admin, group.id, fresh());
    expect(toGroup.statusCode).toBe(400);
    expect(toGroup.json().error.message).toContain('请选择党小组所在的党支部');
    expect(await memberCount()).toBe(before);
  });

  it.each([
    ['a wrong check digit', { idNumber: `${good.idNumber.slice(0, 17)}${good.idNumber[17] === '0' ? '1' : '0'}` }, 'idNumber', '校验位不正确'],
    ['a 公民身份号码 whose birth date differs', { birthDate: '1990-05-13' }, 'idNumber', '与出生日期不一致'],
    ['a 公民身份号码 of the other gender', { gender: 'male' }, 'idNumber', '与性别不符'],
    ['a future birth date', { birthDate: '2099-01-01' }, 'birthDate', '不能晚于今天'],
    ['someone under 18', { birthDate: '2015-01-01' }, 'birthDate', '年满 18 周岁'],
    ['a future join date', { joinDate: '2099-01-01', fullDate: null, category: 'probationary' }, 'joinDate', '入党日期不能晚于今天'],
    ['a join date before the 18th birthday', { joinDate: '2007-01-01' }, 'joinDate', '入党时应年满 18 周岁'],
    ['a full-membership date before the join date', { fullDate: '2014-01-01' }, 'fullDate', '不能早于入党日期'],
    ['a full member without a full-membership date', { fullDate: null }, 'fullDate', '正式党员请填写转为正式党员日期'],
    ['a probationary member with a full-membership date', { category: 'probationary' }, 'fullDate', '预备党员不应填写'],
    ['a one-character name', { name: '王' }, 'name', '2–20 个字'],
    ['an over-long position', { position: '职'.repeat(51) }, 'position', '不能超过 50 个字'],
    ['an over-long department', { department: '科'.repeat(51) }, 'department', '不能超过 50 个字'],
    ['a bad phone number', { phone: '1391234' }, 'phone', '11 位手机号'],
    ['an unknown 民族', { ethnicity: '火星族' }, 'ethnicity', '56 个民族'],
  ])('refuses %s, naming the field, and changes nothing', async (_name, patch, field, message) => {
    const before = await memberCount();
    const res = await create(renmin, branchA.id, fresh(patch));
    expect(res.statusCode).toBe(400);
    expect(problem(res, field)).toContain(message);
    expect(await memberCount()).toBe(before);
  });

  it('refuses a 公民身份号码 another member already holds, naming who and where', async () => {
    const holder = await plainMember(branchB.id);
    const before = await memberCount();
    const res = await create(renmin, branchA.id, fresh({
      idNumber: holder.idNumber, birthDate: holder.birthDate, gender: holder.gender,
      joinDate: holder.joinDate, fullDate: holder.fullDate, category: holder.category,
    }));
    expect(res.statusCode).toBe(400);
    expect(problem(res, 'idNumber')).toBe(`公民身份号码已被党员 ${holder.name}（${branchB.name}）使用`);
    expect(await memberCount()).toBe(before);
  });
});

describe('editing a member', () => {
  it('saves with the version, keeps masked 公民身份号码/phone sent back unchanged, and audits before and after', async () => {
    const m = (await create(renmin, branchA.id, fresh())).json();
    const stored = await row(m.id);
    const res = await renmin({ method: 'PUT', url: `/api/members/${m.id}`, payload: { ...fresh(), idNumber: m.idNumber, phone: m.phone, position: '副主任医师', version: 1 } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ position: '副主任医师', version: 2, idNumber: m.idNumber });
    expect(await row(m.id)).toMatchObject({ idNumber: stored.idNumber, phone: stored.phone, position: '副主任医师', updatedBy: 'renmin' });
    const audit = await auditOf(m.id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect(audit[1]!.before).toMatchObject({ position: '主治医师' });
    expect(audit[1]!.after).toMatchObject({ position: '副主任医师' });
  });

  it.each([
    ['a wrong check digit', { idNumber: '110101199005120010' }, 'idNumber', '校验位不正确'],
    ['a future join date', { joinDate: '2099-01-01' }, 'joinDate', '不能晚于今天'],
    ['a full-membership date before the join date', { fullDate: '2010-01-01' }, 'fullDate', '不能早于入党日期'],
    ['an over-long department', { department: '科'.repeat(51) }, 'department', '不能超过 50 个字'],
    ['a birth date the masked 公民身份号码 contradicts', { birthDate: '1991-05-12', joinDate: '2015-06-30' }, 'birthDate', '不一致'],
    ['a masked number that is not this member\'s', { idNumber: '9****************9' }, 'idNumber', '不完整'],
  ])('refuses %s and leaves the record as it was', async (_name, patch, field, message) => {
    const m = (await create(renmin, branchA.id, fresh())).json();
    const before = await row(m.id);
    const res = await renmin({ method: 'PUT', url: `/api/members/${m.id}`, payload: { ...good, idNumber: m.idNumber, ...patch, version: 1 } });
    expect(res.statusCode).toBe(400);
    expect(problem(res, field)).toContain(message);
    expect(await row(m.id)).toEqual(before);
  });

  it('refuses taking over another member\'s 公民身份号码', async () => {
    const a = (await create(admin, branchA.id, fresh())).json();
    const b = (await create(admin, branchA.id, fresh())).json();
    const res = await admin({ method: 'PUT', url: `/api/members/${b.id}`, payload: { ...good, idNumber: a.idNumber, version: 1 } });
    expect(res.statusCode).toBe(400);
    expect(problem(res, 'idNumber')).toBe(`公民身份号码已被党员 ${a.name}（${branchA.name}）使用`);
    expect((await row(b.id)).version).toBe(1);
  });

  it('answers 409 on a stale version, naming who saved first, and keeps their change', async () => {
    const m = (await create(renmin, branchA.id, fresh())).json();
    const body = { ...fresh(), idNumber: m.idNumber };
    expect((await renmin({ method: 'PUT', url: `/api/members/${m.id}`, payload: { ...body, department: '第一次修改', version: 1 } })).statusCode).toBe(200);
    const stale = await admin({ method: 'PUT', url: `/api/members/${m.id}`, payload: { ...body, idNumber: (await row(m.id)).idNumber, department: '第二次修改', version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toContain('renmin');
    expect((await row(m.id)).department).toBe('第一次修改');
  });
});

describe('组织关系转接 and leaving the roll', () => {
  it('moves a member to another branch of the unit: counts follow, the audit says from where to where', async () => {
    const m = await plainMember(branchA.id);
    const [a, b] = [await treeCount(branchA.id), await treeCount(branchB.id)];
    const res = await renmin({ method: 'POST', url: `/api/members/${m.id}/transfer`, payload: { toOrgId: branchB.id, version: m.version } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ orgId: branchB.id, orgName: branchB.name, version: m.version + 1 });
    expect([await treeCount(branchA.id), await treeCount(branchB.id)]).toEqual([a - 1, b + 1]);
    const last = (await auditOf(m.id)).at(-1)!;
    expect(last).toMatchObject({ action: 'transfer', username: 'renmin' });
    expect([(last.before as { orgId: number }).orgId, (last.after as { orgId: number }).orgId]).toEqual([branchA.id, branchB.id]);
  });

  it('refuses a stale version, a 党委 as destination, and the member\'s own branch', async () => {
    const m = await plainMember(branchA.id);
    const move = (payload: object) => renmin({ method: 'POST', url: `/api/members/${m.id}/transfer`, payload });
    expect((await move({ toOrgId: branchB.id, version: m.version + 5 })).statusCode).toBe(409);
    const toUnit = await move({ toOrgId: renminUnit.id, version: m.version });
    expect(toUnit.statusCode).toBe(400);
    expect(problem(toUnit, 'toOrgId')).toContain('党员只能编入党支部');
    expect((await move({ toOrgId: branchA.id, version: m.version })).statusCode).toBe(400);
    expect(await row(m.id)).toEqual(m);
  });

  it('keeps the row of a member who died, with status and date, and stops counting them', async () => {
    const m = await plainMember(branchA.id);
    const [branch, unit] = [await treeCount(branchA.id), await treeCount(renminUnit.id)];
    const res = await renmin({
      method: 'POST', url: `/api/members/${m.id}/leave`,
      payload: { status: 'deceased', leftDate: '2026-03-01', leftReason: '病故', version: m.version },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'deceased', leftDate: '2026-03-01', leftReason: '病故' });
    expect(await row(m.id)).toMatchObject({ status: 'deceased', orgId: branchA.id, name: m.name });
    expect([await treeCount(branchA.id), await treeCount(renminUnit.id)]).toEqual([branch - 1, unit - 1]);
    const active = (await renmin(`/api/orgs/${branchA.id}/members?pageSize=200`)).json().items.map((x: { id: number }) => x.id);
    expect(active).not.toContain(m.id);
    const gone = (await renmin(`/api/orgs/${branchA.id}/members?status=deceased&pageSize=200`)).json().items.map((x: { id: number }) => x.id);
    expect(gone).toContain(m.id);
    expect((await auditOf(m.id)).at(-1)).toMatchObject({ action: 'leave', username: 'renmin' });

    // History is read-only: no second leave, no edit, no transfer of someone who left.
    const v = (await row(m.id)).version;
    expect((await renmin({ method: 'POST', url: `/api/members/${m.id}/leave`, payload: { status: 'expelled', leftDate: '2026-04-01', version: v } })).statusCode).toBe(400);
    expect((await renmin({ method: 'POST', url: `/api/members/${m.id}/transfer`, payload: { toOrgId: branchB.id, version: v } })).statusCode).toBe(400);
    expect((await row(m.id)).version).toBe(v);
  });

  it('refuses a leaving date before the join date or in the future, and a stale version', async () => {
    const m = await plainMember(branchA.id);
    const leave = (payload: object) => renmin({ method: 'POST', url: `/api/members/${m.id}/leave`, payload: { status: 'transferred_out', version: m.version, ...payload } });
    const early = await leave({ leftDate: '1950-01-01' });
    expect(early.statusCode).toBe(400);
    expect(problem(early, 'leftDate')).toContain('不能早于入党日期');
    expect(problem(await leave({ leftDate: '2099-01-01' }), 'leftDate')).toContain('不能晚于今天');
    expect(problem(await leave({ leftDate: '2026-01-01', status: 'retired' }), 'status')).toContain('转出/死亡/出党');
    expect((await leave({ leftDate: '2026-01-01', version: m.version + 1 })).statusCode).toBe(409);
    expect(await row(m.id)).toEqual(m);
  });

  it('refuses to let a sitting 支委会 member leave until the committee is changed', async () => {
    const seat = (await ctx.db.select({ id: committeeMembers.memberId }).from(committeeMembers)
      .innerJoin(committees, eq(committees.id, committeeMembers.committeeId))
      .innerJoin(orgs, eq(orgs.id, committees.orgId))
      .where(and(eq(orgs.unitId, renminUnit.id), isNull(committees.endedDate))))[0]!;
    const m = await row(seat.id);
    const res = await renmin({ method: 'POST', url: `/api/members/${m.id}/leave`, payload: { status: 'transferred_out', leftDate: '2026-01-01', version: m.version } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('现任支委会成员');
    const move = await renmin({ method: 'POST', url: `/api/members/${m.id}/transfer`, payload: { toOrgId: m.orgId === branchA.id ? branchB.id : branchA.id, version: m.version } });
    expect(move.json().error.message).toContain('现任支委会成员');
    expect(await row(m.id)).toEqual(m);
  });
});

describe('scope', () => {
  it('keeps unit and branch secretaries inside their scope, the leader read-only, strangers out', async () => {
    const before = await memberCount();
    expect((await create(renmin, yankeBranch.id, fresh())).statusCode).toBe(403);
    const jijiu = await ctx.as('jijiu');
    expect((await create(jijiu, branchB.id, fresh())).statusCode).toBe(403);
    const leader = await ctx.as('leader');
    expect((await create(leader, branchA.id, fresh())).statusCode).toBe(403);
    expect((await create(ctx.anon, branchA.id, fresh())).statusCode).toBe(401);
    expect(await memberCount()).toBe(before);

    const m = await plainMember(branchA.id);
    // jijiu keeps branch A but may not send anyone to a branch outside it.
    expect((await jijiu({ method: 'POST', url: `/api/members/${m.id}/transfer`, payload: { toOrgId: branchB.id, version: m.version } })).statusCode).toBe(403);
    expect((await renmin({ method: 'POST', url: `/api/members/${m.id}/transfer`, payload: { toOrgId: yankeBranch.id, version: m.version } })).statusCode).toBe(403);
    expect((await leader({ method: 'PUT', url: `/api/members/${m.id}`, payload: { ...good, version: m.version } })).statusCode).toBe(403);
    expect((await leader({ method: 'POST', url: `/api/members/${m.id}/leave`, payload: { status: 'deceased', leftDate: '2026-01-01', version: m.version } })).statusCode).toBe(403);
    const yankeMember = await plainMember(yankeBranch.id);
    expect((await renmin({ method: 'PUT', url: `/api/members/${yankeMember.id}`, payload: { ...good, version: 1 } })).statusCode).toBe(403);
    expect(await row(m.id)).toEqual(m);
    expect((await jijiu({ method: 'POST', url: `/api/orgs/${branchA.id}/members`, payload: fresh() })).statusCode).toBe(201);
  });
});
