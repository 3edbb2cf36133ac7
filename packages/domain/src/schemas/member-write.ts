import { z } from 'zod';
import { EDUCATIONS, EMPLOYMENTS, GENDERS, JOB_CATEGORIES, MEMBER_CATEGORIES, TITLE_LEVELS } from '../enums.js';
import { idCheckDigit, isValidIdNumber } from '../id-number.js';
import { earliestFullDate, FULL_DATE_TOO_EARLY_MESSAGE, personNameProblem, PROBATION_OVERDUE_MESSAGE, probationState } from '../member-rules.js';
import { cleanText, optionalText, pastDateField, textProblem, todayIso, VersionSchema } from './fields.js';

/** The 56 民族 as written on a 公民身份证 and in the 全国党员管理信息系统 (GB/T 3304). */
export const ETHNICITIES = [
  '汉族', '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族', '布依族', '朝鲜族', '满族', '侗族', '瑶族', '白族',
  '土家族', '哈尼族', '哈萨克族', '傣族', '黎族', '傈僳族', '佤族', '畲族', '高山族', '拉祜族', '水族', '东乡族', '纳西族',
  '景颇族', '柯尔克孜族', '土族', '达斡尔族', '仫佬族', '羌族', '布朗族', '撒拉族', '毛南族', '仡佬族', '锡伯族', '阿昌族',
  '普米族', '塔吉克族', '怒族', '乌孜别克族', '俄罗斯族', '鄂温克族', '德昂族', '保安族', '裕固族', '京族', '塔塔尔族',
  '独龙族', '鄂伦春族', '赫哲族', '门巴族', '珞巴族', '基诺族',
] as const;

/** How a member leaves the branch's roll; the row stays with this status (history is never deleted). */
export const LEAVE_STATUSES = ['transferred_out', 'deceased', 'expelled'] as const;

/** What a masked value looks like when a form sends back what GET showed it (see maskIdNumber / maskPhone). */
export const MASKED_ID_NUMBER = /^\d\*{16}[\dX]$/;
export const MASKED_PHONE = /^\d{3}\*{4}\d{4}$/;

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

/** A 公民身份号码 held by someone outside the caller's scope: who and where is not the caller's to know. */
export const ID_NUMBER_TAKEN_ELSEWHERE = '该公民身份号码已在本委其他单位登记，请联系委机关党委核实';

/**
 * The message for a 公民身份号码 someone else already holds; the API and the
 * roster import say the same. `holder` is null when the holder lies outside
 * the caller's scope (admin sees everyone): then nobody is named.
 */
export const idNumberTakenMessage = (holder: { name: string; orgName: string } | null) =>
  holder ? `公民身份号码已被党员 ${holder.name}（${holder.orgName}）使用` : ID_NUMBER_TAKEN_ELSEWHERE;

const ID_SHAPE = /^\d{17}[\dX]$/;
const PHONE_SHAPE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/;

/** 公民身份号码 (GB 11643-1999); `allowMasked` lets an edit send back the masked value it was shown. */
const idNumberField = (allowMasked = false) => z.string({ error: '请填写公民身份号码' }).trim().transform((s) => s.toUpperCase())
  .superRefine((s, ctx) => {
    if (allowMasked && MASKED_ID_NUMBER.test(s)) return;
    const fail = (message: string) => ctx.addIssue({ code: 'custom', message });
    if (!ID_SHAPE.test(s)) fail(s ? '公民身份号码应为 18 位（末位可为 X）' : '请填写公民身份号码');
    else if (idCheckDigit(s.slice(0, 17)) !== s[17]) fail('公民身份号码校验位不正确（GB 11643），请核对');
    else if (!isValidIdNumber(s)) fail('公民身份号码中的出生日期不存在，请核对');
  });

// 11-digit mobile, or a landline with area code (0531-88886666), optionally an extension.
const phoneField = (allowMasked = false) => z.preprocess(blankToNull, z.string({ error: '联系电话应为文字' }).trim()
  .refine((s) => (allowMasked && MASKED_PHONE.test(s)) || PHONE_SHAPE.test(s), '联系电话应为 11 位手机号或带区号的固定电话')
  .nullish()).transform((v) => v ?? null);

const flag = (label: string) => z.boolean({ error: `${label}应为 是/否` }).default(false);

const memberFields = {
  name: z.string({ error: '请填写姓名' }).trim().min(2, '姓名应为 2–20 个字').max(20, '姓名应为 2–20 个字').superRefine(cleanText('姓名'))
    .superRefine((s, ctx) => { const p = textProblem(s, '姓名') ? null : personNameProblem(s); if (p) ctx.addIssue({ code: 'custom', message: p }); }),
  gender: z.enum(GENDERS, { error: '请选择性别' }),
  ethnicity: z.enum(ETHNICITIES, { error: '民族应为 56 个民族之一（如“汉族”）' }),
  birthDate: pastDateField('出生日期'),
  education: z.enum(EDUCATIONS, { error: '请选择学历' }),
  idNumber: idNumberField(),
  phone: phoneField(),
  joinDate: pastDateField('入党日期'),
  fullDate: z.preprocess(blankToNull, pastDateField('转为正式党员日期').nullish()).transform((v) => v ?? null),
  category: z.enum(MEMBER_CATEGORIES, { error: '请选择人员类别（正式党员/预备党员）' }),
  employment: z.enum(EMPLOYMENTS, { error: '请选择在职/离退休' }),
  jobCategory: z.preprocess(blankToNull, z.enum(JOB_CATEGORIES, { error: '工作岗位应为 医/护/技/药/管理/后勤 之一' }).nullish())
    .transform((v) => v ?? null),
  titleLevel: z.enum(TITLE_LEVELS, { error: '专业技术职务应为 正高/副高/中级/初级/无 之一' }).default('none'),
  department: optionalText('所在科室', 50),
  position: optionalText('职务', 50),
  isTalent: flag('高层次人才'),
  isDeptHead: flag('内设机构负责人'),
};

const plusYears = (iso: string, years: number) => `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`;

interface CrossChecked {
  gender: unknown; birthDate: unknown; idNumber?: unknown; joinDate: unknown; fullDate: unknown; category: unknown;
}

const isDate = (s: unknown): s is string => typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s);

/**
 * Rules between fields. Zod runs this even when a field failed on its own, so
 * each rule looks only at values that are themselves well-formed (one problem,
 * one message). A masked (unchanged) idNumber is checked by the service.
 */
function crossCheck(m: CrossChecked, ctx: z.RefinementCtx) {
  const today = todayIso();
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  const birth = isDate(m.birthDate) ? m.birthDate : null;
  const join = isDate(m.joinDate) ? m.joinDate : null;
  // 《中国共产党章程》第一条: 年满十八岁 may apply to join; 110 catches a mistyped century.
  if (birth && birth > plusYears(today, -18)) issue('birthDate', '出生日期有误：党员应年满 18 周岁');
  if (birth && birth < plusYears(today, -110)) issue('birthDate', '出生日期有误：年龄超过 110 岁');
  if (typeof m.idNumber === 'string' && ID_SHAPE.test(m.idNumber) && isValidIdNumber(m.idNumber)) {
    const idBirth = `${m.idNumber.slice(6, 10)}-${m.idNumber.slice(10, 12)}-${m.idNumber.slice(12, 14)}`;
    if (birth && idBirth !== birth) issue('idNumber', `公民身份号码中的出生日期（${idBirth}）与出生日期不一致`);
    // GB 11643: the 17th digit (顺序码末位) is odd for men, even for women.
    if ((Number(m.idNumber[16]) % 2 === 1) !== (m.gender === 'male')) issue('idNumber', '公民身份号码第 17 位（奇数为男、偶数为女）与性别不符');
  }
  if (birth && join && join < plusYears(birth, 18)) issue('joinDate', '入党日期有误：入党时应年满 18 周岁');
  if (m.category === 'full' && !m.fullDate) issue('fullDate', '正式党员请填写转为正式党员日期');
  if (m.category === 'probationary' && m.fullDate) issue('fullDate', '预备党员不应填写转为正式党员日期');
  if (join && isDate(m.fullDate) && m.fullDate < join) issue('fullDate', '转为正式党员日期不能早于入党日期');
  else if (join && isDate(m.fullDate) && m.fullDate < earliestFullDate(join)) issue('fullDate', FULL_DATE_TOO_EARLY_MESSAGE);
  if (join && m.category === 'probationary' && !m.fullDate && probationState(join, today) === 'overdue') issue('category', PROBATION_OVERDUE_MESSAGE);
}

/** 党员 as entered in the form (and in a roster row) and validated by the API. */
export const MemberInputSchema = z.object(memberFields).superRefine(crossCheck);
export type MemberInput = z.infer<typeof MemberInputSchema>;

/**
 * An edit. Below admin the form only ever saw the masked 公民身份号码 and phone;
 * sending those masked values back means "unchanged".
 */
export const MemberUpdateSchema = z.object({
  ...memberFields,
  idNumber: idNumberField(true),
  phone: phoneField(true),
  ...VersionSchema.shape,
}).superRefine(crossCheck);
export type MemberUpdate = z.infer<typeof MemberUpdateSchema>;

/** 组织关系转接 within the commission: to another 党支部. */
export const MemberTransferSchema = z.object({
  toOrgId: z.number({ error: '请选择转入的党支部' }).int('请选择转入的党支部').positive('请选择转入的党支部'),
  ...VersionSchema.shape,
});
export type MemberTransfer = z.infer<typeof MemberTransferSchema>;

/** 转出（系统外）/ 死亡 / 出党: the member leaves the roll; the row is kept. */
export const MemberLeaveSchema = z.object({
  status: z.enum(LEAVE_STATUSES, { error: '请选择离开方式（转出/死亡/出党）' }),
  leftDate: pastDateField('离开日期'),
  leftReason: optionalText('离开原因', 200, { multiline: true }),
  ...VersionSchema.shape,
});
export type MemberLeave = z.infer<typeof MemberLeaveSchema>;
