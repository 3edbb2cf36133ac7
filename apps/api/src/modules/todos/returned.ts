import { and, eq, gte, inArray, lte } from 'drizzle-orm';
import type { ReturnedMeeting } from '@wj/domain/quality';
import type { Queryable } from '../../db/index.js';
import { meetings } from '../../db/schema/index.js';

/** 组织生活 records of the year that a unit returned and the branch has not corrected yet, per branch. */
export async function returnedMeetings(db: Queryable, branchIds: number[], year: number): Promise<Map<number, ReturnedMeeting[]>> {
  const out = new Map<number, ReturnedMeeting[]>();
  if (branchIds.length === 0) return out;
  const rows = await db.select({ id: meetings.id, orgId: meetings.orgId, type: meetings.type, date: meetings.date, reason: meetings.reviewReason })
    .from(meetings)
    .where(and(eq(meetings.reviewStatus, 'returned'), inArray(meetings.orgId, branchIds), gte(meetings.date, `${year}-01-01`), lte(meetings.date, `${year}-12-31`)))
    .orderBy(meetings.id);
  for (const r of rows) {
    const list = out.get(r.orgId) ?? [];
    list.push({ id: r.id, type: r.type, date: r.date, reason: r.reason ?? '' });
    out.set(r.orgId, list);
  }
  return out;
}
