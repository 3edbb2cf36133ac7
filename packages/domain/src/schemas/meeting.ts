import { z } from 'zod';
import { MEETING_TYPES } from '../enums.js';
import { countField, optionalText, pastDateField, textField, VersionSchema } from './fields.js';

/** 组织生活 record as entered in the form and validated by the API — the same schema on both sides. */
export const MeetingInputSchema = z.object({
  type: z.enum(MEETING_TYPES, { error: '请选择会议类型' }),
  date: pastDateField('会议日期'),
  topic: textField('会议主题', 200),
  expected: countField('应到人数', 10000).min(1, '应到人数至少为 1'),
  present: countField('实到人数', 10000),
  notes: optionalText('备注', 2000, { multiline: true }),
}).refine((m) => m.present <= m.expected, { path: ['present'], message: '实到人数不能多于应到人数' });
export type MeetingInput = z.infer<typeof MeetingInputSchema>;

export const MeetingUpdateSchema = MeetingInputSchema.and(VersionSchema);
export type MeetingUpdate = z.infer<typeof MeetingUpdateSchema>;

/** The unit's light review of a branch's record: 已审核, or 退回 with a reason (the record then does not count until corrected). */
export const MEETING_REVIEW_STATUSES = ['pending', 'approved', 'returned'] as const;
export const MEETING_REVIEW_LABELS = { pending: '待审核', approved: '已审核', returned: '已退回' } as const;

export const MeetingSchema = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  type: z.enum(MEETING_TYPES),
  date: z.string(),
  topic: z.string(),
  expected: z.number().int(),
  present: z.number().int(),
  notes: z.string().nullable(),
  reviewStatus: z.enum(MEETING_REVIEW_STATUSES),
  reviewReason: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
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
