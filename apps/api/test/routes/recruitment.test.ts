import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, ne } from 'drizzle-orm';
import { auditLog, members, orgs, recruits, users } from '../../src/db/schema/index.js';
import { build, type Client, type TestContext } from '../helpers/build.js';

let ctx: TestContext;
let renmin: Client;
let jijiu: Client;
let branchId: number;
let siblingId: number;
let yankeBranchId: number;

beforeAll(async () => {
  ctx = await build();
  renmin = await ctx.as('renmin');
  jijiu = await ctx.as('jijiu');
  const scopeOf = async (u: string) => (await ctx.db.select({ id: users.scopeOrgId }).from(users).where(eq(users.username, u)))[0]!.id!;
  const branchOf = async (unitId: number, not = -1) => (await ctx.db.select({ id: orgs.id }).from(orgs)
    .where(and(eq(orgs.unitId, unitId), eq(orgs.kind, 'branch'), ne(orgs.id, not))))[0]!.id;
  branchId = await scopeOf('jijiu');
  siblingId = await branchOf(await scopeOf('renmin'), branchId);
  yankeBranchId = await branchOf(await scopeOf('yanke'));
});
afterAll(() => ctx.close());

const good = { name: '李明远', gender: 'male', birthDate: '1996-05-12', jobCategory: 'doctor', titleLevel: 'intermediate', isTalent: true, applicationDate: '2020-01-10' };
const recruitCount = async () => (await ctx.db.select({ n: count() }).from(recruits))[0]!.n;
const rowOf = async (id: number) => (await ctx.db.select().from(recruits).where(eq(recruits.id, id)))[0]!;
const auditOf = async (id: number) => (await ctx.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'recruit'), eq(auditLog.entityId, String(id)))));
const fieldMessage = (body: { error: { details?: { field: string; message: string }[] } }, field: string) =>
  body.error.details?.find((d) => d.field === field)?.message;

const create = async (c: Client = renmin, payload: object = good, orgId = branchId) =>
  c({ method: 'POST', url: `/api/orgs/${orgId}/recruits`, payload });
const advance = (id: number, toStage: string, date: string, version: number, c: Client = renmin) =>
  c({ method: 'POST', url: `/api/recruits/${id}/advance`, payload: { toStage, date, version } });

/** A new entry moved through the stages given as [stage, date] pairs; returns its id and version. */
async function through(steps: [string, string][], payload: object = good) {
  let r = (await create(renmin, payload)).json();
  for (const [stage, date] of steps) {
    const res = await advance(r.id, stage, date, r.version);
    if (res.statusCode !== 200) throw new Error(`${stage} ${date}: ${res.body}`);
    r = res.json();
  }
  return r as { id: number; version: number };
}

describe('登记入党申请人', () => {
  it('creates an applicant, lists it, and records the entry in the audit log', async () => {
    const res = await create();
    expect(res.statusCode).toBe(201);
    const r = res.json();
    expect(r).toMatchObject({ ...good, orgId: branchId, stage: 'applicant', status: 'active', activistDate: null, nextStepFrom: good.applicationDate, version: 1, updatedBy: 'renmin' });
    expect((await jijiu(`/api/orgs/${branchId}/recruits?stage=applicant`)).json().map((x: { id: number }) => x.id)).toContain(r.id);
    expect(await auditOf(r.id)).toMatchObject([{ username: 'renmin', action: 'create', after: { name: good.name, stage: 'applicant' } }]);
  });

  it.each([
    ['an applicant under eighteen (细则第四条)', { birthDate: '2002-01-11' }, 'birthDate', '递交入党申请时须年满十八周岁（按此出生日期，最早 2020年1月11日 可以申请）'],
    ['an application dated in the future', { applicationDate: '2099-01-01' }, 'applicationDate', '入党申请日期不能晚于今天'],
    ['a date that does not exist', { birthDate: '1996-02-30' }, 'birthDate', '出生日期不是有效日期'],
    ['an empty name', { name: '' }, 'name', '请填写姓名'],
    ['an unknown gender', { gender: 'x' }, 'gender', '请选择性别'],
    ['an unknown job category', { jobCategory: 'chef' }, 'jobCategory', '岗位类别取值无效'],
  ])('refuses %s, naming the field, and stores nothing', async (_n, patch, field, message) => {
    const before = await recruitCount();
    const res = await create(renmin, { ...good, ...patch });
    expect(res.statusCode).toBe(400);
    expect(fieldMessage(res.json(), field)).toBe(message);
    expect(await recruitCount()).toBe(before);
  });

  it('accepts an application made on the 18th birthday', async () => {
    expect((await create(renmin, { ...good, birthDate: '2002-01-10' })).statusCode).toBe(201);
  });
});

describe('moving through the stages (《发展党员工作细则》)', () => {
  it('walks the whole pipeline, recording each date, and creates no member row at the end', async () => {
    const membersBefore = (await ctx.db.select({ n: count() }).from(members))[0]!.n;
    const r = await through([['activist', '2020-03-05'], ['candidate', '2021-03-05'], ['probationary', '2021-06-01'], ['full', '2022-06-01']]);
    expect(await rowOf(r.id)).toMatchObject({
      stage: 'full', activistDate: '2020-03-05', candidateDate: '2021-03-05', probationaryDate: '2021-06-01', fullDate: '2022-06-01', version: 5,
    });
    expect((await auditOf(r.id)).map((a) => a.action)).toEqual(['create', 'advance', 'advance', 'advance', 'advance']);
    expect((await auditOf(r.id))[2]).toMatchObject({ before: { stage: 'activist', candidateDate: null }, after: { stage: 'candidate', candidateDate: '2021-03-05' } });
    expect((await ctx.db.select({ n: count() }).from(members))[0]!.n).toBe(membersBefore);
  });

  it.each<[string, [string, string][], string, string, string, string]>([
    ['a candidate one year minus a day after becoming activist', [['activist', '2020-03-05']], 'candidate', '2021-03-04', 'date', '确定为发展对象须在列为入党积极分子满一年后（最早 2021年3月5日）'],
    ['a candidate a day short of a year after an activist date of 29 February', [['activist', '2024-02-29']], 'candidate', '2025-02-27', 'date', '确定为发展对象须在列为入党积极分子满一年后（最早 2025年2月28日）'],
    ['full membership a day before the 预备期 ends', [['activist', '2020-03-05'], ['candidate', '2021-03-05'], ['probationary', '2021-06-01']], 'full', '2022-05-31', 'date', '转为正式党员须在一年预备期满后（最早 2022年6月1日）'],
    ['an activist before the application', [], 'activist', '2020-01-09', 'date', '列为入党积极分子的日期不能早于递交入党申请的日期（2020年1月10日）'],
    ['admission before becoming candidate', [['activist', '2020-03-05'], ['candidate', '2021-03-05']], 'probationary', '2021-03-04', 'date', '接收为预备党员的日期不能早于确定为发展对象的日期（2021年3月5日）'],
    ['a date in the future', [], 'activist', '2099-01-01', 'date', '日期不能晚于今天'],
    ['skipping 入党积极分子', [], 'candidate', '2021-06-01', 'toStage', '不能跳过「入党积极分子」阶段：当前为「入党申请人」，下一步只能是「入党积极分子」'],
    ['going back a stage', [['activist', '2020-03-05'], ['candidate', '2021-03-05']], 'activist', '2021-06-01', 'toStage', '当前已处于「发展对象」阶段，不能退回「入党积极分子」'],
    ['a step past 正式党员', [['activist', '2020-03-05'], ['candidate', '2021-03-05'], ['probationary', '2021-06-01'], ['full', '2022-06-01']], 'full', '2023-01-01', 'toStage', '已转为正式党员，发展流程已经完成'],
  ])('refuses %s with the reason, changing nothing', async (_n, steps, toStage, date, field, message) => {
    const r = await through(steps);
    const before = await rowOf(r.id);
    const res = await advance(r.id, toStage, date, r.version);
    expect(res.statusCode).toBe(400);
    expect(fieldMessage(res.json(), field)).toBe(message);
    expect(await rowOf(r.id)).toEqual(before);
  });

  it('accepts a candidate exactly one year after an activist date of 29 February', async () => {
    const r = await through([['activist', '2024-02-29']]);
    expect((await advance(r.id, 'candidate', '2025-02-28', r.version)).json()).toMatchObject({ stage: 'candidate', candidateDate: '2025-02-28' });
  });

  it('tells the form the earliest date of the next step', async () => {
    const r = await through([['activist', '2020-03-05']]);
    expect((await renmin(`/api/orgs/${branchId}/recruits?stage=activist`)).json().find((x: { id: number }) => x.id === r.id).nextStepFrom).toBe('2021-03-05');
  });

  it('refuses a stale version with 409 and keeps the stage', async () => {
    const r = (await create()).json();
    expect((await advance(r.id, 'activist', '2020-03-05', r.version, jijiu)).statusCode).toBe(200);
    const stale = await advance(r.id, 'activist', '2020-04-01', r.version);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toContain('jijiu');
    expect(await rowOf(r.id)).toMatchObject({ stage: 'activist', activistDate: '2020-03-05', version: 2 });
  });
});

describe('editing and stopping an entry', () => {
  it('edits personal fields with the version, refusing an application moved after the activist date', async () => {
    const r = await through([['activist', '2020-03-05']]);
    const put = (payload: object) => renmin({ method: 'PUT', url: `/api/recruits/${r.id}`, payload: { ...good, version: r.version, ...payload } });
    const late = await put({ applicationDate: '2020-03-06' });
    expect(fieldMessage(late.json(), 'applicationDate')).toBe('入党申请日期不能晚于列为入党积极分子的日期（2020年3月5日）');
    expect(fieldMessage((await put({ birthDate: '2003-01-01' })).json(), 'birthDate')).toContain('须年满十八周岁');
    expect(await rowOf(r.id)).toMatchObject({ applicationDate: good.applicationDate, birthDate: good.birthDate, version: r.version });
    const ok = await put({ name: '李明源', isTalent: false });
    expect(ok.json()).toMatchObject({ name: '李明源', isTalent: false, stage: 'activist', version: r.version + 1 });
    expect((await put({ name: '李明元' })).statusCode).toBe(409);
    expect((await auditOf(r.id)).at(-1)).toMatchObject({ action: 'update', before: { name: good.name }, after: { name: '李明源' } });
  });

  it('stops an entry with its reason, keeps it listed, and refuses to move it further', async () => {
    const r = await through([['activist', '2020-03-05']]);
    expect(fieldMessage((await renmin({ method: 'POST', url: `/api/recruits/${r.id}/stop`, payload: { reason: ' ', version: r.version } })).json(), 'reason')).toBe('请填写终止原因');
    const early = await renmin({ method: 'POST', url: `/api/recruits/${r.id}/stop`, payload: { reason: '调离本单位', date: '2020-03-04', version: r.version } });
    expect(fieldMessage(early.json(), 'date')).toContain('不能早于进入当前阶段的日期');
    expect((await rowOf(r.id)).status).toBe('active');
    const res = await renmin({ method: 'POST', url: `/api/recruits/${r.id}/stop`, payload: { reason: '调离本单位', date: '2020-09-01', version: r.version } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'stopped', stopReason: '调离本单位', stoppedDate: '2020-09-01', stage: 'activist', nextStepFrom: null });
    expect((await renmin(`/api/orgs/${branchId}/recruits?status=stopped`)).json().map((x: { id: number }) => x.id)).toContain(r.id);
    const moved = await advance(r.id, 'candidate', '2021-03-05', res.json().version);
    expect(fieldMessage(moved.json(), 'toStage')).toBe('该发展记录已终止，不能继续推进');
    expect((await auditOf(r.id)).at(-1)).toMatchObject({ action: 'stop', after: { status: 'stopped', stopReason: '调离本单位' } });
  });
});

describe('scope', () => {
  it('keeps each user inside their branch or unit', async () => {
    const before = await recruitCount();
    expect((await create(renmin, good, yankeBranchId)).statusCode).toBe(403);
    expect((await create(jijiu, good, siblingId)).statusCode).toBe(403);
    expect((await create(await ctx.as('leader'))).statusCode).toBe(403);
    expect((await create(ctx.anon)).statusCode).toBe(401);
    expect(await recruitCount()).toBe(before);
    const own = (await create(jijiu)).json();
    expect(own.orgId).toBe(branchId);
    const yanke = await ctx.as('yanke');
    expect((await advance(own.id, 'activist', '2020-03-05', own.version, yanke)).statusCode).toBe(403);
    expect((await yanke({ method: 'POST', url: `/api/recruits/${own.id}/stop`, payload: { reason: '测试', version: own.version } })).statusCode).toBe(403);
    expect((await yanke(`/api/orgs/${branchId}/recruits`)).statusCode).toBe(403);
    expect((await (await ctx.as('leader'))(`/api/orgs/${branchId}/recruits`)).statusCode).toBe(200);
    expect(await rowOf(own.id)).toMatchObject({ stage: 'applicant', status: 'active' });
  });
});
