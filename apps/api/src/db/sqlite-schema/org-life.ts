import { sqliteTable, integer, text, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { MeetingType } from '@wj/domain';
import type { AbsenceReason, AttachmentRecordType } from '@wj/domain/schemas';
import { members } from './members.js';
import { orgs } from './org.js';

/** 组织生活: one row per meeting held (三会一课, 主题党日, 组织生活会 …). */
export const meetings = sqliteTable('meetings', {
  id: integer().primaryKey({ autoIncrement: true }),
  orgId: integer().notNull().references(() => orgs.id),
  type: text().$type<MeetingType>().notNull(),
  date: text().notNull(),
  topic: text().notNull(),
  expected: integer().notNull(),
  present: integer().notNull(),
  notes: text(),
  /** 主持人 and 记录人: active members of the branch when recorded (null on records from before they were asked). */
  hostMemberId: integer().references(() => members.id),
  recorderMemberId: integer().references(() => members.id),
  /** 会议记录 (minutes), multi-line. */
  minutes: text(),
  /**
   * The unit's light review (DESIGN.md): pending until looked at; a returned
   * record does not count in the score until the branch corrects it (an edit
   * puts it back to pending). Nothing waits for approval.
   */
  reviewStatus: text().$type<'pending' | 'approved' | 'returned'>().notNull().default('pending'),
  reviewReason: text(),
  reviewedAt: text(),
  reviewedBy: text(),
  version: integer().notNull().default(1),
  updatedAt: text().notNull(),
  updatedBy: text(),
}, (t) => [index('meetings_org_date_idx').on(t.orgId, t.date)]);

/**
 * Who was expected at a meeting and whether they came (absentees with a
 * reason). When a record has rows here, its 应到/实到 are their counts.
 */
export const meetingAttendance = sqliteTable('meeting_attendance', {
  id: integer().primaryKey({ autoIncrement: true }),
  meetingId: integer().notNull().references(() => meetings.id, { onDelete: 'cascade' }),
  memberId: integer().notNull().references(() => members.id),
  present: integer({ mode: 'boolean' }).notNull(),
  absenceReason: text().$type<AbsenceReason>(),
  absenceNote: text(),
}, (t) => [uniqueIndex('meeting_attendance_uq').on(t.meetingId, t.memberId)]);

/**
 * Evidence files (sign-in sheet, minutes: photos, scans, PDFs) of a record.
 * The file lives under ATTACHMENTS_DIR by `storedName` (random); its scope is
 * the record's branch, looked up through the record.
 */
export const attachments = sqliteTable('attachments', {
  id: integer().primaryKey({ autoIncrement: true }),
  recordType: text().$type<AttachmentRecordType>().notNull(),
  recordId: integer().notNull(),
  originalName: text().notNull(),
  mime: text().notNull(),
  size: integer().notNull(),
  sha256: text().notNull(),
  storedName: text().notNull(),
  uploadedBy: text().notNull(),
  uploadedAt: text().notNull(),
  version: integer().notNull().default(1),
}, (t) => [index('attachments_record_idx').on(t.recordType, t.recordId), uniqueIndex('attachments_stored_uq').on(t.storedName)]);
