import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { todayIso, type OrgTreeNode } from '@wj/domain/schemas';
import { auditLog, partyWorkers, responsibilityItems, secretaryReviews, unitPlans } from '../../src/db/schema/index.js';
import { build, type Client, type TestContext } from '../helpers/build.js';

let ctx: TestContext;
let admin: Client;
let renmin: Client;
let renminUnit: number;
let yankeUnit: number;
let renminBranch: number;
const today = todayIso();
const thisYear = Number(today.slice(0, 4));

const rows = async (table: typeof unitPlans | typeof partyWorkers | typeof secretaryReviews | typeof responsibilityItems) =>
  (await ctx.db.select({ n: count() }).from(table))[0]!.n;
const fieldError = (res: { json: () => any }, field: string) =>
  res.json().error.details?.find((d: { field: string }) => d.field === field)?.message as string | undefined;
const auditOf = async (entityType: string, id: number) =>
  (await ctx.db.select().from(auditLog).where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, String(id)))));

beforeAll(async () => {
  ctx = await build();
  admin = await ctx.as('admin');
  renmin = await ctx.as('renmin');
  const root: OrgTreeNode = (await admin('/api/orgs/tree')).json().root;
  const renminNode = root.children.find((u) => u.institutionName === '市人民医院')!;
  renminUnit = renminNode.id;
  renminBranch = renminNode.children.find((c) => c.kind === 'branch')!.id;
  yankeUnit = root.children.find((u) => u.institutionName === '市眼科医院')!.id;
});
afterAll(() => ctx.close());

describe('年度党建工作计划', () => {
  const year = thisYear + 1;
  const plan = { title: `${year}年党建工作计划`, content: '一、指导思想……', submittedDate: today };
  const put = (client: Client, body: object, unit = renminUnit) => client({ method: 'PUT', url: `/api/units/${unit}/plans/${year}`, payload: body });

  it('submits next year’s plan, then updates it only with its version, auditing both', async () => {
    const created = await put(renmin, plan);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ unitId: renminUnit, year, title: plan.title, fileName: null, version: 1 });
    const noVersion = await put(renmin, { ...plan, title: '改了标题' });
    expect(noVersion.statusCode).toBe(400);
    expect(fieldError(noVersion, 'version')).toContain('缺少记录版本号');
    const updated = await put(renmin, { ...plan, fileName: '计划.docx', version: 1 });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ fileName: '计划.docx', version: 2 });
    const stale = await put(admin, { ...plan, title: '过期的修改', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toContain('renmin');
    const list = (await renmin(`/api/units/${renminUnit}/plans`)).json();
    expect(list.find((p: { year: number }) => p.year === year)).toMatchObject({ title: plan.title, fileName: '计划.docx' });
    expect((await auditOf('unit_plan', created.json().id)).map((a) => a.action)).toEqual(['create', 'update']);
  });

  it.each([
    ['an over-long content', { content: '字'.repeat(20001) }, 'content', '不能超过 20000 个字'],
    ['an empty title', { title: ' ' }, 'title', '请填写计划标题'],
    ['a submission date in the future', { submittedDate: '2099-01-01' }, 'submittedDate', '不能晚于今天'],
    ['a submission date years too early', { submittedDate: `${year - 3}-01-10` }, 'submittedDate', `应在 ${year - 1} 年或 ${year} 年内`],
  ])('refuses %s, naming the field, and saves nothing', async (_n, patch, field, message) => {
    const before = await rows(unitPlans);
    const res = await (renmin({ method: 'PUT', url: `/api/units/${renminUnit}/plans/${year}`, payload: { ...plan, ...patch } }));
    expect(res.statusCode).toBe(400);
    expect(fieldError(res, field)).toContain(message);
    expect(await rows(unitPlans)).toBe(before);
  });

  it('belongs to unit-level organisations in the user’s scope only', async () => {
    const before = await rows(unitPlans);
    expect((await put(renmin, plan, yankeUnit)).statusCode).toBe(403);
    expect((await put(await ctx.as('jijiu'), plan)).statusCode).toBe(403);
    expect((await put(await ctx.as('leader'), plan)).statusCode).toBe(403);
    expect((await put(ctx.anon, plan)).statusCode).toBe(401);
    const onBranch = await put(renmin, plan, renminBranch);
    expect(onBranch.statusCode).toBe(400);
    expect(fieldError(onBranch, 'id')).toContain('单位级党组织');
    expect(await rows(unitPlans)).toBe(before);
  });
});

describe('党务干部', () => {
  const worker = { name: '王党务', position: '党委办公室主任', fullTime: true, startDate: '2023-02-01' };

  it('registers a worker and ends the post with an end date, keeping the row', async () => {
    const created = await renmin({ method: 'POST', url: `/api/units/${renminUnit}/party-workers`, payload: worker });
    expect(created.statusCode).toBe(201);
    const w = created.json();
    expect(w).toMatchObject({ ...worker, unitId: renminUnit, endDate: null, version: 1 });
    const ended = await renmin({ method: 'PUT', url: `/api/party-workers/${w.id}`, payload: { ...worker, endDate: today, version: 1 } });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ endDate: today, version: 2 });
    const list = (await renmin(`/api/units/${renminUnit}/party-workers`)).json();
    expect(list.find((x: { id: number }) => x.id === w.id)).toMatchObject({ endDate: today });
    const stale = await admin({ method: 'PUT', url: `/api/party-workers/${w.id}`, payload: { ...worker, version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(await auditOf('party_worker', w.id)).toMatchObject([{ action: 'create' }, { action: 'update', before: { endDate: null }, after: { endDate: today } }]);
  });

  it.each([
    ['an end date before the start', { endDate: '2022-12-31' }, 'endDate', '离任日期不能早于任职日期'],
    ['no name', { name: '' }, 'name', '请填写姓名'],
    ['a start date in the future', { startDate: '2099-01-01' }, 'startDate', '不能晚于今天'],
  ])('refuses %s, naming the field, and saves nothing', async (_n, patch, field, message) => {
    const before = await rows(partyWorkers);
    const res = await renmin({ method: 'POST', url: `/api/units/${renminUnit}/party-workers`, payload: { ...worker, ...patch } });
    expect(res.statusCode).toBe(400);
    expect(fieldError(res, field)).toContain(message);
    expect(await rows(partyWorkers)).toBe(before);
  });

  it('keeps another unit’s secretary and the branch secretary out', async () => {
    const w = (await renmin({ method: 'POST', url: `/api/units/${renminUnit}/party-workers`, payload: worker })).json();
    const yanke = await ctx.as('yanke');
    expect((await yanke({ method: 'PUT', url: `/api/party-workers/${w.id}`, payload: { ...worker, endDate: today, version: 1 } })).statusCode).toBe(403);
    expect((await yanke(`/api/units/${renminUnit}/party-workers`)).statusCode).toBe(403);
    expect((await (await ctx.as('jijiu'))({ method: 'POST', url: `/api/units/${renminUnit}/party-workers`, payload: worker })).statusCode).toBe(403);
    expect((await ctx.db.select().from(partyWorkers).where(eq(partyWorkers.id, w.id)))[0]!.endDate).toBeNull();
  });
});

describe('书记抓党建述职评议', () => {
  const review = { secretaryName: '张书记', grade: 'good', comment: '责任落实到位，品牌建设有特色' };
  const put = (client: Client, body: object, year = thisYear) => client({ method: 'PUT', url: `/api/units/${renminUnit}/reviews/${year}`, payload: body });

  it('is graded by the commission only: the unit secretary cannot grade itself', async () => {
    const before = await rows(secretaryReviews);
    expect((await put(renmin, review)).statusCode).toBe(403);
    expect(await rows(secretaryReviews)).toBe(before);
  });

  it('lets the admin grade (create, then update with the version) and the unit read its grade', async () => {
    const created = await put(admin, review, thisYear - 3);
    expect(created.statusCode).toBe(201);
    const updated = await put(admin, { ...review, grade: 'excellent', version: created.json().version }, thisYear - 3);
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ grade: 'excellent', version: 2, updatedBy: 'admin' });
    const list = (await renmin(`/api/units/${renminUnit}/reviews`)).json();
    expect(list.find((r: { year: number }) => r.year === thisYear - 3)).toMatchObject({ grade: 'excellent', secretaryName: '张书记' });
    expect((await auditOf('secretary_review', created.json().id)).map((a) => a.action)).toEqual(['create', 'update']);
  });

  it.each([
    ['an unknown grade', { grade: 'perfect' }, 'grade', '请选择评议等次'],
    ['no secretary name', { secretaryName: ' ' }, 'secretaryName', '请填写书记姓名'],
  ])('refuses %s, naming the field', async (_n, patch, field, message) => {
    const before = await rows(secretaryReviews);
    const res = await put(admin, { ...review, ...patch }, thisYear - 4);
    expect(fieldError(res, field)).toContain(message);
    expect(await rows(secretaryReviews)).toBe(before);
  });

  it('refuses grading a year that has not come yet', async () => {
    const res = await put(admin, review, thisYear + 1);
    expect(fieldError(res, 'year')).toContain(`不能晚于 ${thisYear} 年`);
  });
});

describe('主体责任清单', () => {
  it('adds items for a year, lists them by year, and ticks one off with its version', async () => {
    const year = thisYear + 1;
    const post = (title: string) => renmin({ method: 'POST', url: `/api/units/${renminUnit}/responsibility-items`, payload: { year, title } });
    const a = (await post('每季度专题研究党建工作')).json();
    await post('落实“第一议题”制度');
    const list = (await renmin(`/api/units/${renminUnit}/responsibility-items?year=${year}`)).json();
    expect(list.map((i: { title: string; done: boolean }) => `${i.title}:${i.done}`)).toEqual(['每季度专题研究党建工作:false', '落实“第一议题”制度:false']);
    const done = await renmin({ method: 'PUT', url: `/api/responsibility-items/${a.id}`, payload: { title: a.title, done: true, version: a.version } });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ done: true, version: 2 });
    const stale = await admin({ method: 'PUT', url: `/api/responsibility-items/${a.id}`, payload: { title: a.title, done: false, version: a.version } });
    expect(stale.statusCode).toBe(409);
    expect((await ctx.db.select().from(responsibilityItems).where(eq(responsibilityItems.id, a.id)))[0]!.done).toBe(true);
    expect(await auditOf('responsibility_item', a.id)).toMatchObject([{ action: 'create' }, { action: 'update', before: { done: false }, after: { done: true } }]);
  });

  it('refuses an empty title and a read-only or anonymous writer, saving nothing', async () => {
    const before = await rows(responsibilityItems);
    const payload = { year: thisYear, title: '  ' };
    const url = `/api/units/${renminUnit}/responsibility-items`;
    expect(fieldError(await renmin({ method: 'POST', url, payload }), 'title')).toContain('请填写责任事项');
    expect((await (await ctx.as('leader'))({ method: 'POST', url, payload: { ...payload, title: '越权' } })).statusCode).toBe(403);
    expect((await ctx.anon({ method: 'POST', url, payload: { ...payload, title: '越权' } })).statusCode).toBe(401);
    expect(await rows(responsibilityItems)).toBe(before);
  });
});
