import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, gte, lte } from 'drizzle-orm';
import type { TodoItemView, TodoList } from '@wj/domain/quality';
import type { BranchScoreDetail } from '@wj/domain/schemas';
import { meetings, orgs, unitPlans, users } from '../../src/db/schema/index.js';
import { build, type Client, type TestContext } from '../helpers/build.js';

/**
 * GET /api/todos on the demo commission: what each role sees, and that an
 * item done through the form it links to is gone, with its gap.
 */
let ctx: TestContext;
let jijiu: Client;
let renmin: Client;
let admin: Client;
let branchId: number;
let renminUnit: number;
let yankeUnit: number;
const AS_OF = '2026-11-30';

const unitOf = async (orgId: number) => (await ctx.db.select({ unitId: orgs.unitId }).from(orgs).where(eq(orgs.id, orgId)))[0]!.unitId;
const scopeOf = async (username: string) => (await ctx.db.select({ id: users.scopeOrgId }).from(users).where(eq(users.username, username)))[0]!.id!;
const all = (l: TodoList): TodoItemView[] => l.units.flatMap((u) => u.items);
async function list(client: Client, query = `asOf=${AS_OF}`): Promise<TodoList> {
  const res = await client(`/api/todos?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TodoList;
}

beforeAll(async () => {
  ctx = await build();
  branchId = await scopeOf('jijiu');
  renminUnit = await scopeOf('renmin');
  yankeUnit = await scopeOf('yanke');
  // Before any request (no score is cached yet): the branch held no 支委会 in November.
  await ctx.db.transaction(async (tx) => {
    await tx.delete(meetings).where(and(eq(meetings.orgId, branchId), eq(meetings.type, 'committee_meeting'), gte(meetings.date, '2026-11-01'), lte(meetings.date, '2026-11-30')));
  });
  jijiu = await ctx.as('jijiu');
  renmin = await ctx.as('renmin');
  admin = await ctx.as('admin');
});
afterAll(() => ctx.close());

describe('a branch secretary', () => {
  it('sees only their branch\'s items, each saying what, by when and under which rule', async () => {
    const l = await list(jijiu);
    expect(l.scope).toBe('branch');
    const items = all(l);
    expect(items.length).toBeGreaterThan(0);
    for (const i of items) {
      expect(i.orgId).toBe(branchId);
      expect(i.title).toMatch(/[\u4e00-\u9fa5]/);
      expect(i.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(i.rule.length).toBeGreaterThan(4);
    }
    expect(l.count).toBe(items.length);
  });

  it('records the month\'s 支委会 from its item: the item and the gap are gone', async () => {
    const before = all(await list(jijiu)).find((i) => i.kind === 'meeting' && i.gapCode === 'committee_meeting');
    expect(before).toMatchObject({ title: '召开11月支委会', dueDate: '2026-11-30', status: 'due' });
    expect(before!.target).toEqual({ form: 'meeting', orgId: branchId, meetingType: 'committee_meeting', date: AS_OF });
    const gapsAt = async () => ((await jijiu(`/api/quality/branches/${branchId}?year=2026&asOf=${AS_OF}`)).json() as BranchScoreDetail).gaps.map((g) => g.code);
    expect(await gapsAt()).toContain('committee_meeting');

    const t = before!.target as { orgId: number; meetingType: string; date: string };
    const res = await jijiu({ method: 'POST', url: `/api/orgs/${t.orgId}/meetings`, payload: { type: t.meetingType, date: t.date, topic: '研究12月支部工作', expected: 5, present: 5 } });
    expect(res.statusCode, res.body).toBe(201);

    expect(all(await list(jijiu)).filter((i) => i.gapCode === 'committee_meeting')).toEqual([]);
    expect(await gapsAt()).not.toContain('committee_meeting');
  });

  it('may not drill into a unit', async () => {
    const res = await jijiu(`/api/todos?unitId=${renminUnit}`);
    expect(res.statusCode).toBe(403);
  });
});

describe('a unit secretary', () => {
  it('sees the unit\'s own items and its branches\', and nothing of another unit', async () => {
    const l = await list(renmin);
    expect(l.scope).toBe('unit');
    const items = all(l);
    expect(new Set(items.map((i) => i.orgId)).size).toBeGreaterThan(1);
    for (const i of items) expect(await unitOf(i.orgId)).toBe(renminUnit);
    expect(l.units.map((u) => u.unitId)).toEqual([renminUnit]);
  });

  it('is refused another unit\'s list', async () => {
    const res = await renmin(`/api/todos?unitId=${yankeUnit}`);
    expect(res.statusCode).toBe(403);
    expect(res.body).not.toContain('眼科');
  });
});

describe('the commission', () => {
  it('sees what is overdue, grouped by unit', async () => {
    const l = await list(admin);
    expect(l.scope).toBe('commission');
    expect(l.units.length).toBeGreaterThan(1);
    for (const g of l.units) {
      expect(g.items.length).toBe(g.count);
      for (const i of g.items) {
        expect(i.status).toBe('overdue');
        expect(i.dueDate < AS_OF).toBe(true);
        expect(await unitOf(i.orgId)).toBe(g.unitId);
      }
    }
    expect(l.overdue).toBe(l.count);
  });

  it('drills down into one unit: its whole list, with the same overdue items', async () => {
    const top = await list(admin);
    const group = top.units.find((u) => u.unitId === renminUnit);
    const drill = await list(admin, `asOf=${AS_OF}&unitId=${renminUnit}`);
    expect(drill.scope).toBe('unit');
    const items = all(drill);
    for (const i of items) expect(await unitOf(i.orgId)).toBe(renminUnit);
    expect(items.filter((i) => i.status === 'overdue').map((i) => i.key).sort()).toEqual((group?.items ?? []).map((i) => i.key).sort());
    expect(items.some((i) => i.status === 'due')).toBe(true);
    // The unit secretary sees the same list.
    expect(all(await list(renmin)).map((i) => i.key).sort()).toEqual(items.map((i) => i.key).sort());
  });

  it('the read-only leader sees the commission view too', async () => {
    expect((await list(await ctx.as('leader'))).scope).toBe('commission');
  });
});

describe('bad requests', () => {
  it.each([
    ['a non-canonical id', 'unitId=01', 400, 'unitId'],
    ['a date that is not one', 'asOf=2026-13-01', 400, 'asOf'],
  ])('refuses %s naming the field', async (_n, query, status, field) => {
    const res = await admin(`/api/todos?${query}`);
    expect(res.statusCode).toBe(status);
    expect(JSON.stringify(res.json().error)).toContain(field);
  });

  it('refuses a branch as the drill-down unit, and an unknown org', async () => {
    const branch = await admin(`/api/todos?unitId=${branchId}`);
    expect(branch.statusCode).toBe(400);
    expect(branch.json().error.details[0]).toMatchObject({ field: 'unitId' });
    expect((await admin('/api/todos?unitId=999999')).statusCode).toBe(404);
  });

  it('asks for a login', async () => {
    expect((await ctx.anon('/api/todos')).statusCode).toBe(401);
  });
});

// Last: it edits the database directly (no audit row), which cached lists of other dates do not see.
describe('a unit\'s own items', () => {
  it('in the first quarter, a unit without its 年度计划 has the item, linked to its records; the branch secretary does not', async () => {
    await ctx.db.transaction(async (tx) => {
      await tx.delete(unitPlans).where(and(eq(unitPlans.unitId, renminUnit), eq(unitPlans.year, 2026)));
    });
    const plan = all(await list(renmin, 'asOf=2026-03-15')).filter((i) => i.kind === 'unit_plan');
    expect(plan.map((i) => [i.orgId, i.dueDate, i.status, i.target])).toEqual([[renminUnit, '2026-03-31', 'due', { form: 'unit_plan', orgId: renminUnit }]]);
    expect(all(await list(jijiu, 'asOf=2026-03-15')).filter((i) => i.kind.startsWith('unit_'))).toEqual([]);
  });
});
