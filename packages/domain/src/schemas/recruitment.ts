import { z } from 'zod';
import { GENDERS, JOB_CATEGORIES, RECRUIT_STAGES, RECRUIT_STATUSES, TITLE_LEVELS } from '../enums.js';
import { applicationAgeProblem } from '../recruitment-rules.js';
import { pastDateField, textField, VersionSchema } from './fields.js';

/**
 * 发展党员 pipeline entries (《中国共产党发展党员工作细则》2014). The stage rules
 * themselves live in recruitment-rules.ts; these schemas check the shape.
 */

const personalFields = {
  name: textField('姓名', 50),
  gender: z.enum(GENDERS, { error: '请选择性别' }),
  birthDate: pastDateField('出生日期'),
  jobCategory: z.enum(JOB_CATEGORIES, { error: '岗位类别取值无效' }).nullish().transform((v) => v ?? null),
  titleLevel: z.enum(TITLE_LEVELS, { error: '请选择职称级别' }).default('none'),
  isTalent: z.boolean({ error: '高层次人才须为是或否' }).default(false),
  applicationDate: pastDateField('入党申请日期'),
};

type Personal = { birthDate: string; applicationDate: string };
/** 党章第一条、细则第四条：年满十八岁. */
const adultAtApplication = (r: Personal, ctx: z.RefinementCtx) => {
  const p = applicationAgeProblem(r.birthDate, r.applicationDate);
  if (p) ctx.addIssue({ code: 'custom', path: [p.field], message: p.message });
};

export const RecruitInputSchema = z.object(personalFields).superRefine(adultAtApplication);
export type RecruitInput = z.infer<typeof RecruitInputSchema>;

export const RecruitUpdateSchema = z.object(personalFields).and(VersionSchema).superRefine(adultAtApplication);
export type RecruitUpdate = z.infer<typeof RecruitUpdateSchema>;

/** One step forward, with the date of the decision (支委会/支部大会/党委). */
export const RecruitAdvanceSchema = z.object({
  toStage: z.enum(RECRUIT_STAGES, { error: '请选择要进入的阶段' }),
  date: pastDateField('日期'),
}).and(VersionSchema);
export type RecruitAdvance = z.infer<typeof RecruitAdvanceSchema>;

/** Ends an entry (e.g. 不再列为积极分子, 取消预备党员资格); the row and its dates stay. */
export const RecruitStopSchema = z.object({
  reason: textField('终止原因', 500, { multiline: true }),
  date: pastDateField('终止日期').optional(),
}).and(VersionSchema);
export type RecruitStop = z.infer<typeof RecruitStopSchema>;

export const RecruitListQuerySchema = z.object({
  stage: z.enum(RECRUIT_STAGES, { error: 'stage 取值无效' }).optional(),
  status: z.enum(RECRUIT_STATUSES, { error: 'status 只能是 active 或 stopped' }).optional(),
});
export type RecruitListQuery = z.infer<typeof RecruitListQuerySchema>;

export const RecruitSchema = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  name: z.string(),
  gender: z.enum(GENDERS),
  birthDate: z.string(),
  jobCategory: z.enum(JOB_CATEGORIES).nullable(),
  titleLevel: z.enum(TITLE_LEVELS),
  isTalent: z.boolean(),
  stage: z.enum(RECRUIT_STAGES),
  applicationDate: z.string(),
  activistDate: z.string().nullable(),
  candidateDate: z.string().nullable(),
  probationaryDate: z.string().nullable(),
  fullDate: z.string().nullable(),
  status: z.enum(RECRUIT_STATUSES),
  stoppedDate: z.string().nullable(),
  stopReason: z.string().nullable(),
  /** Earliest date the next step may carry under the 细则 (null when finished or stopped). */
  nextStepFrom: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type Recruit = z.infer<typeof RecruitSchema>;
