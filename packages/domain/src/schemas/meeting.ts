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

export const MeetingSchema = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  type: z.enum(MEETING_TYPES),
  date: z.string(),
  topic: z.string(),
  expected: z.number().int(),
  present: z.number().int(),
  notes: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type Meeting = z.infer<typeof MeetingSchema>;

export const MeetingListQuerySchema = z.object({
  year: z.coerce.number({ error: 'year 必须是数字' }).int().min(2000, 'year 超出范围').max(2100, 'year 超出范围').optional(),
  type: z.enum(MEETING_TYPES, { error: 'type 取值无效' }).optional(),
});
