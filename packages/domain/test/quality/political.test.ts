import { describe, test } from 'vitest';
import type { MeetingType } from '../../src/enums.js';
import type { BranchFacts } from '../../src/quality/facts.js';
import { DEFAULT_RULES } from '../../src/quality/rules.js';
import { committeeOf, member, rulesWith } from './builders.js';
import { expectRow, table, type Row } from './harness.js';

/**
 * 《中国共产党支部工作条例（试行）》第十五、十六条 and 第五章. The sound branch
 * holds: 党员大会 and 党课 in Feb/May/Aug/Nov, 支委会, 党小组会 and 主题党日 every
 * month, 组织生活会 and 民主评议 in June.
 */
const P = DEFAULT_RULES.params;
const monthOf = (date: string) => Number(date.slice(5, 7));
const drop = (type: MeetingType, ...months: number[]) => (f: BranchFacts) => {
  f.meetings = f.meetings.filter((m) => !(m.type === type && (months.length === 0 || months.includes(monthOf(m.date)))));
};
const smallBranch = (f: BranchFacts) => {
  f.members = f.members.slice(0, P.committeeMinFullMembers - 1);
  f.committee = committeeOf(f.members, ['secretary']);
};
/** A row that names its indicator; the test title is its name. */
type Coded<C> = Omit<Row, 'name'> & { code: C };
const everyMeeting = (expected: number, present: number) => (f: BranchFacts) => {
  f.meetings = f.meetings.map((m) => ({ ...m, expected, present }));
};

describe('general_meeting — 每季度1次, checked per quarter', () => {
  const rows: Row[] = [
    { name: '四个季度都开了', status: 'met', severity: null },
    { name: '第三季度没开', mutate: drop('general_meeting', 8), status: 'partial', severity: 'red', message: '2026年第三季度未召开支部党员大会', credit: 3 / 4 },
    { name: '第一、三季度没开', mutate: drop('general_meeting', 2, 8), status: 'partial', severity: 'red', message: '2026年第一、三季度未召开支部党员大会', credit: 2 / 4 },
    { name: '全年没开', mutate: drop('general_meeting'), status: 'unmet', severity: 'red', message: '2026年第一、二、三、四季度未召开支部党员大会' },
    {
      name: '次数够但集中在一季度：第二季度仍缺', status: 'partial', severity: 'red', message: '2026年第二季度未召开支部党员大会', credit: 3 / 4,
      mutate: (f) => { for (const m of f.meetings) if (m.type === 'general_meeting' && m.date === '2026-05-10') m.date = '2026-03-10'; },
    },
    // Pro-rating: a quarter is due once its last day is reached.
    { name: '9月29日：第三季度未结束，不算缺', mutate: drop('general_meeting', 8), asOf: '2026-09-29', status: 'met', severity: null, message: '2026年已到期的2次支部党员大会均已召开' },
    { name: '9月30日：第三季度到期', mutate: drop('general_meeting', 8), asOf: '2026-09-30', status: 'partial', severity: 'red', credit: 2 / 3 },
    { name: '3月30日：尚无到期', mutate: drop('general_meeting'), asOf: '2026-03-30', status: 'na', severity: null },
    { name: '3月31日：第一季度到期', mutate: drop('general_meeting'), asOf: '2026-03-31', status: 'unmet', severity: 'red', message: '2026年第一季度未召开支部党员大会' },
    { name: '4月1日：仍只第一季度到期', mutate: drop('general_meeting', 5), asOf: '2026-04-01', status: 'met', severity: null },
    { name: '6月30日：两次到期', mutate: drop('general_meeting', 5), asOf: '2026-06-30', status: 'partial', severity: 'red', credit: 1 / 2 },
    { name: '7月1日：仍是两次', mutate: drop('general_meeting', 8), asOf: '2026-07-01', status: 'met', severity: null, message: '2026年已到期的2次支部党员大会均已召开' },
    {
      name: '往年整年评判', mutate: drop('general_meeting', 11), year: 2025, asOf: '2026-02-01',
      status: 'partial', severity: 'red', message: '2025年第四季度未召开支部党员大会', credit: 3 / 4,
    },
    {
      name: '规则改为每半年1次', mutate: drop('general_meeting', 2, 5), rules: rulesWith({ 'params.generalMeetingPerYear': 2 }),
      status: 'partial', severity: 'red', message: '2026年上半年未召开支部党员大会', credit: 1 / 2,
    },
    {
      name: '年中成立的支部只评成立后的季度', mutate: (f) => { f.foundedDate = '2026-05-15'; drop('general_meeting', 2, 5)(f); },
      status: 'met', severity: null, message: '2026年已到期的2次支部党员大会均已召开',
    },
  ];
  test.each(table('general_meeting', rows))('%s', (_, row) => expectRow('general_meeting', row));
});

describe('theme_day — 每月1次, months end on their real last day', () => {
  const rows: Row[] = [
    {
      name: '缺3、5、8月', mutate: drop('theme_day', 3, 5, 8), status: 'partial', severity: 'red', credit: 9 / 12,
      message: '2026年已到期的12次主题党日仅开展9次（3、5、8月未开展）',
    },
    { name: '2026-02-27：2月未结束', mutate: drop('theme_day', 2), asOf: '2026-02-27', status: 'met', severity: null },
    { name: '2026-02-28：平年2月结束', mutate: drop('theme_day', 2), asOf: '2026-02-28', status: 'partial', severity: 'red', credit: 1 / 2 },
    { name: '2028-02-28：闰年2月未结束', mutate: drop('theme_day', 2), year: 2028, asOf: '2028-02-28', status: 'met', severity: null },
    {
      name: '2028-02-29：闰年2月结束', mutate: drop('theme_day', 2), year: 2028, asOf: '2028-02-29', status: 'partial', severity: 'red', credit: 1 / 2,
      message: '2028年已到期的2次主题党日仅开展1次（2月未开展）',
    },
    {
      name: '5月15日成立：从6月起评，7个月', mutate: (f) => { f.foundedDate = '2026-05-15'; drop('theme_day', 1, 2, 3, 4, 5, 9)(f); },
      status: 'partial', severity: 'red', credit: 6 / 7, message: '2026年已到期的7次主题党日仅开展6次（9月未开展）',
    },
  ];
  test.each(table('theme_day', rows))('%s', (_, row) => expectRow('theme_day', row));
});

describe('committee_meeting / group_meeting / party_lecture', () => {
  const rows: [string, Coded<'committee_meeting' | 'group_meeting' | 'party_lecture'>][] = [
    ['不设支委会的支部不考核支委会', { code: 'committee_meeting', mutate: (f) => { smallBranch(f); drop('committee_meeting')(f); }, status: 'na', severity: null }],
    [`正式党员${P.committeeMinFullMembers}名必须开支委会`, {
      code: 'committee_meeting', status: 'unmet', severity: 'red',
      mutate: (f) => { f.members = f.members.slice(0, P.committeeMinFullMembers); drop('committee_meeting')(f); },
    }],
    ['支委会缺一个月', {
      code: 'committee_meeting', mutate: drop('committee_meeting', 7), status: 'partial', severity: 'red', credit: 11 / 12,
      message: '2026年已到期的12次支委会仅召开11次（7月未召开）',
    }],
    ['规则改为每月2次支委会', {
      code: 'committee_meeting', rules: rulesWith({ 'params.committeeMeetingPerYear': 24 }), asOf: '2026-03-31',
      status: 'partial', severity: 'red', credit: 3 / 6, message: '2026年已到期的6次支委会仅召开3次（1、2、3月不足2次）',
    }],
    ['未划分党小组不考核党小组会', { code: 'group_meeting', mutate: (f) => { f.hasGroups = false; drop('group_meeting')(f); }, status: 'na', severity: null }],
    ['有党小组却没开会', { code: 'group_meeting', mutate: drop('group_meeting'), status: 'unmet', severity: 'red' }],
    ['第四季度没上党课', { code: 'party_lecture', mutate: drop('party_lecture', 11), status: 'partial', severity: 'red', credit: 3 / 4, message: '2026年第四季度未组织党课' }],
  ];
  test.each(rows)('%s', (name, row) => expectRow(row.code, { ...row, name }));
});

describe('life_meeting / member_review — 每年1次, due when the year is over', () => {
  const rows: [string, Coded<'life_meeting' | 'member_review'>][] = [
    ['6月已开：当年即得分', { code: 'life_meeting', asOf: '2026-07-01', status: 'met', severity: null }],
    ['9月30日未开：不扣分、不提示', { code: 'life_meeting', mutate: drop('life_meeting'), asOf: '2026-09-30', status: 'na', severity: null }],
    ['10月1日未开：黄色提示，不扣分', {
      code: 'life_meeting', mutate: drop('life_meeting'), asOf: '2026-10-01', status: 'partial', severity: 'amber', scored: false,
      message: '2026年度组织生活会尚未召开，应于年底前完成',
    }],
    ['12月31日未开：到期，红色', { code: 'life_meeting', mutate: drop('life_meeting'), status: 'unmet', severity: 'red', message: '2026年未召开组织生活会' }],
    ['往年未开', { code: 'life_meeting', mutate: drop('life_meeting'), year: 2025, asOf: '2026-03-01', status: 'unmet', severity: 'red', message: '2025年未召开组织生活会' }],
    ['年中成立当年不考核', { code: 'life_meeting', mutate: (f) => { f.foundedDate = '2026-03-01'; drop('life_meeting')(f); }, status: 'na', severity: null }],
    ['未开展民主评议', { code: 'member_review', mutate: drop('member_review'), status: 'unmet', severity: 'red', message: '2026年未开展民主评议党员' }],
  ];
  test.each(rows)('%s', (name, row) => expectRow(row.code, { ...row, name }));
});

describe(`attendance — 平均到会率不低于${P.attendanceMin * 100}%，${P.attendanceWarnMin * 100}%—${P.attendanceMin * 100}%为黄色`, () => {
  const rows: Row[] = [
    { name: '80%', mutate: everyMeeting(10, 8), status: 'met', severity: null },
    { name: '79%', mutate: everyMeeting(100, 79), status: 'partial', severity: 'amber', credit: 0.5, message: '2026年组织生活平均到会率79%，低于80%' },
    { name: '70%', mutate: everyMeeting(10, 7), status: 'partial', severity: 'amber', credit: 0.5 },
    { name: '69%', mutate: everyMeeting(100, 69), status: 'unmet', severity: 'red', message: '2026年组织生活平均到会率69%，低于80%' },
    { name: '达标线降到75%', mutate: everyMeeting(100, 79), rules: rulesWith({ 'params.attendanceMin': 0.75 }), status: 'met', severity: null },
    { name: '没有会议记录', mutate: (f) => { f.meetings = []; }, asOf: '2026-01-31', status: 'na', severity: null },
  ];
  test.each(table('attendance', rows))('%s', (_, row) => expectRow('attendance', row));
});

describe('a branch without 支委会 is not penalised for 支委会 meetings', () => {
  test.each(table('committee_meeting', [
    { name: `${P.committeeMinFullMembers - 1}名正式党员加1名预备党员`, status: 'na', severity: null, mutate: (f) => {
      smallBranch(f);
      f.members.push(member(99, { category: 'probationary', fullDate: null }));
      drop('committee_meeting')(f);
    } },
  ]))('%s', (_, row) => expectRow('committee_meeting', row));
});
