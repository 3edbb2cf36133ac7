import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, ne } from 'drizzle-orm';
import { todayIso } from '@wj/domain/schemas';
import {
  auditLog, brands, members, orgs, projectMilestones, secretaryProjects, users, vanguardPosts,
} from '../../src/db/schema/index.js';
import { build, type Client, type TestContext } from '../helpers/build.js';

let ctx: TestContext;
let renmin: Client;
let jijiu: Client;
let branchId: number; // 人民医院 急救 branch, jijiu's own
let siblingId: number; // another 人民医院 branch
let yankeBranchId: number;
let renminUnitId: number;

const thisYear = Number(todayIso().slice(0, 4));
const lastYear = thisYear - 1;

beforeAll(async () => {
  ctx = await build();
  renmin = await ctx.as('renmin');
  jijiu = await ctx.as('jijiu');
  const scopeOf = async (u: string) => (await ctx.db.select({ id: users.scopeOrgId }).from(users).where(eq(users.username, u)))[0]!.id!;
  const branchOf = async (unitId: number, not = -1) => (await ctx.db.select({ id: orgs.id }).from(orgs)
    .where(and(eq(orgs.unitId, unitId), eq(orgs.kind, 'branch'), ne(orgs.id, not))))[0]!.id;
  branchId = await scopeOf('jijiu');
  renminUnitId = await scopeOf('renmin');
  siblingId = await branchOf(renminUnitId, branchId);
  yankeBranchId = await branchOf(await scopeOf('yanke'));
});
afterAll(() => ctx.close());

const rows = async (table: typeof brands | typeof secretaryProjects | typeof projectMilestones | typeof vanguardPosts) =>
  (await ctx.db.select({ n: count() }).from(table))[0]!.n;
const auditOf = async (entityType: string, id: number) =>
  (await ctx.db.select().from(auditLog).where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, String(id)))));
const fieldMessage = (body: { error: { details?: { field: string; message: string }[] } }, field: string) =>
  body.error.details?.find((d) => d.field === field)?.message;

describe('支部品牌', () => {
  const good = { name: '急救先锋·生命通道', description: '以急救技能进社区为载体', createdYear: 2021 };
  const post = (c: Client, orgId: number, payload: object) => c({ method: 'POST', url: `/api/orgs/${orgId}/brands`, payload });

  it('creates a brand, lists it and records who created it', async () => {
    const res = await post(renmin, branchId, good);
    expect(res.statusCode).toBe(201);
    const brand = res.json();
    expect(brand).toMatchObject({ ...good, orgId: branchId, active: true, version: 1, updatedBy: 'renmin' });
    expect((await jijiu(`/api/orgs/${branchId}/brands`)).json().map((b: { id: number }) => b.id)).toContain(brand.id);
    expect(await auditOf('brand', brand.id)).toMatchObject([{ username: 'renmin', action: 'create', after: { name: good.name } }]);
  });

  it.each([
    ['an empty name', { name: ' ' }, 'name', '请填写品牌名称'],
    ['a name over 50 characters', { name: '品'.repeat(51) }, 'name', '品牌名称不能超过 50 个字'],
    ['a description over 2000 characters', { description: '述'.repeat(2001) }, 'description', '不能超过 2000 个字'],
    ['a year before 2000', { createdYear: 1999 }, 'createdYear', '不能早于 2000 年'],
    ['a year still to come', { createdYear: thisYear + 1 }, 'createdYear', '不能晚于今年'],
  ])('refuses %s, naming the field, and stores nothing', async (_n, patch, field, message) => {
    const before = await rows(brands);
    const res = await post(renmin, branchId, { ...good, ...patch });
    expect(res.statusCode).toBe(400);
    expect(fieldMessage(res.json(), field)).toContain(message);
    expect(await rows(brands)).toBe(before);
  });

  it('keeps brands to 党支部: a unit-level 党委 cannot hold one', async () => {
    const res = await post(renmin, renminUnitId, good);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('只能为党支部登记支部品牌');
  });

  it('retires a brand with active=false instead of deleting it', async () => {
    const b = (await post(renmin, branchId, good)).json();
    const res = await jijiu({ method: 'PUT', url: `/api/brands/${b.id}`, payload: { ...good, active: false, version: b.version } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ active: false, version: 2, updatedBy: 'jijiu' });
    const listed = (await jijiu(`/api/orgs/${branchId}/brands`)).json().find((x: { id: number }) => x.id === b.id);
    expect(listed.active).toBe(false);
    expect((await auditOf('brand', b.id)).map((a) => a.action)).toEqual(['create', 'retire']);
  });

  it('refuses a stale save with 409 and keeps the newer name', async () => {
    const b = (await post(renmin, branchId, good)).json();
    expect((await jijiu({ method: 'PUT', url: `/api/brands/${b.id}`, payload: { ...good, name: '第一次', active: true, version: 1 } })).statusCode).toBe(200);
    const stale = await renmin({ method: 'PUT', url: `/api/brands/${b.id}`, payload: { ...good, name: '第二次', active: true, version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toContain('jijiu');
    expect((await ctx.db.select().from(brands).where(eq(brands.id, b.id)))[0]!.name).toBe('第一次');
  });

  it('keeps each user inside their scope', async () => {
    const before = await rows(brands);
    expect((await post(renmin, yankeBranchId, good)).statusCode).toBe(403);
    expect((await post(jijiu, siblingId, good)).statusCode).toBe(403);
    expect((await post(await ctx.as('leader'), branchId, good)).statusCode).toBe(403);
    expect((await post(ctx.anon, branchId, good)).statusCode).toBe(401);
    expect(await rows(brands)).toBe(before);
    const own = (await post(jijiu, branchId, good)).json();
    const yanke = await ctx.as('yanke');
    expect((await yanke({ method: 'PUT', url: `/api/brands/${own.id}`, payload: { ...good, active: false, version: own.version } })).statusCode).toBe(403);
    expect((await yanke(`/api/orgs/${branchId}/brands`)).statusCode).toBe(403);
  });
});

describe('书记项目 and its milestones', () => {
  const good = {
    year: lastYear, title: '“120”急救能力提升工程', goal: '全员掌握心肺复苏', businessGoal: '院前急救反应时间缩短到 10 分钟',
    milestones: [
      { title: '制定培训方案', dueDate: `${lastYear}-03-31`, doneDate: `${lastYear}-03-20` },
      { title: '完成全员培训', dueDate: `${lastYear}-06-30` },
    ],
  };
  const post = (c: Client, payload: object, orgId = branchId) => c({ method: 'POST', url: `/api/orgs/${orgId}/projects`, payload });
  const edit = { title: good.title, goal: good.goal, businessGoal: good.businessGoal, year: lastYear, status: 'in_progress', progress: 50 };

  it('creates a project with milestones and counts the one past due and not done as overdue', async () => {
    const res = await post(renmin, good);
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({ orgId: branchId, status: 'planned', progress: 0, overdue: 1, version: 1 });
    expect(p.milestones.map((m: { title: string; doneDate: string | null }) => [m.title, m.doneDate]))
      .toEqual([['制定培训方案', `${lastYear}-03-20`], ['完成全员培训', null]]);
    const listed = (await jijiu(`/api/orgs/${branchId}/projects?year=${lastYear}`)).json().find((x: { id: number }) => x.id === p.id);
    expect(listed).toMatchObject({ overdue: 1, milestones: expect.any(Array) });
    expect((await jijiu(`/api/orgs/${branchId}/projects?year=${thisYear + 1}`)).json().map((x: { id: number }) => x.id)).not.toContain(p.id);
    expect(await auditOf('secretary_project', p.id)).toMatchObject([{ username: 'renmin', action: 'create' }]);
  });

  it('does not count a milestone still to come as overdue', async () => {
    const next = thisYear + 1;
    const p = (await post(renmin, { ...good, year: next, milestones: [{ title: '中期评估', dueDate: `${next}-06-30` }] })).json();
    expect(p.overdue).toBe(0);
  });

  it.each([
    ['no milestone', { milestones: [] }, 'milestones', '至少设置一个项目节点'],
    ['a milestone due outside the project year', { milestones: [{ title: '节点', dueDate: `${thisYear}-01-15` }] }, 'milestones.0.dueDate', `应在 ${lastYear} 年内`],
    ['a milestone done in the future', { milestones: [{ title: '节点', dueDate: `${lastYear}-05-01`, doneDate: '2099-01-01' }] }, 'milestones.0.doneDate', '实际完成日期不能晚于今天'],
    ['an empty business goal', { businessGoal: '' }, 'businessGoal', '请填写服务的业务目标'],
    ['a year two years ahead', { year: thisYear + 2 }, 'year', '不能晚于明年'],
  ])('refuses %s, naming the field, and stores nothing', async (_n, patch, field, message) => {
    const before = [await rows(secretaryProjects), await rows(projectMilestones)];
    const res = await post(renmin, { ...good, ...patch });
    expect(res.statusCode).toBe(400);
    expect(fieldMessage(res.json(), field)).toContain(message);
    expect([await rows(secretaryProjects), await rows(projectMilestones)]).toEqual(before);
  });

  it('closes a project only with a 结项评价, and keeps progress within 0–100', async () => {
    const p = (await post(renmin, good)).json();
    const put = (payload: object) => renmin({ method: 'PUT', url: `/api/projects/${p.id}`, payload: { ...edit, version: p.version, ...payload } });
    const noReview = await put({ status: 'completed', progress: 100 });
    expect(fieldMessage(noReview.json(), 'review')).toBe('项目已完成，请填写结项评价');
    expect(fieldMessage((await put({ progress: 101 })).json(), 'progress')).toContain('不能超过 100');
    expect(fieldMessage((await put({ status: 'done' })).json(), 'status')).toBe('请选择项目状态');
    expect((await ctx.db.select().from(secretaryProjects).where(eq(secretaryProjects.id, p.id)))[0]).toMatchObject({ status: 'planned', version: 1 });
    const closed = await put({ status: 'completed', progress: 100, review: '培训覆盖率 100%，反应时间缩短 2 分钟' });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'completed', progress: 100, version: 2, milestones: expect.any(Array) });
    expect((await auditOf('secretary_project', p.id)).map((a) => a.action)).toEqual(['create', 'update']);
  });

  it('refuses moving the project to a year its milestones are not in', async () => {
    const p = (await post(renmin, good)).json();
    const res = await renmin({ method: 'PUT', url: `/api/projects/${p.id}`, payload: { ...edit, year: thisYear, version: p.version } });
    expect(res.statusCode).toBe(400);
    expect(fieldMessage(res.json(), 'year')).toContain('请先调整节点');
    expect((await ctx.db.select().from(secretaryProjects).where(eq(secretaryProjects.id, p.id)))[0]!.year).toBe(lastYear);
  });

  it('ticks a milestone off: overdue drops, the project version moves, a stale project version gets 409', async () => {
    const p = (await post(renmin, good)).json();
    const open = p.milestones.find((m: { doneDate: string | null }) => !m.doneDate);
    const tick = (c: Client, version: number, doneDate: string) =>
      c({ method: 'PUT', url: `/api/milestones/${open.id}`, payload: { title: open.title, dueDate: open.dueDate, doneDate, version } });
    const res = await tick(jijiu, p.version, `${lastYear}-07-02`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: p.id, overdue: 0, version: p.version + 1, updatedBy: 'jijiu' });
    const stale = await tick(renmin, p.version, `${lastYear}-07-09`);
    expect(stale.statusCode).toBe(409);
    expect((await ctx.db.select().from(projectMilestones).where(eq(projectMilestones.id, open.id)))[0]!.doneDate).toBe(`${lastYear}-07-02`);
    expect(await auditOf('project_milestone', open.id)).toMatchObject([{ action: 'update', before: { doneDate: null }, after: { doneDate: `${lastYear}-07-02` } }]);
  });

  it('refuses a milestone done in the future or due outside the year, changing nothing', async () => {
    const p = (await post(renmin, good)).json();
    const m = p.milestones[1];
    const put = (payload: object) => renmin({ method: 'PUT', url: `/api/milestones/${m.id}`, payload: { title: m.title, dueDate: m.dueDate, version: p.version, ...payload } });
    expect(fieldMessage((await put({ doneDate: '2099-01-01' })).json(), 'doneDate')).toBe('实际完成日期不能晚于今天');
    expect(fieldMessage((await put({ dueDate: `${thisYear}-02-01` })).json(), 'dueDate')).toBe(`计划完成日期应在 ${lastYear} 年内`);
    expect((await ctx.db.select().from(projectMilestones).where(eq(projectMilestones.id, m.id)))[0]).toMatchObject({ dueDate: m.dueDate, doneDate: null });
    expect((await ctx.db.select().from(secretaryProjects).where(eq(secretaryProjects.id, p.id)))[0]!.version).toBe(1);
  });

  it('adds a milestone to a running project and bumps its version', async () => {
    const p = (await post(renmin, good)).json();
    const res = await renmin({ method: 'POST', url: `/api/projects/${p.id}/milestones`, payload: { title: '技能比武', dueDate: `${lastYear}-11-30`, version: p.version } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ version: 2, overdue: 2 });
    expect(res.json().milestones).toHaveLength(3);
    const id = res.json().milestones.find((m: { title: string }) => m.title === '技能比武').id;
    expect(await auditOf('project_milestone', id)).toMatchObject([{ action: 'create', username: 'renmin' }]);
  });

  it('keeps each user inside their scope', async () => {
    const before = await rows(secretaryProjects);
    expect((await post(renmin, good, yankeBranchId)).statusCode).toBe(403);
    expect((await post(jijiu, good, siblingId)).statusCode).toBe(403);
    expect((await post(await ctx.as('leader'), good)).statusCode).toBe(403);
    expect((await post(ctx.anon, good)).statusCode).toBe(401);
    expect(await rows(secretaryProjects)).toBe(before);
    const p = (await post(jijiu, good)).json();
    const yanke = await ctx.as('yanke');
    const m = p.milestones[0];
    expect((await yanke({ method: 'PUT', url: `/api/milestones/${m.id}`, payload: { ...m, version: p.version } })).statusCode).toBe(403);
    expect((await yanke({ method: 'PUT', url: `/api/projects/${p.id}`, payload: { ...edit, version: p.version } })).statusCode).toBe(403);
  });
});

describe('党员先锋岗', () => {
  let leaderId: number;
  const good = () => ({ year: thisYear, name: '急救绿色通道先锋岗', leaderMemberId: leaderId, memberCount: 6, description: '24 小时值守' });
  const post = (c: Client, payload: object, orgId = branchId) => c({ method: 'POST', url: `/api/orgs/${orgId}/vanguard-posts`, payload });
  const memberOf = async (orgId: number) => (await ctx.db.select({ id: members.id }).from(members)
    .where(and(eq(members.orgId, orgId), eq(members.status, 'active'))).orderBy(members.id)).map((m) => m.id);

  beforeAll(async () => {
    leaderId = (await memberOf(branchId))[0]!;
  });

  it('sets up a post led by a member of the branch and shows the leader by name', async () => {
    const res = await post(jijiu, good());
    expect(res.statusCode).toBe(201);
    const name = (await ctx.db.select({ name: members.name }).from(members).where(eq(members.id, leaderId)))[0]!.name;
    expect(res.json()).toMatchObject({ ...good(), orgId: branchId, leaderName: name, version: 1 });
    expect((await jijiu(`/api/orgs/${branchId}/vanguard-posts?year=${thisYear}`)).json().map((p: { id: number }) => p.id)).toContain(res.json().id);
    expect(await auditOf('vanguard_post', res.json().id)).toMatchObject([{ username: 'jijiu', action: 'create' }]);
  });

  it('refuses a leader from another branch or one who has left, and a post with no members', async () => {
    const before = await rows(vanguardPosts);
    const other = await post(jijiu, { ...good(), leaderMemberId: (await memberOf(siblingId))[0] });
    expect(fieldMessage(other.json(), 'leaderMemberId')).toBe('先锋岗负责人须为本支部在册党员');
    const leaver = (await memberOf(branchId))[1]!;
    await ctx.db.transaction(async (tx) => { await tx.update(members).set({ status: 'transferred_out' }).where(eq(members.id, leaver)); });
    expect(fieldMessage((await post(jijiu, { ...good(), leaderMemberId: leaver })).json(), 'leaderMemberId')).toBe('先锋岗负责人须为本支部在册党员');
    expect(fieldMessage((await post(jijiu, { ...good(), memberCount: 0 })).json(), 'memberCount')).toBe('岗位党员人数至少为 1');
    expect(fieldMessage((await post(jijiu, { ...good(), leaderMemberId: undefined })).json(), 'leaderMemberId')).toBe('请选择先锋岗负责人');
    expect(await rows(vanguardPosts)).toBe(before);
  });

  it('edits with the current version and refuses a stale one with 409', async () => {
    const p = (await post(jijiu, good())).json();
    const put = (c: Client, memberCount: number) => c({ method: 'PUT', url: `/api/vanguard-posts/${p.id}`, payload: { ...good(), memberCount, version: p.version } });
    expect((await put(jijiu, 8)).json()).toMatchObject({ memberCount: 8, version: 2 });
    expect((await put(renmin, 9)).statusCode).toBe(409);
    expect((await ctx.db.select().from(vanguardPosts).where(eq(vanguardPosts.id, p.id)))[0]!.memberCount).toBe(8);
    expect(await auditOf('vanguard_post', p.id)).toMatchObject([{ action: 'create' }, { action: 'update', before: { memberCount: 6 }, after: { memberCount: 8 } }]);
  });

  it('keeps each user inside their scope', async () => {
    const before = await rows(vanguardPosts);
    expect((await post(renmin, good(), yankeBranchId)).statusCode).toBe(403);
    expect((await post(jijiu, good(), siblingId)).statusCode).toBe(403);
    expect((await post(await ctx.as('leader'), good())).statusCode).toBe(403);
    expect((await post(ctx.anon, good())).statusCode).toBe(401);
    expect(await rows(vanguardPosts)).toBe(before);
  });
});
