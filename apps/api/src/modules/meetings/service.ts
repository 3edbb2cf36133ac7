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

export function meetingOrgId(db: Db, id: number): number | undefined {
  return db.select({ orgId: meetings.orgId }).from(meetings).where(eq(meetings.id, id)).get()?.orgId;
}

export function listMeetings(db: Db, orgId: number, q: { year?: number; type?: Meeting['type'] }): Meeting[] {
  return withEvidence(db, db.select().from(meetings).where(and(
    eq(meetings.orgId, orgId),
    q.year ? gte(meetings.date, `${q.year}-01-01`) : undefined,
    q.year ? lte(meetings.date, `${q.year}-12-31`) : undefined,
    q.type ? eq(meetings.type, q.type) : undefined,
  )).orderBy(desc(meetings.date), desc(meetings.id)).all());
}

const get = (db: Queryable, id: number) => {
  const row = db.select().from(meetings).where(eq(meetings.id, id)).get();
  if (!row) throw notFound(`会议记录（id=${id}）不存在`);
  return row;
};

/** 组织生活 is held by a branch (or a 党小组 for 党小组会); a 党委 or 总支 keeps none here. */
function assertBranchLike(db: Queryable, orgId: number, type: MeetingInput['type']) {
  const org = db.select({ kind: orgs.kind }).from(orgs).where(eq(orgs.id, orgId)).get();
  if (!org) throw notFound();
  if (org.kind === 'party_group' ? type !== 'group_meeting' : org.kind !== 'branch') {
    throw badRequest('只能为党支部（党小组会可为党小组）登记组织生活', [{ field: 'orgId', message: '该组织不能登记此类组织生活' }]);
  }
}

export function createMeeting(db: Db, user: SessionUser, orgId: number, input: MeetingInput): Meeting {
  assertBranchLike(db, orgId, input.type);
  assertPeopleInBranch(db, orgId, input);
  return db.transaction((tx) => {
    const row = tx.insert(meetings).values({ ...meetingValues(input), orgId, updatedAt: new Date().toISOString(), updatedBy: user.username }).returning().get();
    writeAttendance(tx, row.id, input);
    const after = meetingOut(tx, row.id);
    recordAudit(tx, user, { action: 'create', entityType: ENTITY, entityId: row.id, orgId, after });
    return after;
  });
}

export function updateMeeting(db: Db, user: SessionUser, id: number, input: MeetingInput & { version: number }): Meeting {
  return db.transaction((tx) => {
    const before = meetingOut(tx, id);
    const { version, ...values } = input;
    assertBranchLike(tx, before.orgId, values.type);
    assertPeopleInBranch(tx, before.orgId, values);
    updateVersioned(tx, meetings, id, version, { ...meetingValues(values), ...REVIEW_RESET }, user.username);
    writeAttendance(tx, id, values);
    const after = meetingOut(tx, id);
    recordAudit(tx, user, { action: 'update', entityType: ENTITY, entityId: id, orgId: before.orgId, before, after });
    return after;
  });
}

export function deleteMeeting(db: Db, user: SessionUser, id: number, version: number, attachmentsDir: string) {
  const files = db.transaction((tx) => {
    const before = meetingOut(tx, id);
    // Bump-and-check first, so deleting a record someone just changed is refused like a stale save.
    updateVersioned(tx, meetings, id, version, {}, user.username);
    const stored = deleteRecordFiles(tx, 'meeting', id);
    tx.delete(meetings).where(eq(meetings.id, id)).run();
    recordAudit(tx, user, { action: 'delete', entityType: ENTITY, entityId: id, orgId: before.orgId, before });
    return stored;
  });
  // The files go once the rows are gone: a failed transaction leaves both in place.
  removeStoredFiles(attachmentsDir, files);
}
