import { z } from 'zod';
import { PARTY_STANDINGS } from '../national-roster.js';
import type { MemberInput } from './member-write.js';

/** What a roster row carries beyond the member form: the national system's 党籍状态, 失联 and 流动. */
export const RosterExtraSchema = z.object({
  partyStanding: z.enum(PARTY_STANDINGS, { error: '党籍状态应为 正常 / 停止党籍 / 留党察看 之一' }).default('normal'),
  lostContact: z.boolean({ error: '是否为失联党员应为 是/否' }).default(false),
  floating: z.boolean({ error: '是否为流动党员应为 是/否' }).default(false),
});
export type RosterExtra = z.infer<typeof RosterExtraSchema>;
export type RosterInput = MemberInput & RosterExtra;

export type RosterField = keyof Pick<RosterInput,
  'name' | 'gender' | 'idNumber' | 'ethnicity' | 'birthDate' | 'education' | 'category' | 'joinDate' | 'fullDate'
  | 'jobCategory' | 'phone' | 'employment' | 'titleLevel' | 'department' | 'isTalent' | 'isDeptHead'
  | 'partyStanding' | 'lostContact' | 'floating'>;

export interface RosterColumn {
  /** 'branch' is 所在党支部: where the row goes, not a member field. */
  field: RosterField | 'branch';
  /** Header as in the 全国党员管理信息系统 export (党员基本信息). */
  header: string;
  /** Other headers offices and older templates use for the same column. */
  aliases: readonly string[];
  kind: 'text' | 'date' | 'choice' | 'flag';
  /** The file must have this column and every row a value in it. */
  required: boolean;
  /** Part of the national system's export (the rest are the platform's own columns). */
  national: boolean;
  /** What the import does when the file has no such column, as the preview says it. */
  absent?: string;
  /** How to fill it in: the template's 填写说明 sheet and the import page show this. */
  hint: string;
  width: number;
}

const col = (c: Omit<RosterColumn, 'aliases' | 'national'> & { aliases?: readonly string[]; national?: boolean }): RosterColumn =>
  ({ aliases: [], national: true, ...c });

/**
 * The roster's columns in the national system's order, then the platform's
 * own optional columns: the template, the import and the export all use this
 * one list. Columns are found by header, so their order in a file is free.
 */
export const ROSTER_COLUMNS: readonly RosterColumn[] = [
  col({ field: 'name', header: '姓名', kind: 'text', required: true, hint: '2–20 个字：汉字、字母、间隔号“·”或空格', width: 10 }),
  col({ field: 'gender', header: '性别', kind: 'choice', required: true, hint: '男 / 女', width: 6 }),
  col({ field: 'idNumber', header: '公民身份号码', aliases: ['身份证号', '身份证号码', '公民身份证号', '公民身份证号码', '身份证'], kind: 'text', required: true, hint: '18 位，末位可为 X；请以文本格式填写，数字格式会丢失末几位', width: 21 }),
  col({ field: 'ethnicity', header: '民族', kind: 'text', required: true, hint: '如：汉族、回族（可不写“族”）', width: 8 }),
  col({ field: 'birthDate', header: '出生日期', aliases: ['出生年月日'], kind: 'date', required: true, hint: '日期单元格，或文本 2020-01-05 / 2020/1/5 / 2020.01.05；须与公民身份号码一致', width: 12 }),
  col({ field: 'education', header: '学历', aliases: ['最高学历', '文化程度'], kind: 'choice', required: true, hint: '博士研究生 / 硕士研究生（或 研究生）/ 大学本科 / 大学专科 / 中专 / 高中 / 初中及以下', width: 11 }),
  col({ field: 'category', header: '人员类别', aliases: ['党员类别', '党员类型'], kind: 'choice', required: true, hint: '正式党员 / 预备党员', width: 10 }),
  col({ field: 'branch', header: '所在党支部', aliases: ['所在支部', '所在党组织', '党支部', '支部名称', '所在党支部名称'], kind: 'text', required: false, hint: '导入到单位时必填，按此列分到各党支部（可带单位名称或写成“中共…委员会”的全称）；导入到党支部时可不填，填写的须为该党支部', width: 24, absent: '未填，导入到所选党支部' }),
  col({ field: 'joinDate', header: '入党日期', aliases: ['入党时间'], kind: 'date', required: true, hint: '日期；入党时应年满 18 周岁', width: 12 }),
  col({ field: 'fullDate', header: '转为正式党员日期', aliases: ['转正日期', '转正时间'], kind: 'date', required: false, hint: '正式党员必填，预备党员不填；应在入党日期满一年之后（预备期一年）', width: 16 }),
  col({ field: 'jobCategory', header: '工作岗位', aliases: ['岗位', '岗位类别'], kind: 'choice', required: false, hint: '医生 / 护士 / 医技人员 / 药剂人员 / 管理人员 / 工勤技能人员 / 离退休人员', width: 13, absent: '未填，不记工作岗位' }),
  col({ field: 'phone', header: '联系电话', aliases: ['手机号码', '手机号', '电话', '联系方式'], kind: 'text', required: false, hint: '11 位手机号或带区号的固定电话（如 0531-88886666）', width: 14 }),
  col({ field: 'partyStanding', header: '党籍状态', kind: 'choice', required: false, hint: '正常 / 停止党籍 / 留党察看（空白视为正常）', width: 10, absent: '未填，按“正常”导入' }),
  col({ field: 'lostContact', header: '是否为失联党员', aliases: ['是否失联党员', '失联党员', '是否失联'], kind: 'flag', required: false, hint: '是 / 否（空白视为否）', width: 14, absent: '未填，按“否”导入' }),
  col({ field: 'floating', header: '是否为流动党员', aliases: ['是否流动党员', '流动党员', '是否流动'], kind: 'flag', required: false, hint: '是 / 否（空白视为否）', width: 14, absent: '未填，按“否”导入' }),
  col({ field: 'employment', header: '在职/离退休', aliases: ['在职离退休', '在职或离退休', '是否离退休'], kind: 'choice', required: false, national: false, hint: '在职 / 离退休；不填时工作岗位为“离退休人员”的按离退休，其余按在职', width: 11, absent: '未填，工作岗位为“离退休人员”的按离退休，其余按在职导入' }),
  col({ field: 'titleLevel', header: '专业技术职务', aliases: ['职称', '专业技术职称', '专业技术职务等级'], kind: 'choice', required: false, national: false, hint: '正高 / 副高 / 中级 / 初级 / 无（空白视为无）', width: 12, absent: '未填，按“无”导入' }),
  col({ field: 'department', header: '所在科室', aliases: ['科室', '部门', '所在部门'], kind: 'text', required: false, national: false, hint: '不超过 50 个字', width: 16, absent: '未填，不记科室' }),
  col({ field: 'isTalent', header: '高层次人才', aliases: ['是否高层次人才'], kind: 'flag', required: false, national: false, hint: '是 / 否（空白视为否）', width: 10, absent: '未填，按“否”导入' }),
  col({ field: 'isDeptHead', header: '内设机构负责人', aliases: ['是否内设机构负责人'], kind: 'flag', required: false, national: false, hint: '是 / 否（空白视为否）', width: 14, absent: '未填，按“否”导入' }),
];

/** The export's first column (the national export numbers its rows); ignored on import. */
export const ROSTER_SEQ_HEADER = '序号';

export const ROSTER_ACTIONS = ['create', 'update', 'error'] as const;

export const RosterProblemSchema = z.object({
  /** The column's Chinese header (or 公民身份号码 for a clash with another row). */
  column: z.string(),
  message: z.string(),
});
export type RosterProblem = z.infer<typeof RosterProblemSchema>;

export const RosterRowSchema = z.object({
  /** The row number as Excel shows it. */
  rowNumber: z.number().int(),
  action: z.enum(ROSTER_ACTIONS),
  name: z.string().nullable(),
  problems: z.array(RosterProblemSchema),
  /** For 'update': the headers of the columns whose value differs from the record (empty = identical). */
  changes: z.array(z.string()),
  /** What the import assumed or wants checked, without refusing the row (a default taken, 预备期已满 …). */
  notes: z.array(RosterProblemSchema),
  /** The 党支部 the row goes to (at unit level, from 所在党支部), when it could be worked out. */
  branchName: z.string().nullable(),
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

export const RosterReportSchema = z.object({
  rows: z.array(RosterRowSchema),
  summary: RosterSummarySchema,
  /** Columns the file does not have and what the import does instead (“在职/离退休：未填，按在职导入”). */
  notices: z.array(RosterProblemSchema),
});
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
