import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq, gte, lte } from 'drizzle-orm';
import type { TodoList } from '@wj/domain/quality';
import type { BranchScoreDetail, Meeting } from '@wj/domain/schemas';
import { auditLog, meetings, users } from '../../src/db/schema/index.js';
import { build, type Client, type TestContext } from '../helpers/build.js';

/** The unit's light review: 已审核, or 退回 with a reason; a returned record leaves the score until corrected. */
let ctx: TestContext;
let renmin: Client;
let jijiu: Client;
let branchId: number;
let record: Meeting;
const AS_OF = '2026-11-30';

const scopeOf = async (username: string) => (await ctx.db.select({ id: users.scopeOrgId }).from(users).where(eq(users.username, username)))[0]!.id!;
const row = async (id: number) => (await ctx.db.select().from(meetings).where(eq(meetings.id, id)))[0]!;
const review = (client: Client, id: number, payload: object) => client({ method: 'POST', url: `/api/meetings/${id}/review`, payload });
const gaps = async () => ((await jijiu(`/api/quality/branches/${branchId}?year=2026&asOf=${AS_OF}`)).json() as BranchScoreDetail).gaps.map((g) => g.code);
const todoKinds = async () => ((await jijiu(`/api/todos?asOf=${AS_OF}`)).json() as TodoList).units.flatMap((u) => u.items).map((i) => `${i.kind}:${i.gapCode}`);

beforeAll(async () => {
  ctx = await build();
  branchId = await scopeOf('jijiu');
  // Keep exactly one 支部党员大会 in the third quarter, so that it alone meets the quarter.
  const q3 = and(eq(meetings.orgId, branchId), eq(meetings.type, 'general_meeting'), gte(meetings.date, '2026-07-01'), lte(meetings.date, '2026-09-30'));
  const rows = (await ctx.db.select().from(meetings).where(q3).orderBy(desc(meetings.date)));
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows.slice(1)) await ctx.db.transaction(async (tx) => { await tx.delete(meetings).where(eq(meetings.id, r.id)); });
  record = rows[0] as unknown as Meeting;
  renmin = await ctx.as('renmin');
  jijiu = await ctx.as('jijiu');
});
afterAll(() => ctx.close());

describe('returning a record', () => {
  it('is refused to the branch itself, another unit and the read-only leader', async () => {
    const body = { decision: 'returned', reason: '缺少会议记录', version: record.version };
    expect((await review(jijiu, record.id, body)).statusCode).toBe(403);
    expect((await review(await ctx.as('yanke'), record.id, body)).statusCode).toBe(403);
    expect((await review(await ctx.as('leader'), record.id, body)).statusCode).toBe(403);
    expect((await row(record.id)).reviewStatus).toBe('pending');
  });

  it('needs a reason, named in the error, and changes nothing without one', async () => {
    const res = await review(renmin, record.id, { decision: 'returned', reason: '  ', version: record.version });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.find((d: { field: string }) => d.field === 'reason')?.message).toContain('退回原因');
    expect(await row(record.id)).toMatchObject({ reviewStatus: 'pending', version: record.version });
  });

  it('takes the record out of the score and puts it in the branch\'s 待办, audited', async () => {
    expect(await gaps()).not.toContain('general_meeting');
    const res = await review(renmin, record.id, { decision: 'returned', reason: '缺少会议记录和签到表', version: record.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ reviewStatus: 'returned', reviewReason: '缺少会议记录和签到表', reviewedBy: 'renmin' });
    expect(await gaps()).toContain('general_meeting');
    expect(await todoKinds()).toContain('meeting_returned:general_meeting');
    const audit = (await ctx.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'meeting'), eq(auditLog.entityId, String(record.id)), eq(auditLog.action, 'review'))));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ username: 'renmin', orgId: branchId });
  });

  it('a stale review is refused with 409', async () => {
    const res = await review(renmin, record.id, { decision: 'approved', version: record.version });
    expect(res.statusCode).toBe(409);
  });

  it('once the branch corrects it, it counts again and the item is gone', async () => {
    const current = await row(record.id);
    const res = await jijiu({
      method: 'PUT', url: `/api/meetings/${record.id}`,
      payload: { type: current.type, date: current.date, topic: current.topic, expected: current.expected, present: current.present, notes: '已补充会议记录', version: current.version },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ reviewStatus: 'pending', reviewReason: null });
    expect(await gaps()).not.toContain('general_meeting');
    expect((await todoKinds()).filter((k) => k.startsWith('meeting_returned'))).toEqual([]);
  });

  it('已审核 keeps the record counted', async () => {
    const res = await review(renmin, record.id, { decision: 'approved', version: (await row(record.id)).version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ reviewStatus: 'approved', reviewReason: null });
    expect(await gaps()).not.toContain('general_meeting');
  });
});
