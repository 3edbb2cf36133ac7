import dayjs, { type Dayjs } from 'dayjs';
import type { Education, Employment, Gender, JobCategory, MemberCategory, TitleLevel } from '@wj/domain';
import type { MemberDetail } from '@wj/domain/schemas';

/** What the member form holds: dates as Dayjs for the DatePickers, everything else as the API codes. */
export interface MemberFormValues {
  name?: string;
  gender?: Gender;
  ethnicity?: string;
  birthDate?: Dayjs | null;
  education?: Education;
  idNumber?: string;
  phone?: string | null;
  joinDate?: Dayjs | null;
  category?: MemberCategory;
  fullDate?: Dayjs | null;
  employment?: Employment;
  jobCategory?: JobCategory | null;
  titleLevel?: TitleLevel;
  department?: string | null;
  position?: string | null;
  isTalent?: boolean;
  isDeptHead?: boolean;
}

export const MEMBER_FORM_FIELDS = [
  'name', 'gender', 'ethnicity', 'birthDate', 'education', 'idNumber', 'phone', 'joinDate', 'category', 'fullDate',
  'employment', 'jobCategory', 'titleLevel', 'department', 'position', 'isTalent', 'isDeptHead',
] as const satisfies readonly (keyof MemberFormValues)[];

/** A new member starts with the commonest answers, so the form asks only what differs. */
export const NEW_MEMBER_VALUES: MemberFormValues = {
  ethnicity: '汉族', category: 'full', employment: 'in_service', titleLevel: 'none', isTalent: false, isDeptHead: false,
};

const toDay = (iso: string | null) => (iso ? dayjs(iso) : null);
export const toIso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

export function memberToFormValues(m: MemberDetail): MemberFormValues {
  return {
    name: m.name, gender: m.gender, ethnicity: m.ethnicity, birthDate: toDay(m.birthDate), education: m.education,
    idNumber: m.idNumber, phone: m.phone, joinDate: toDay(m.joinDate), category: m.category, fullDate: toDay(m.fullDate),
    employment: m.employment, jobCategory: m.jobCategory, titleLevel: m.titleLevel, department: m.department,
    position: m.position, isTalent: m.isTalent, isDeptHead: m.isDeptHead,
  };
}

/**
 * The request body before validation: the shared zod schema (MemberInputSchema
 * / MemberUpdateSchema) then checks it exactly as the API will. A 预备党员 has
 * no 转正日期, so a date left in the hidden field is not sent.
 */
export function formValuesToBody(v: MemberFormValues) {
  return {
    name: v.name ?? '',
    gender: v.gender,
    ethnicity: v.ethnicity,
    birthDate: toIso(v.birthDate),
    education: v.education,
    idNumber: v.idNumber ?? '',
    phone: v.phone ?? null,
    joinDate: toIso(v.joinDate),
    category: v.category,
    fullDate: v.category === 'probationary' ? null : (toIso(v.fullDate) ?? null),
    employment: v.employment,
    jobCategory: v.jobCategory ?? null,
    titleLevel: v.titleLevel ?? 'none',
    department: v.department ?? null,
    position: v.position ?? null,
    isTalent: Boolean(v.isTalent),
    isDeptHead: Boolean(v.isDeptHead),
  };
}

/** Birth date and sex as a 公民身份号码 encodes them (GB 11643: digits 7–14; the 17th is odd for men). */
export function idNumberFacts(id: string): { birthDate: Dayjs; gender: Gender } {
  return {
    birthDate: dayjs(`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`),
    gender: Number(id[16]) % 2 === 1 ? 'male' : 'female',
  };
}
