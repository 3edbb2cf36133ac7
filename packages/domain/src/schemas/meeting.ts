import { z } from 'zod';
import { MEETING_TYPES } from '../enums.js';
import { AttachmentSchema } from './attachment.js';
import { countField, optionalText, pastDateField, textField, VersionSchema } from './fields.js';

/** Why someone on the list did not attend (请假 reasons as the sign-in sheets have them). */
export const ABSENCE_REASONS = ['official', 'sick', 'personal', 'other'] as const;
export type AbsenceReason = (typeof ABSENCE_REASONS)[number];
export const ABSENCE_REASON_LABELS: Record<AbsenceReason, string> = { official: '因公', sick: '因病', personal: '因事', other: '其他' };

const memberRef = (label: string) => z.number({ error: `请选择${label}` }).int(`${label}无效`).positive(`${label}无效`);

export const AttendeeInputSchema = z.object({
  memberId: memberRef('参会人员'),
  present: z.boolean({ error: '请注明是否出席' }),
  absenceReason: z.enum(ABSENCE_REASONS, { error: '缺席原因应为因公、因病、因事或其他' }).nullish().transform((v) => v ?? null),
  absenceNote: optionalText('缺席说明', 100),
});
export type AttendeeInput = z.infer<typeof AttendeeInputSchema>;

/**
 * 组织生活 record as entered in the form and validated by the API — the same schema on both sides.
 *
 * 应到/实到: when `attendees` is given, they are its counts (everyone listed /
 * those present); counts sent with it must agree with the list, or the record
 * is refused naming the field — a typed count never overrides the list.
 * Without `attendees`, or with an empty list (older clients, imports, a
 * count-only record sent back as read), the counts are required as before.
 */
export const MeetingInputSchema = z.object({
  type: z.enum(MEETING_TYPES, { error: '请选择会议类型' }),
  date: pastDateField('会议日期'),
  topic: textField('会议主题', 200),
  expected: countField('应到人数', 10000).min(1, '应到人数至少为 1').optional(),
  present: countField('实到人数', 10000).optional(),
  hostId: memberRef('主持人').nullish().transform((v) => v ?? null),
  recorderId: memberRef('记录人').nullish().transform((v) => v ?? null),
  // An empty list is no list: a record read back from the API (attendees: []) saves as the count-only record it is.
  attendees: z.array(AttendeeInputSchema, { error: '参会人员应为名单' }).max(2000, '参会人员不能超过 2000 人').optional()
    .transform((a) => (a?.length ? a : undefined)),
  minutes: optionalText('会议记录', 20000, { multiline: true }),
  notes: optionalText('备注', 2000, { multiline: true }),
}).superRefine((m, ctx) => {
  if (!m.attendees) {
    if (m.expected === undefined) ctx.addIssue({ code: 'custom', path: ['expected'], message: '请填写应到人数，或选择参会人员' });
    if (m.present === undefined) ctx.addIssue({ code: 'custom', path: ['present'], message: '请填写实到人数，或选择参会人员' });
    if (m.expected !== undefined && m.present !== undefined && m.present > m.expected) {
      ctx.addIssue({ code: 'custom', path: ['present'], message: '实到人数不能多于应到人数' });
    }
    return;
  }
  const seen = new Set<number>();
  m.attendees.forEach((a, i) => {
    if (seen.has(a.memberId)) ctx.addIssue({ code: 'custom', path: ['attendees', i, 'memberId'], message: '同一党员在参会人员中重复出现' });
    seen.add(a.memberId);
    if (!a.present && !a.absenceReason) ctx.addIssue({ code: 'custom', path: ['attendees', i, 'absenceReason'], message: '请选择缺席原因（因公、因病、因事或其他）' });
    if (a.present && a.absenceReason) ctx.addIssue({ code: 'custom', path: ['attendees', i, 'absenceReason'], message: '出席人员不应填写缺席原因' });
  });
  const { expected, present } = attendanceCounts(m.attendees);
  if (m.expected !== undefined && m.expected !== expected) ctx.addIssue({ code: 'custom', path: ['expected'], message: `应到人数应与参会人员名单一致（名单共 ${expected} 人）` });
  if (m.present !== undefined && m.present !== present) ctx.addIssue({ code: 'custom', path: ['present'], message: `实到人数应与参会人员名单一致（出席 ${present} 人）` });
});
export type MeetingInput = z.infer<typeof MeetingInputSchema>;

/** 应到 and 实到 of an attendance list: everyone listed, and those present. */
export function attendanceCounts(attendees: readonly { present: boolean }[]): { expected: number; present: number } {
  return { expected: attendees.length, present: attendees.filter((a) => a.present).length };
}

export const MeetingUpdateSchema = MeetingInputSchema.and(VersionSchema);
export type MeetingUpdate = z.infer<typeof MeetingUpdateSchema>;

/** The unit's light review of a branch's record: 已审核, or 退回 with a reason (the record then does not count until corrected). */
export const MEETING_REVIEW_STATUSES = ['pending', 'approved', 'returned'] as const;
export const MEETING_REVIEW_LABELS = { pending: '待审核', approved: '已审核', returned: '已退回' } as const;

export const AttendeeSchema = z.object({
  memberId: z.number().int(),
  name: z.string(),
  present: z.boolean(),
  absenceReason: z.enum(ABSENCE_REASONS).nullable(),
  absenceNote: z.string().nullable(),
});
export type Attendee = z.infer<typeof AttendeeSchema>;

export const MeetingSchema = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  type: z.enum(MEETING_TYPES),
  date: z.string(),
  topic: z.string(),
  expected: z.number().int(),
  present: z.number().int(),
  notes: z.string().nullable(),
  hostId: z.number().int().nullable(),
  hostName: z.string().nullable(),
  recorderId: z.number().int().nullable(),
  recorderName: z.string().nullable(),
  minutes: z.string().nullable(),
  /** Empty on count-only records. */
  attendees: z.array(AttendeeSchema),
  attachments: z.array(AttachmentSchema),
  reviewStatus: z.enum(MEETING_REVIEW_STATUSES),
  reviewReason: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
  /** 登记人 by name: the account's display name (null when the account is gone). */
  updatedByName: z.string().nullable(),
});
export type Meeting = z.infer<typeof MeetingSchema>;

export const MeetingReviewSchema = z.object({
  decision: z.enum(['approved', 'returned'], { error: '请选择审核结果（已审核或退回）' }),
  reason: optionalText('退回原因', 200),
}).and(VersionSchema).refine((r) => r.decision !== 'returned' || Boolean(r.reason), { path: ['reason'], message: '退回时请填写退回原因' });
export type MeetingReview = z.infer<typeof MeetingReviewSchema>;

export const MeetingListQuerySchema = z.object({
  year: z.coerce.number({ error: 'year 必须是数字' }).int().min(2000, 'year 超出范围').max(2100, 'year 超出范围').optional(),
  type: z.enum(MEETING_TYPES, { error: 'type 取值无效' }).optional(),
});
