import { z } from 'zod';
import type { MemberInput } from './member-write.js';

export type RosterField = keyof Pick<MemberInput,
  'name' | 'gender' | 'idNumber' | 'ethnicity' | 'birthDate' | 'education' | 'category' | 'joinDate' | 'fullDate'
  | 'jobCategory' | 'phone' | 'employment' | 'titleLevel' | 'department' | 'isTalent' | 'isDeptHead'>;

export interface RosterColumn {
  field: RosterField;
  /** Header as in the 全国党员管理信息系统 roster (党员基本信息). */
  header: string;
  kind: 'text' | 'date' | 'choice' | 'flag';
  required: boolean;
  /** How to fill it in: the template's 填写说明 sheet and the import page show this. */
  hint: string;
  width: number;
}

/** The roster's columns in order: the template, the import and the export all use this one list. */
export const ROSTER_COLUMNS: readonly RosterColumn[] = [
  { field: 'name', header: '姓名', kind: 'text', required: true, hint: '2–20 个字', width: 10 },
  { field: 'gender', header: '性别', kind: 'choice', required: true, hint: '男 / 女', width: 6 },
  { field: 'idNumber', header: '公民身份号码', kind: 'text', required: true, hint: '18 位，末位可为 X；请以文本格式填写，数字格式会丢失末几位', width: 21 },
  { field: 'ethnicity', header: '民族', kind: 'text', required: true, hint: '写全称，如：汉族、回族', width: 8 },
  { field: 'birthDate', header: '出生日期', kind: 'date', required: true, hint: '日期单元格，或文本 2020-01-05 / 2020/1/5 / 2020.01.05；须与公民身份号码一致', width: 12 },
  { field: 'education', header: '学历', kind: 'choice', required: true, hint: '博士研究生 / 硕士研究生 / 大学本科 / 大学专科 / 中专/高中 / 初中及以下', width: 11 },
  { field: 'category', header: '人员类别', kind: 'choice', required: true, hint: '正式党员 / 预备党员', width: 10 },
  { field: 'joinDate', header: '入党日期', kind: 'date', required: true, hint: '日期；入党时应年满 18 周岁', width: 12 },
  { field: 'fullDate', header: '转为正式党员日期', kind: 'date', required: false, hint: '正式党员必填，预备党员不填；不早于入党日期', width: 16 },
  { field: 'jobCategory', header: '工作岗位', kind: 'choice', required: false, hint: '医 / 护 / 技 / 药 / 管理 / 后勤', width: 9 },
  { field: 'phone', header: '联系电话', kind: 'text', required: false, hint: '11 位手机号或带区号的固定电话（如 0531-88886666）', width: 14 },
  { field: 'employment', header: '在职/离退休', kind: 'choice', required: true, hint: '在职 / 离退休', width: 11 },
  { field: 'titleLevel', header: '专业技术职务', kind: 'choice', required: true, hint: '正高 / 副高 / 中级 / 初级 / 无', width: 12 },
  { field: 'department', header: '所在科室', kind: 'text', required: false, hint: '不超过 50 个字', width: 16 },
  { field: 'isTalent', header: '高层次人才', kind: 'flag', required: false, hint: '是 / 否（空白视为否）', width: 10 },
  { field: 'isDeptHead', header: '内设机构负责人', kind: 'flag', required: false, hint: '是 / 否（空白视为否）', width: 14 },
];

export const ROSTER_ACTIONS = ['create', 'update', 'error'] as const;

export const RosterProblemSchema = z.object({
  /** The column's Chinese header (or 公民身份号码 for a clash with another row). */
  column: z.string(),
  message: z.string(),
});

export const RosterRowSchema = z.object({
  /** The row number as Excel shows it. */
  rowNumber: z.number().int(),
  action: z.enum(ROSTER_ACTIONS),
  name: z.string().nullable(),
  problems: z.array(RosterProblemSchema),
  /** For 'update': the headers of the columns whose value differs from the record (empty = identical). */
  changes: z.array(z.string()),
});
export type RosterRow = z.infer<typeof RosterRowSchema>;

export const RosterSummarySchema = z.object({
  create: z.number().int(),
  update: z.number().int(),
  error: z.number().int(),
  /** Of the 'update' rows, those identical to the record: importing leaves them untouched. */
  unchanged: z.number().int(),
});
export type RosterSummary = z.infer<typeof RosterSummarySchema>;

export const RosterReportSchema = z.object({ rows: z.array(RosterRowSchema), summary: RosterSummarySchema });
export type RosterReport = z.infer<typeof RosterReportSchema>;

/** A refused import: the usual error body plus the same row report the preview gives. */
export const RosterRejectedSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  }),
  report: RosterReportSchema.optional(),
});
