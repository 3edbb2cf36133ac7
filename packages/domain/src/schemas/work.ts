import { z } from 'zod';
import { PROJECT_STATUSES } from '../enums.js';
import { countField, dateField, optionalText, pastDateField, textField, todayIso, VersionSchema } from './fields.js';

/**
 * 作用发挥 records of a branch: 支部品牌, 书记项目 with its milestones, 党员先锋岗 —
 * the same schemas validate the web forms and the API.
 */

const thisYear = () => Number(todayIso().slice(0, 4));

/** A year from 2000; `ahead` lets a plan for next year be entered in December. */
const yearField = (label: string, ahead = 0) =>
  z.number({ error: `${label}必须是数字` }).int(`${label}必须是整数`).min(2000, `${label}不能早于 2000 年`)
    .refine((y) => y <= thisYear() + ahead, ahead ? `${label}不能晚于明年` : `${label}不能晚于今年`);

const ListYearQuery = z.object({
  year: z.coerce.number({ error: 'year 必须是数字' }).int().min(2000, 'year 超出范围').max(2100, 'year 超出范围').optional(),
});

// ── 支部品牌 ──────────────────────────────────────────────────────────────

const brandFields = {
  name: textField('品牌名称', 50),
  description: optionalText('品牌简介', 2000, { multiline: true }),
  createdYear: yearField('创建年份'),
};
export const BrandInputSchema = z.object(brandFields);
export type BrandInput = z.infer<typeof BrandInputSchema>;

/** A brand is never deleted: `active: false` retires it and keeps its history. */
export const BrandUpdateSchema = z.object({
  ...brandFields,
  active: z.boolean({ error: '请选择品牌状态（在用或停用）' }),
}).and(VersionSchema);
export type BrandUpdate = z.infer<typeof BrandUpdateSchema>;

export const BrandSchema = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  name: z.string(),
  description: z.string().nullable(),
  createdYear: z.number().int(),
  active: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type Brand = z.infer<typeof BrandSchema>;

// ── 书记项目 ──────────────────────────────────────────────────────────────

export const MilestoneInputSchema = z.object({
  title: textField('节点名称', 100),
  dueDate: dateField('计划完成日期'),
  doneDate: pastDateField('实际完成日期').nullish().transform((v) => v ?? null),
});
export type MilestoneInput = z.infer<typeof MilestoneInputSchema>;

/** A milestone write carries the version of its project: ticking one off changes the project. */
export const MilestoneWriteSchema = MilestoneInputSchema.and(VersionSchema);
export type MilestoneWrite = z.infer<typeof MilestoneWriteSchema>;

/** Milestones belong to the project's year. */
export const milestoneYearMessage = (year: number) => `计划完成日期应在 ${year} 年内`;

const projectFields = {
  year: yearField('项目年度', 1),
  title: textField('项目名称', 100),
  goal: textField('项目目标', 2000, { multiline: true }),
  businessGoal: textField('服务的业务目标', 500),
};

export const ProjectInputSchema = z.object({
  ...projectFields,
  milestones: z.array(MilestoneInputSchema, { error: '请填写项目节点' }).min(1, '至少设置一个项目节点').max(50, '项目节点不能超过 50 个'),
}).superRefine((p, ctx) => {
  p.milestones.forEach((m, i) => {
    if (!m.dueDate.startsWith(`${p.year}-`)) ctx.addIssue({ code: 'custom', path: ['milestones', i, 'dueDate'], message: milestoneYearMessage(p.year) });
  });
});
export type ProjectInput = z.infer<typeof ProjectInputSchema>;

export const ProjectUpdateSchema = z.object({
  ...projectFields,
  status: z.enum(PROJECT_STATUSES, { error: '请选择项目状态' }),
  progress: countField('项目进度', 100),
  review: optionalText('结项评价', 2000, { multiline: true }),
}).and(VersionSchema).superRefine((p, ctx) => {
  // 结项: a completed project is closed with a written review.
  if (p.status === 'completed' && !p.review) ctx.addIssue({ code: 'custom', path: ['review'], message: '项目已完成，请填写结项评价' });
});
export type ProjectUpdate = z.infer<typeof ProjectUpdateSchema>;

export const MilestoneSchema = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  title: z.string(),
  dueDate: z.string(),
  doneDate: z.string().nullable(),
});
export type Milestone = z.infer<typeof MilestoneSchema>;

export const ProjectSchema = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  year: z.number().int(),
  title: z.string(),
  goal: z.string(),
  businessGoal: z.string(),
  status: z.enum(PROJECT_STATUSES),
  progress: z.number().int(),
  review: z.string().nullable(),
  milestones: z.array(MilestoneSchema),
  /** Milestones due by today and not done. */
  overdue: z.number().int(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type Project = z.infer<typeof ProjectSchema>;

export const ProjectListQuerySchema = ListYearQuery;

// ── 党员先锋岗 ────────────────────────────────────────────────────────────

export const VanguardPostInputSchema = z.object({
  year: yearField('年度', 1),
  name: textField('先锋岗名称', 50),
  leaderMemberId: z.number({ error: '请选择先锋岗负责人' }).int('请选择先锋岗负责人').positive('请选择先锋岗负责人'),
  memberCount: countField('岗位党员人数', 1000).min(1, '岗位党员人数至少为 1'),
  description: optionalText('岗位简介', 2000, { multiline: true }),
});
export type VanguardPostInput = z.infer<typeof VanguardPostInputSchema>;

export const VanguardPostUpdateSchema = VanguardPostInputSchema.and(VersionSchema);
export type VanguardPostUpdate = z.infer<typeof VanguardPostUpdateSchema>;

export const VanguardPostSchema = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  year: z.number().int(),
  name: z.string(),
  leaderMemberId: z.number().int().nullable(),
  leaderName: z.string().nullable(),
  memberCount: z.number().int(),
  description: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type VanguardPost = z.infer<typeof VanguardPostSchema>;

export const VanguardPostListQuerySchema = ListYearQuery;
