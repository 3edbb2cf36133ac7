import { z } from 'zod';
import { REVIEW_GRADES } from '../enums.js';
import { dateField, optionalText, pastDateField, textField, VersionSchema } from './fields.js';
import { IdParamSchema } from './common.js';

const yearField = z.coerce.number({ error: '年度必须是数字' }).int('年度必须是整数').min(2000, '年度超出范围').max(2100, '年度超出范围');

/** /units/:id/…/:year */
export const UnitYearParamSchema = IdParamSchema.extend({ year: yearField });
export const UnitRecordYearQuerySchema = z.object({ year: yearField.optional() });

/** On an upsert the version is required only when the record already exists (the service says so). */
const optionalVersion = z.object({ version: VersionSchema.shape.version.optional() });

// ---- 年度党建工作计划 ----

export const UnitPlanInputSchema = z.object({
  title: textField('计划标题', 100),
  content: optionalText('计划内容', 20000, { multiline: true }),
  fileName: optionalText('附件文件名', 200),
  submittedDate: pastDateField('提交日期'),
}).extend(optionalVersion.shape);
export type UnitPlanInput = z.infer<typeof UnitPlanInputSchema>;

export const UnitPlanSchema = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  year: z.number().int(),
  title: z.string(),
  content: z.string().nullable(),
  fileName: z.string().nullable(),
  submittedDate: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type UnitPlan = z.infer<typeof UnitPlanSchema>;

// ---- 党务干部 ----

const partyWorkerFields = z.object({
  name: textField('姓名', 30),
  position: textField('职务', 50),
  /** 专职 (true) or 兼职 (false). */
  fullTime: z.boolean({ error: '专职/兼职取值无效' }).default(true),
  startDate: pastDateField('任职日期'),
  /** Ending a post sets this date; the row stays. */
  endDate: dateField('离任日期').nullish().transform((v) => v ?? null),
});
const endAfterStart = (w: { startDate: string; endDate: string | null }, ctx: z.RefinementCtx) => {
  if (w.endDate && w.endDate < w.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: '离任日期不能早于任职日期' });
};

export const PartyWorkerInputSchema = partyWorkerFields.superRefine(endAfterStart);
export type PartyWorkerInput = z.infer<typeof PartyWorkerInputSchema>;
export const PartyWorkerUpdateSchema = partyWorkerFields.extend(VersionSchema.shape).superRefine(endAfterStart);
export type PartyWorkerUpdate = z.infer<typeof PartyWorkerUpdateSchema>;

export const PartyWorkerSchema = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  name: z.string(),
  position: z.string(),
  fullTime: z.boolean(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type PartyWorker = z.infer<typeof PartyWorkerSchema>;

// ---- 书记抓党建述职评议 (graded by the commission) ----

export const SecretaryReviewInputSchema = z.object({
  secretaryName: textField('书记姓名', 30),
  grade: z.enum(REVIEW_GRADES, { error: '请选择评议等次（好/较好/一般/差）' }),
  comment: optionalText('评议意见', 2000, { multiline: true }),
}).extend(optionalVersion.shape);
export type SecretaryReviewInput = z.infer<typeof SecretaryReviewInputSchema>;

export const SecretaryReviewSchema = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  year: z.number().int(),
  secretaryName: z.string(),
  grade: z.enum(REVIEW_GRADES),
  comment: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type SecretaryReview = z.infer<typeof SecretaryReviewSchema>;

// ---- 全面从严治党主体责任清单 ----

export const ResponsibilityItemInputSchema = z.object({
  year: z.number({ error: '年度必须是数字' }).int('年度必须是整数').min(2000, '年度超出范围').max(2100, '年度超出范围'),
  title: textField('责任事项', 200),
  done: z.boolean({ error: '完成情况取值无效' }).default(false),
});
export type ResponsibilityItemInput = z.infer<typeof ResponsibilityItemInputSchema>;

export const ResponsibilityItemUpdateSchema = z.object({
  title: textField('责任事项', 200),
  done: z.boolean({ error: '完成情况取值无效' }),
}).extend(VersionSchema.shape);
export type ResponsibilityItemUpdate = z.infer<typeof ResponsibilityItemUpdateSchema>;

export const ResponsibilityItemSchema = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  year: z.number().int(),
  title: z.string(),
  done: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type ResponsibilityItem = z.infer<typeof ResponsibilityItemSchema>;
