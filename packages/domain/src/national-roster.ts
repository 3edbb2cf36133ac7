import type { Education, Employment, Gender, JobCategory, MemberCategory, TitleLevel } from './enums.js';
import {
  EDUCATION_LABELS, EMPLOYMENT_LABELS, GENDER_LABELS, JOB_CATEGORY_LABELS, MEMBER_CATEGORY_LABELS, TITLE_LEVEL_LABELS,
} from './labels.js';

/**
 * The words the 全国党员管理信息系统 (and offices keeping its export) write,
 * mapped onto the product's codes. The import accepts every spelling below;
 * the export writes the first, "national" word of each code, so a file moves
 * between the two systems without retyping.
 */

/** 党籍状态 as the national system records it. */
export const PARTY_STANDINGS = ['normal', 'suspended', 'probation'] as const;
export type PartyStanding = (typeof PARTY_STANDINGS)[number];
export const PARTY_STANDING_LABELS: Record<PartyStanding, string> = { normal: '正常', suspended: '停止党籍', probation: '留党察看' };

/** 工作岗位 = 离退休人员 says 离退休 (employment), not a job: its job category stays empty. */
export const RETIRED_JOB = 'retired_staff';
export const RETIRED_JOB_WORD = '离退休人员';

/** 工作岗位 in the national system's words (what the export writes). */
export const NATIONAL_JOB_WORDS: Record<JobCategory, string> = {
  doctor: '医生', nurse: '护士', technician: '医技人员', pharmacist: '药剂人员', management: '管理人员', logistics: '工勤技能人员',
};

export type VocabularyField = 'gender' | 'education' | 'category' | 'jobCategory' | 'employment' | 'titleLevel' | 'partyStanding';

type Codes = {
  gender: Gender; education: Education; category: MemberCategory; jobCategory: JobCategory | typeof RETIRED_JOB;
  employment: Employment; titleLevel: TitleLevel; partyStanding: PartyStanding;
};

const invert = (labels: Record<string, string>) => Object.fromEntries(Object.entries(labels).map(([code, label]) => [label, code]));

/** Word → code, per field. Keys are compared after removing spaces. */
const WORDS: { [F in VocabularyField]: Record<string, Codes[F]> } = {
  gender: { ...invert(GENDER_LABELS) as Record<string, Gender>, 男性: 'male', 女性: 'female' },
  education: {
    ...invert(EDUCATION_LABELS) as Record<string, Education>,
    博士: 'postgraduate_doctor', 博士研究生毕业: 'postgraduate_doctor', 研究生博士: 'postgraduate_doctor',
    研究生: 'postgraduate_master', 硕士: 'postgraduate_master', 硕士研究生毕业: 'postgraduate_master', 研究生硕士: 'postgraduate_master',
    本科: 'bachelor', 大学: 'bachelor', 大学本科毕业: 'bachelor', 大专: 'college', 专科: 'college', 大学专科毕业: 'college',
    中专: 'secondary', 中等专科: 'secondary', 中等专业学校: 'secondary', 中技: 'secondary', 技工学校: 'secondary', 技校: 'secondary',
    高中: 'secondary', 普通高中: 'secondary', 职业高中: 'secondary', 中专及高中: 'secondary',
    初中: 'below', 小学: 'below', 初中及以下: 'below', 小学及以下: 'below',
  },
  category: { ...invert(MEMBER_CATEGORY_LABELS) as Record<string, MemberCategory>, 正式: 'full', 预备: 'probationary' },
  jobCategory: {
    ...invert(NATIONAL_JOB_WORDS) as Record<string, JobCategory>,
    ...invert(JOB_CATEGORY_LABELS) as Record<string, JobCategory>,
    医师: 'doctor', 临床医生: 'doctor', 医疗人员: 'doctor', 执业医师: 'doctor',
    护师: 'nurse', 护理: 'nurse', 护理人员: 'nurse',
    医技: 'technician', 技师: 'technician', 医技技术人员: 'technician', 检验人员: 'technician',
    药剂: 'pharmacist', 药师: 'pharmacist', 药学人员: 'pharmacist', 药学技术人员: 'pharmacist',
    行政: 'management', 行政管理: 'management', 行政管理人员: 'management', 管理岗位: 'management', 党务人员: 'management',
    工勤: 'logistics', 工勤人员: 'logistics', 工勤技能岗位: 'logistics', 后勤人员: 'logistics',
    [RETIRED_JOB_WORD]: RETIRED_JOB, 离休人员: RETIRED_JOB, 退休人员: RETIRED_JOB, 离退休: RETIRED_JOB,
  },
  employment: { ...invert(EMPLOYMENT_LABELS) as Record<string, Employment>, 在岗: 'in_service', 离休: 'retired', 退休: 'retired' },
  titleLevel: {
    ...invert(TITLE_LEVEL_LABELS) as Record<string, TitleLevel>, 正高级: 'senior', 副高级: 'deputy_senior', 无职称: 'none',
    高级: 'deputy_senior', 未评定: 'none',
  },
  partyStanding: { ...invert(PARTY_STANDING_LABELS) as Record<string, PartyStanding>, 停止: 'suspended' },
};

/** The words named in a problem message and offered in the template's drop-downs. */
const CANONICAL: Record<VocabularyField, string[]> = {
  gender: Object.values(GENDER_LABELS),
  education: ['博士研究生', '硕士研究生', '研究生', '大学本科', '大学专科', '中专', '高中', '初中及以下'],
  category: Object.values(MEMBER_CATEGORY_LABELS),
  jobCategory: [...Object.values(NATIONAL_JOB_WORDS), RETIRED_JOB_WORD],
  employment: Object.values(EMPLOYMENT_LABELS),
  titleLevel: Object.values(TITLE_LEVEL_LABELS),
  partyStanding: Object.values(PARTY_STANDING_LABELS),
};

/** The code for a word as written in a roster cell, or undefined when the word is not known. */
export function codeOfWord<F extends VocabularyField>(field: F, text: string): Codes[F] | undefined {
  const key = text.replace(/\s+/g, '').replace(/[（(].*[）)]$/, '');
  return Object.hasOwn(WORDS[field], key) ? WORDS[field][key] : undefined;
}

export const acceptedWords = (field: VocabularyField): readonly string[] => CANONICAL[field];

/** What the export writes for a stored code: the national word where that system has one. */
export function nationalWord(field: VocabularyField, code: string): string {
  if (field === 'jobCategory') return NATIONAL_JOB_WORDS[code as JobCategory] ?? code;
  const labels: Record<Exclude<VocabularyField, 'jobCategory'>, Record<string, string>> = {
    gender: GENDER_LABELS, education: EDUCATION_LABELS, category: MEMBER_CATEGORY_LABELS, employment: EMPLOYMENT_LABELS,
    titleLevel: TITLE_LEVEL_LABELS, partyStanding: PARTY_STANDING_LABELS,
  };
  return labels[field][code] ?? code;
}
