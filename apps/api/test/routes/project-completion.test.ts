import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { todayIso } from '@wj/domain/schemas';
import { users } from '../../src/db/schema/index.js';
import { build, type Client, type TestContext } from '../helpers/build.js';

/** Issue 14, item 6: a 书记项目 whose milestones are all done reaches 100 % and 已完成. */
let ctx: TestContext;
let jijiu: Client;
let branchId: number;
const lastYear = Number(todayIso().slice(0, 4)) - 1;
const project = {
  year: lastYear, title: '护理质量提升项目', goal: '压疮发生率下降', businessGoal: '护理不良事件减少三成',
  milestones: [
    { title: '制定方案', dueDate: `${lastYear}-03-31`, doneDate: `${lastYear}-03-20` },
    { title: '全员培训', dueDate: `${lastYear}-06-30` },
  ],
};

beforeAll(async () => {
  ctx = await build();
  jijiu = await ctx.as('jijiu');
  branchId = (await ctx.db.select().from(users).where(eq(users.username, 'jijiu')))[0]!.scopeOrgId!;
}, 120_000);
afterAll(() => ctx.close());

const create = async (payload: object) => (await jijiu({ method: 'POST', url: `/api/orgs/${branchId}/projects`, payload })).json();
const tick = (p: { version: number; milestones: { id: number; title: string; dueDate: string; doneDate: string | null }[] }, doneDate: string | null) => {
  const m = p.milestones.find((x) => x.title === '全员培训')!;
  return jijiu({ method: 'PUT', url: `/api/milestones/${m.id}`, payload: { title: m.title, dueDate: m.dueDate, doneDate, version: p.version } });
};

describe('a 书记项目 whose milestones are all done', () => {
  it('is 已完成 at 100 % once the last milestone is ticked off, and not before', async () => {
    const p = await create(project);
    expect(p).toMatchObject({ status: 'planned', progress: 0 });
    const res = await tick(p, `${lastYear}-06-28`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'completed', progress: 100, overdue: 0 });
  });

  it('is 已完成 when created with every milestone done', async () => {
    const p = await create({ ...project, milestones: project.milestones.map((m) => ({ ...m, doneDate: `${lastYear}-06-01` })) });
    expect(p).toMatchObject({ status: 'completed', progress: 100 });
  });

  it('an abandoned project stays 已终止', async () => {
    const p = await create(project);
    const put = await jijiu({ method: 'PUT', url: `/api/projects/${p.id}`, payload: { year: lastYear, title: p.title, goal: p.goal, businessGoal: p.businessGoal, status: 'abandoned', progress: 30, version: p.version } });
    expect(put.statusCode).toBe(200);
    const res = await tick(put.json(), `${lastYear}-06-28`);
    expect(res.json()).toMatchObject({ status: 'abandoned', progress: 30 });
  });
});
