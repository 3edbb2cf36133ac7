import { and, desc, eq, gte, lte } from 'drizzle-orm';
import type { Meeting, MeetingInput } from '@wj/domain/schemas';
import type { SessionUser } from '../../auth/sessions.js';
import type { Db, Queryable } from '../../db/index.js';
import { meetings, orgs } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { badRequest, notFound } from '../../lib/errors.js';
import { updateVersioned } from '../../lib/versioned.js';
import { deleteRecordFiles, removeStoredFiles } from '../attachments/service.js';
import { assertPeopleInBranch, meetingOut, meetingValues, withEvidence, writeAttendance } from './evidence.js';
import { REVIEW_RESET } from './review.js';

const ENTITY = 'meeting';

export async function meetingOrgId(db: Queryable, id: number): Promise<number | undefined> {
  const [row] = await db.select({ orgId: meetings.orgId }).from(meetings).where(eq(meetings.id, id));
  return row?.orgId;
}

export async function listMeetings(db: Db, orgId: number, q: { year?: number; type?: Meeting['type'] }): Promise<Meeting[]> {
  return withEvidence(db, await db.select().from(meetings).where(and(
    eq(meetings.orgId, orgId),
    q.year ? gte(meetings.date, `${q.year}-01-01`) : undefined,
    q.year ? lte(meetings.date, `${q.year}-12-31`) : undefined,
    q.type ? eq(meetings.type, q.type) : undefined,
  )).orderBy(desc(meetings.date), desc(meetings.id)));
}

/** 组织生活 is held by a branch (or a 党小组 for 党小组会); a 党委 or 总支 keeps none here. */
async function assertBranchLike(db: Queryable, orgId: number, type: MeetingInput['type']) {
  const [org] = await db.select({ kind: orgs.kind }).from(orgs).where(eq(orgs.id, orgId));
  if (!org) throw notFound();
  if (org.kind === 'party_group' ? type !== 'group_meeting' : org.kind !== 'branch') {
    throw badRequest('只能为党支部（党小组会可为党小组）登记组织生活', [{ field: 'orgId', message: '该组织不能登记此类组织生活' }]);
  }
}

export async function createMeeting(db: Db, user: SessionUser, orgId: number, input: MeetingInput): Promise<Meeting> {
  return db.transaction(async (tx) => {
    await assertBranchLike(tx, orgId, input.type);
    await assertPeopleInBranch(tx, orgId, input);
    const [row] = await tx.insert(meetings).values({ ...meetingValues(input), orgId, updatedAt: new Date().toISOString(), updatedBy: user.username }).returning();
    await writeAttendance(tx, row!.id, input);
    const after = await meetingOut(tx, row!.id);
    await recordAudit(tx, user, { action: 'create', entityType: ENTITY, entityId: row!.id, orgId, after });
    return after;
  });
}

export async function updateMeeting(db: Db, user: SessionUser, id: number, input: MeetingInput & { version: number }): Promise<Meeting> {
  return db.transaction(async (tx) => {
    const before = await meetingOut(tx, id);
    const { version, ...values } = input;
    await assertBranchLike(tx, before.orgId, values.type);
    await assertPeopleInBranch(tx, before.orgId, values);
    await updateVersioned(tx, meetings, id, version, { ...meetingValues(values), ...REVIEW_RESET }, user.username);
    await writeAttendance(tx, id, values);
    const after = await meetingOut(tx, id);
    await recordAudit(tx, user, { action: 'update', entityType: ENTITY, entityId: id, orgId: before.orgId, before, after });
    return after;
  });
}

export async function deleteMeeting(db: Db, user: SessionUser, id: number, version: number, attachmentsDir: string): Promise<void> {
  const files = await db.transaction(async (tx) => {
    const before = await meetingOut(tx, id);
    // Bump-and-check first, so deleting a record someone just changed is refused like a stale save.
    await updateVersioned(tx, meetings, id, version, {}, user.username);
    const stored = await deleteRecordFiles(tx, 'meeting', id);
    await tx.delete(meetings).where(eq(meetings.id, id));
    await recordAudit(tx, user, { action: 'delete', entityType: ENTITY, entityId: id, orgId: before.orgId, before });
    return stored;
  });
  // The files go once the rows are gone: a failed transaction leaves both in place.
  removeStoredFiles(attachmentsDir, files);
}
