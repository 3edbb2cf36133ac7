import { describe, test } from 'vitest';
import type { BranchFacts, RecruitFact } from '../../src/quality/facts.js';
import { DEFAULT_RULES } from '../../src/quality/rules.js';
import { committeeOf, COMMITTEE_ROLES_SOUND, member } from './builders.js';
import { expectRow, table, type Row } from './harness.js';

const P = DEFAULT_RULES.params;
/** n members (the first `full` of them full, the rest probationary), committee re-elected among them. */
const roll = (n: number, full = n) => (f: BranchFacts) => {
  f.members = Array.from({ length: n }, (_, i) => member(i + 1, i < full ? {} : { category: 'probationary', fullDate: null }));
  f.committee = committeeOf(f.members, n >= P.committeeMinFullMembers ? COMMITTEE_ROLES_SOUND : ['secretary']);
};
/** Sound members 1–5 are the committee, 6–12 ordinary members. */
const hours = (byId: Record<number, number | null>) => (f: BranchFacts) => {
  for (const m of f.members) if (m.id in byId) m.studyHours = byId[m.id]!;
};
const recruit = (over: Partial<RecruitFact>): RecruitFact => ({
  stage: 'activist', status: 'active', isTalent: false, applicationDate: '2025-03-01', activistDate: '2025-09-01',
  candidateDate: null, probationaryDate: null, fullDate: null, ...over,
});

describe(`branch_size — 支部工作条例第二章: 正式党员${P.branchSizeMin}人以上, 一般不超过${P.branchSizeMax}人`, () => {
  const rows: Row[] = [
    { name: `${P.branchSizeMax}名党员`, mutate: roll(P.branchSizeMax), status: 'met', severity: null },
    {
      name: `${P.branchSizeMax + 1}名党员（“一般不超过”，黄色）`, mutate: roll(P.branchSizeMax + 1), status: 'partial', severity: 'amber', credit: 0.5,
      message: `支部党员51名，超过${P.branchSizeMax}名，应适时拆分`,
    },
    { name: `正式党员恰好${P.branchSizeMin}名`, mutate: roll(P.branchSizeMin), status: 'met', severity: null },
    {
      name: `正式党员${P.branchSizeMin - 1}名加1名预备党员`, mutate: roll(P.branchSizeMin, P.branchSizeMin - 1), status: 'unmet', severity: 'red',
      message: `支部正式党员仅2名，少于${P.branchSizeMin}名`,
    },
  ];
  test.each(table('branch_size', rows))('%s', (_, row) => expectRow('branch_size', row));
});

describe(`study_hours — 《2019—2023年全国党员教育培训工作规划》: 党员${P.studyHoursMember}学时, 班子成员${P.studyHoursCommittee}学时`, () => {
  const n = 12;
  const m = P.studyHoursMember;
  const c = P.studyHoursCommittee;
  const rows: Row[] = [
    { name: `普通党员恰好${m}学时`, mutate: hours({ 12: m }), status: 'met', severity: null },
    {
      name: `普通党员${m - 0.1}学时`, mutate: hours({ 12: m - 0.1 }), status: 'partial', severity: 'amber', credit: (n - 1) / n,
      message: `2026年有1名党员学习学时未达到要求（党员${m}学时、班子成员${c}学时）`,
    },
    { name: `支委恰好${c}学时`, mutate: hours({ 2: c }), status: 'met', severity: null },
    { name: `支委${c - 0.1}学时（虽超过${m}）`, mutate: hours({ 2: c - 0.1 }), status: 'partial', severity: 'amber', credit: (n - 1) / n },
    { name: '未登记学时按0计', mutate: hours({ 7: null }), status: 'partial', severity: 'amber', credit: (n - 1) / n },
    {
      // 9 of 12 reached: 75% is below the 80% warn line.
      name: '3名未达标：红色', mutate: hours({ 6: 10, 7: 10, 8: 10 }), status: 'partial', severity: 'red', credit: (n - 3) / n,
    },
    { name: '全体为0', mutate: hours(Object.fromEntries(Array.from({ length: n }, (_, i) => [i + 1, 0]))), status: 'unmet', severity: 'red' },
    // Pro-rated by ended months: 6 of 12 by 30 June.
    { name: `6月30日：${m / 2}学时即达进度`, mutate: hours({ 12: m / 2 }), asOf: '2026-06-30', status: 'met', severity: null },
    {
      name: `6月30日：${m / 2 - 0.1}学时未达进度`, mutate: hours({ 12: m / 2 - 0.1 }), asOf: '2026-06-30', status: 'partial', severity: 'amber', credit: (n - 1) / n,
      message: `截至2026年6月底有1名党员学习学时未达到要求（党员${m / 2}学时、班子成员${c / 2}学时）`,
    },
    { name: '1月30日：尚无到期要求', mutate: hours({ 12: 0 }), asOf: '2026-01-30', status: 'na', severity: null },
    { name: '7月1日成立：按6个月计', mutate: (f) => { f.foundedDate = '2026-07-01'; hours({ 12: m / 2 })(f); }, status: 'met', severity: null },
    { name: '往年按全年', mutate: hours({ 12: m - 0.1 }), year: 2025, asOf: '2026-05-01', status: 'partial', severity: 'amber', credit: (n - 1) / n },
  ];
  test.each(table('study_hours', rows))('%s', (_, row) => expectRow('study_hours', row));
});

describe('recruitment — 《中国共产党发展党员工作细则》: 有在培养的发展对象', () => {
  const rows: Row[] = [
    { name: '有积极分子', status: 'met', severity: null },
    { name: '有入党申请人', mutate: (f) => { f.recruits = [recruit({ stage: 'applicant', activistDate: null })]; }, status: 'met', severity: null },
    {
      name: '没有任何人', mutate: (f) => { f.recruits = []; }, status: 'unmet', severity: 'amber',
      message: '支部没有在培养的入党申请人、积极分子和发展对象，发展党员后继乏人',
    },
    { name: '只有已转正的', mutate: (f) => { f.recruits = [recruit({ stage: 'full', fullDate: '2026-05-01' })]; }, status: 'unmet', severity: 'amber' },
    { name: '培养已终止', mutate: (f) => { f.recruits = [recruit({ status: 'stopped' })]; }, status: 'unmet', severity: 'amber' },
    { name: '离退休支部不考核', mutate: (f) => { f.category = 'retired'; f.recruits = []; }, status: 'na', severity: null },
  ];
  test.each(table('recruitment', rows))('%s', (_, row) => expectRow('recruitment', row));
});

describe('talent_recruitment — 高层次人才“双培养”', () => {
  const rows: Row[] = [
    { name: '在培养高层次人才', status: 'met', severity: null },
    { name: '混合支部同样考核', mutate: (f) => { f.category = 'mixed'; }, status: 'met', severity: null },
    {
      name: '没有高层次人才', mutate: (f) => { f.recruits = [recruit({})]; }, status: 'unmet', severity: 'amber',
      message: '支部未将高层次人才纳入发展党员培养，“双培养”工作不足',
    },
    { name: '当年转正的人才也算', mutate: (f) => { f.recruits = [recruit({ isTalent: true, stage: 'full', fullDate: '2026-04-01' })]; }, status: 'met', severity: null },
    { name: '往年转正的不算', mutate: (f) => { f.recruits = [recruit({ isTalent: true, stage: 'full', fullDate: '2025-04-01' })]; }, status: 'unmet', severity: 'amber' },
    { name: '离退休支部不考核', mutate: (f) => { f.category = 'retired'; f.recruits = []; }, status: 'na', severity: null },
  ];
  test.each(table('talent_recruitment', rows))('%s', (_, row) => expectRow('talent_recruitment', row));
});

describe(`roster_complete — 党员信息完整, 低于${P.rosterShareWarn * 100}%为红色`, () => {
  const incomplete = (...ids: number[]) => (f: BranchFacts) => {
    for (const m of f.members) if (ids.includes(m.id)) m.rosterComplete = false;
  };
  const rows: Row[] = [
    { name: '全部完整', status: 'met', severity: null },
    {
      name: '1/12不完整（91.7%）', mutate: incomplete(12), status: 'partial', severity: 'amber', credit: 11 / 12,
      message: '1名党员花名册信息不完整（公民身份号码、联系电话、学历或岗位类别缺失）',
    },
    { name: '2/12不完整（83.3%）', mutate: incomplete(11, 12), status: 'partial', severity: 'red', credit: 10 / 12 },
  ];
  test.each(table('roster_complete', rows))('%s', (_, row) => expectRow('roster_complete', row));
});
