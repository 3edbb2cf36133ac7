import { z } from 'zod';
import { EDUCATIONS, EMPLOYMENTS, GENDERS, JOB_CATEGORIES, MEMBER_CATEGORIES, MEMBER_STATUSES, TITLE_LEVELS } from '../enums.js';
import { PARTY_STANDINGS } from '../national-roster.js';
import { pageSchema } from './common.js';
import { cleanText } from './fields.js';

export const MemberListQuerySchema = z.object({
  page: z.coerce.number({ error: 'page 必须是数字' }).int('page 必须是整数').min(1, 'page 不能小于 1').default(1),
  pageSize: z.coerce.number({ error: 'pageSize 必须是数字' }).int('pageSize 必须是整数').min(1, 'pageSize 不能小于 1').max(200, 'pageSize 不能大于 200').default(20),
  q: z.string().trim().max(50, '搜索词不能超过 50 个字').superRefine(cleanText('搜索词')).optional(),
  employment: z.enum(EMPLOYMENTS, { error: 'employment 只能是 in_service 或 retired' }).optional(),
  titleLevel: z.enum(TITLE_LEVELS, { error: 'titleLevel 取值无效' }).optional(),
  category: z.enum(MEMBER_CATEGORIES, { error: 'category 只能是 full 或 probationary' }).optional(),
  status: z.enum(MEMBER_STATUSES, { error: 'status 取值无效' }).default('active'),
});
export type MemberListQuery = z.infer<typeof MemberListQuerySchema>;

export const MemberListItemSchema = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  name: z.string(),
  gender: z.enum(GENDERS),
  birthDate: z.string(),
  education: z.enum(EDUCATIONS),
  joinDate: z.string(),
  category: z.enum(MEMBER_CATEGORIES),
  employment: z.enum(EMPLOYMENTS),
  jobCategory: z.enum(JOB_CATEGORIES).nullable(),
  titleLevel: z.enum(TITLE_LEVELS),
  department: z.string().nullable(),
  isTalent: z.boolean(),
  isDeptHead: z.boolean(),
  /** 全国党员管理信息系统: 党籍状态, 失联党员, 流动党员 (set by the roster import; the form leaves them as they are). */
  partyStanding: z.enum(PARTY_STANDINGS),
  lostContact: z.boolean(),
  floating: z.boolean(),
  status: z.enum(MEMBER_STATUSES),
});
export type MemberListItem = z.infer<typeof MemberListItemSchema>;
export const MemberPageSchema = pageSchema(MemberListItemSchema);
export type MemberPage = z.infer<typeof MemberPageSchema>;

export const MemberDetailSchema = MemberListItemSchema.extend({
  ethnicity: z.string(),
  /** Masked (1****************4: first and last character only) for every role below admin. */
  idNumber: z.string(),
  phone: z.string().nullable(),
  fullDate: z.string().nullable(),
  position: z.string().nullable(),
  leftDate: z.string().nullable(),
  leftReason: z.string().nullable(),
  studyHours: z.number().nullable(),
  version: z.number().int(),
});
export type MemberDetail = z.infer<typeof MemberDetailSchema>;
