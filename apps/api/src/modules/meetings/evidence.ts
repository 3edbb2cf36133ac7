import { and, eq, inArray } from 'drizzle-orm';
import { attendanceCounts, type Attachment, type Attendee, type Meeting, type MeetingInput } from '@wj/domain/schemas';
import type { Queryable } from '../../db/index.js';
import { attachments, meetingAttendance, meetings, members, orgs, users } from '../../db/schema/index.js';
import { badRequest, notFound, type FieldProblem } from '../../lib/errors.js';

type MeetingRow = typeof meetings.$inferSelect;

/**
 * The orgs whose active members may be on a meeting's list: the branch and its
 * 党小组; for a 党小组会 held by a 党小组, also the branch above it.
 */
async function eligibleOrgIds(db: Queryable, orgId: number): Promise<number[]> {
  const [org] = await db.select({ id: orgs.id, kind: orgs.kind, parentId: orgs.parentId }).from(orgs).where(eq(orgs.id, orgId));
  if (!org) return [];
  const branchId = org.kind === 'party_group' && org.parentId ? org.parentId : org.id;
  const groups = await db.select({ id: orgs.id }).from(orgs).where(and(eq(orgs.parentId, branchId), eq(orgs.kind, 'party_group')));
  return [branchId, ...groups.map((g) => g.id)];
}

/**
 * Every person named on the record (主持人, 记录人, each attendee) must be an
 * active member of the meeting's branch. A refusal names the field and the
 * position in the list, never the person: an id outside the caller's scope
 * says nothing about who it is.
 */
export async function assertPeopleInBranch(db: Queryable, orgId: number, input: MeetingInput): Promise<void> {
  const wanted = [input.hostId, input.recorderId, ...(input.attendees ?? []).map((a) => a.memberId)].filter((x): x is number => x != null);
  if (wanted.length === 0) return;
  const scope = await eligibleOrgIds(db, orgId);
  const found = new Set((await db.select({ id: members.id }).from(members)
    .where(and(inArray(members.id, [...new Set(wanted)]), inArray(members.orgId, scope), eq(members.status, 'active')))).map((r) => r.id));
  const problems: FieldProblem[] = [];
  const notHere = '不是本支部的在册党员';
  if (input.hostId != null && !found.has(input.hostId)) problems.push({ field: 'hostId', message: `主持人${notHere}` });
  if (input.recorderId != null && !found.has(input.recorderId)) problems.push({ field: 'recorderId', message: `记录人${notHere}` });
  (input.attendees ?? []).forEach((a, i) => {
    if (!found.has(a.memberId)) problems.push({ field: `attendees.${i}.memberId`, message: `参会人员第 ${i + 1} 人${notHere}` });
  });
  if (problems.length) throw badRequest(problems.map((p) => p.message).join('；'), problems);
}

/** The row values of the record's own columns: counts from the list when there is one. */
export function meetingValues(input: MeetingInput) {
  const { attendees, hostId, recorderId, expected, present, ...rest } = input;
  const counts = attendees ? attendanceCounts(attendees) : { expected: expected!, present: present! };
  return { ...rest, ...counts, hostMemberId: hostId, recorderMemberId: recorderId };
}

/** Replaces the record's list (an edit without `attendees` keeps a count-only record count-only). */
export async function writeAttendance(tx: Queryable, meetingId: number, input: MeetingInput): Promise<void> {
  await tx.delete(meetingAttendance).where(eq(meetingAttendance.meetingId, meetingId));
  if (!input.attendees?.length) return;
  await tx.insert(meetingAttendance).values(input.attendees.map((a) => ({
    meetingId, memberId: a.memberId, present: a.present, absenceReason: a.present ? null : a.absenceReason, absenceNote: a.present ? null : a.absenceNote,
  })));
}

export const attachmentColumns = {
  id: attachments.id, originalName: attachments.originalName, mime: attachments.mime, size: attachments.size,
  sha256: attachments.sha256, uploadedBy: attachments.uploadedBy, uploadedAt: attachments.uploadedAt, version: attachments.version,
};

/** The records as the API serves them: with 主持人/记录人 and 登记人 names, the list and the files. */
export async function withEvidence(db: Queryable, rows: MeetingRow[]) {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const people = await db.select({ meetingId: meetingAttendance.meetingId, memberId: meetingAttendance.memberId, name: members.name, present: meetingAttendance.present, absenceReason: meetingAttendance.absenceReason, absenceNote: meetingAttendance.absenceNote })
    .from(meetingAttendance).innerJoin(members, eq(members.id, meetingAttendance.memberId))
    .where(inArray(meetingAttendance.meetingId, ids)).orderBy(meetingAttendance.id);
  const files = await db.select({ ...attachmentColumns, recordId: attachments.recordId }).from(attachments)
    .where(and(eq(attachments.recordType, 'meeting'), inArray(attachments.recordId, ids))).orderBy(attachments.id);
  const leadIds = [...new Set(rows.flatMap((r) => [r.hostMemberId, r.recorderMemberId]).filter((x): x is number => x != null))];
  const names = new Map(leadIds.length ? (await db.select({ id: members.id, name: members.name }).from(members).where(inArray(members.id, leadIds))).map((m) => [m.id, m.name]) : []);
  const writers = [...new Set(rows.map((r) => r.updatedBy).filter((x): x is string => x != null))];
  const writerNames = new Map(writers.length ? (await db.select({ username: users.username, name: users.displayName }).from(users).where(inArray(users.username, writers))).map((u) => [u.username, u.name]) : []);
  return rows.map((r) => ({
    ...r,
    updatedByName: r.updatedBy ? writerNames.get(r.updatedBy) ?? null : null,
    hostId: r.hostMemberId, hostName: r.hostMemberId ? names.get(r.hostMemberId) ?? null : null,
    recorderId: r.recorderMemberId, recorderName: r.recorderMemberId ? names.get(r.recorderMemberId) ?? null : null,
    attendees: people.filter((p) => p.meetingId === r.id).map(({ meetingId: _m, ...a }): Attendee => a),
    attachments: files.filter((f) => f.recordId === r.id).map(({ recordId: _r, ...f }): Attachment => f),
  }));
}

/** One record as the API serves it (404 when there is none). */
export async function meetingOut(db: Queryable, id: number): Promise<Meeting> {
  const [row] = await db.select().from(meetings).where(eq(meetings.id, id));
  if (!row) throw notFound(`会议记录（id=${id}）不存在`);
  return (await withEvidence(db, [row]))[0]!;
}
