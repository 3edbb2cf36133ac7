import { eq } from 'drizzle-orm';
import type { Meeting, MeetingReview } from '@wj/domain/schemas';
import type { SessionUser } from '../../auth/sessions.js';
import type { Db } from '../../db/index.js';
import { meetings } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { notFound } from '../../lib/errors.js';
import { updateVersioned } from '../../lib/versioned.js';
import { meetingOut } from './evidence.js';

/** What an edit of the record's content does to its review: back to 待审核 (a returned record counts again). */
export const REVIEW_RESET = { reviewStatus: 'pending', reviewReason: null, reviewedAt: null, reviewedBy: null } as const;

/**
 * The unit's light review (DESIGN.md): 已审核, or 退回 with a reason. A
 * returned record leaves the score (facts-loader.ts) and shows in the
 * branch's 待办 until the branch corrects it. Audited as 'review'.
 */
export async function reviewMeeting(db: Db, user: SessionUser, id: number, input: MeetingReview): Promise<Meeting> {
  return db.transaction(async (tx) => {
    const [exists] = await tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, id));
    if (!exists) throw notFound(`会议记录（id=${id}）不存在`);
    const before = await meetingOut(tx, id);
    const returned = input.decision === 'returned';
    await updateVersioned(tx, meetings, id, input.version, {
      reviewStatus: input.decision,
      reviewReason: returned ? input.reason : null,
      reviewedAt: new Date().toISOString(),
      reviewedBy: user.username,
    }, user.username);
    const after = await meetingOut(tx, id);
    await recordAudit(tx, user, { action: 'review', entityType: 'meeting', entityId: id, orgId: before.orgId, before, after });
    return after;
  });
}
