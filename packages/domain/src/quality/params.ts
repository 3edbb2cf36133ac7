import type { Dimension, IndicatorCode } from './catalogue.js';

/**
 * The editable thresholds and frequencies of the rule set, with what an admin
 * settings page needs to render and validate each one. Defaults follow the
 * documents cited in sources.ts; the ones marked 本委规则 are the
 * commission's own choices and are meant to be tuned.
 */
export interface ParamMeta {
  label: string;
  unit: string;
  min: number;
  max: number;
  integer: boolean;
  /** Stored as a ratio 0–1, shown as a percentage. */
  percent?: boolean;
  /** Meetings per year: must split the year into equal runs of months (periods.ts). */
  frequency?: boolean;
  group: Dimension;
  indicator?: IndicatorCode;
  default: number;
  hint?: string;
}

const freq = (label: string, indicator: IndicatorCode, def: number, hint: string): ParamMeta => ({
  label, unit: '次/年', min: 1, max: 366, integer: true, frequency: true, group: 'political', indicator, default: def, hint,
});

export const PARAMS = {
  // 支部班子强 — 《中国共产党支部工作条例（试行）》第六章; 《关于党的基层组织任期的意见》
  committeeMinFullMembers: { label: '设立支委会的正式党员人数', unit: '人', min: 1, max: 50, integer: true, group: 'leadership', indicator: 'committee_complete', default: 7, hint: '正式党员不足此数的支部只设书记，不考核支委会及支委会会议' },
  committeeSizeMin: { label: '支委会人数下限', unit: '人', min: 1, max: 15, integer: true, group: 'leadership', indicator: 'committee_complete', default: 3 },
  committeeSizeMax: { label: '支委会人数上限', unit: '人', min: 1, max: 15, integer: true, group: 'leadership', indicator: 'committee_complete', default: 7 },
  termYears: { label: '支委会每届任期', unit: '年', min: 1, max: 5, integer: true, group: 'leadership', indicator: 'committee_term', default: 3 },
  termWarnMonths: { label: '任期届满提前预警', unit: '个月', min: 0, max: 12, integer: true, group: 'leadership', indicator: 'committee_term', default: 3 },
  committeeAvgAgeMax: { label: '支委会平均年龄上限', unit: '岁', min: 20, max: 80, integer: false, group: 'leadership', indicator: 'committee_age', default: 50, hint: '本委规则' },
  secretaryPartyYearsMin: { label: '支部书记最低党龄', unit: '年', min: 0, max: 30, integer: true, group: 'leadership', indicator: 'secretary_party_age', default: 1 },
  otherPostsMax: { label: '班子成员兼任其他职务上限', unit: '个', min: 0, max: 10, integer: true, group: 'leadership', indicator: 'secretary_part_time', default: 1, hint: '本委规则；专职书记不受此限，“双带头人”要求的内设机构负责人职务不计入' },
  // 政治功能强 — 《中国共产党支部工作条例（试行）》第十一、十二、十三、十六条及第五章（党课每季度为本委规则）
  generalMeetingPerYear: freq('党员大会每年次数', 'general_meeting', 4, '每季度1次'),
  committeeMeetingPerYear: freq('支委会每年次数', 'committee_meeting', 12, '每月1次'),
  groupMeetingPerYear: freq('党小组会每年次数', 'group_meeting', 12, '每月1次'),
  partyLecturePerYear: freq('党课每年次数', 'party_lecture', 4, '本委规则：每季度1次（条例原文为“按期”）'),
  themeDayPerYear: freq('主题党日每年次数', 'theme_day', 12, '每月1次'),
  lifeMeetingPerYear: freq('组织生活会每年次数', 'life_meeting', 1, '每年1次，年底前召开'),
  memberReviewPerYear: freq('民主评议党员每年次数', 'member_review', 1, '每年1次，年底前开展'),
  attendanceMin: { label: '组织生活到会率达标线', unit: '%', min: 0, max: 1, integer: false, percent: true, group: 'political', indicator: 'attendance', default: 0.8, hint: '本委规则' },
  attendanceWarnMin: { label: '组织生活到会率预警线', unit: '%', min: 0, max: 1, integer: false, percent: true, group: 'political', indicator: 'attendance', default: 0.7, hint: '介于预警线与达标线之间为黄色预警' },
  // 党员队伍强 — 支部工作条例第二章; 学时为本委规则，默认沿用《2019—2023年全国党员教育培训工作规划》的32/56学时（现行《全国党员教育培训工作规划（2024—2028年）》）
  branchSizeMin: { label: '支部正式党员人数下限', unit: '人', min: 1, max: 100, integer: true, group: 'team', indicator: 'branch_size', default: 3 },
  branchSizeMax: { label: '支部党员人数上限', unit: '人', min: 1, max: 500, integer: true, group: 'team', indicator: 'branch_size', default: 50 },
  studyHoursMember: { label: '党员年度学习学时', unit: '学时', min: 1, max: 500, integer: false, group: 'team', indicator: 'study_hours', default: 32 },
  studyHoursCommittee: { label: '支委会成员年度学习学时', unit: '学时', min: 1, max: 500, integer: false, group: 'team', indicator: 'study_hours', default: 56 },
  studyShareWarn: { label: '学时达标人数比例预警线', unit: '%', min: 0, max: 1, integer: false, percent: true, group: 'team', indicator: 'study_hours', default: 0.8, hint: '达标比例低于此线为红色' },
  rosterShareWarn: { label: '党员信息完整比例预警线', unit: '%', min: 0, max: 1, integer: false, percent: true, group: 'team', indicator: 'roster_complete', default: 0.9, hint: '完整比例低于此线为红色' },
  // 作用发挥强 — survey practice
  annualSetupDueMonth: { label: '书记项目、先锋岗确定期限', unit: '月', min: 1, max: 12, integer: true, group: 'role', indicator: 'secretary_project', default: 3, hint: '当年该月底前未确定不计失分' },
  projectLagMax: { label: '书记项目进度落后容忍', unit: '百分点', min: 1, max: 100, integer: true, group: 'role', indicator: 'secretary_project', default: 30 },
  // 责任落实 (unit)
  planDueMonth: { label: '年度党建工作计划提交期限', unit: '月', min: 1, max: 12, integer: true, group: 'responsibility', indicator: 'unit_plan', default: 3, hint: '该月底前提交' },
  fullTimeWorkersMin: { label: '专职党务干部最少人数', unit: '人', min: 0, max: 50, integer: true, group: 'responsibility', indicator: 'unit_full_time_worker', default: 1 },
  membersPerFullTimeWorker: { label: '每多少名党员配备1名专职党务干部', unit: '人', min: 0, max: 10000, integer: true, group: 'responsibility', indicator: 'unit_full_time_worker', default: 0, hint: '0 表示不按比例，只看最少人数' },
  responsibilityLagMax: { label: '主体责任清单进度落后容忍', unit: '%', min: 0, max: 1, integer: false, percent: true, group: 'responsibility', indicator: 'unit_responsibility', default: 0.2, hint: '落后不超过此值为黄色，超过为红色' },
} satisfies Record<string, ParamMeta>;

export type ParamKey = keyof typeof PARAMS;
export type RuleParams = Record<ParamKey, number>;
export const PARAM_KEYS = Object.keys(PARAMS) as ParamKey[];

export function paramMeta(key: ParamKey): ParamMeta {
  return PARAMS[key];
}
