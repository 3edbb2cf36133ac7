import { describe, test } from 'vitest';
import type { CommitteeRole } from '../../src/enums.js';
import type { BranchFacts } from '../../src/quality/facts.js';
import { DEFAULT_RULES } from '../../src/quality/rules.js';
import { bornAged, committeeOf, COMMITTEE_ROLES_SOUND, member, rulesWith, YEAR_END } from './builders.js';
import { expectRow, table, type Row } from './harness.js';

const P = DEFAULT_RULES.params;
const sec = (f: BranchFacts) => f.committee!.members.find((m) => m.role === 'secretary')!;
/** Keep the first n members (all full) and elect `roles` among them. */
const sized = (n: number, roles: CommitteeRole[] = COMMITTEE_ROLES_SOUND) => (f: BranchFacts) => {
  f.members = Array.from({ length: n }, (_, i) => member(i + 1, i === 0 ? { isDeptHead: true } : {}));
  f.committee = committeeOf(f.members, roles, f.committee!.electedDate);
};
const elected = (date: string, termYears = 3) => (f: BranchFacts) => { f.committee!.electedDate = date; f.committee!.termYears = termYears; };
/** Committee members' ages on 31 Dec, as [years, extra days]. */
const aged = (...ages: [number, number][]) => (f: BranchFacts) => {
  f.committee!.members = f.committee!.members.slice(0, ages.length).map((m, i) => ({ ...m, birthDate: bornAged(YEAR_END, ...ages[i]!) }));
};

describe('secretary_dual_leader — 《关于加强公立医院党的建设工作的意见》双带头人', () => {
  const rows: Row[] = [
    { name: '内设机构负责人', mutate: (f) => { sec(f).isDeptHead = true; sec(f).titleLevel = 'junior'; }, status: 'met', severity: null },
    { name: '正高职称', mutate: (f) => { sec(f).isDeptHead = false; sec(f).titleLevel = 'senior'; }, status: 'met', severity: null },
    { name: '副高职称', mutate: (f) => { sec(f).isDeptHead = false; sec(f).titleLevel = 'deputy_senior'; }, status: 'met', severity: null },
    {
      name: '中级职称且非负责人', mutate: (f) => { sec(f).isDeptHead = false; sec(f).titleLevel = 'intermediate'; },
      status: 'unmet', severity: 'red', message: '支部书记既非内设机构负责人也无副高以上职称，不是“双带头人”',
    },
    { name: '班子里没有书记', mutate: (f) => { sec(f).role = 'deputy_secretary'; }, status: 'unmet', severity: 'red', message: '支部班子中没有支部书记' },
    { name: '没有选举', mutate: (f) => { f.committee = null; }, status: 'unmet', severity: 'red', message: '支部未选举产生支部书记' },
    {
      name: '离退休支部不考核', mutate: (f) => { f.category = 'retired'; sec(f).isDeptHead = false; sec(f).titleLevel = 'none'; },
      status: 'na', severity: null,
    },
    { name: '离退休支部没有书记仍是红色', mutate: (f) => { f.category = 'retired'; f.committee = null; }, status: 'unmet', severity: 'red' },
  ];
  test.each(table('secretary_dual_leader', rows))('%s', (_, row) => expectRow('secretary_dual_leader', row));
});

describe('committee_complete — 支部工作条例第六章: 7名正式党员以上设支委会, 3—7人, 组织/宣传/纪检', () => {
  const min = P.committeeMinFullMembers;
  const rows: Row[] = [
    { name: `正式党员恰好${min}名，支委会齐全`, mutate: sized(min), status: 'met', severity: null },
    { name: `正式党员${min - 1}名：不设支委会，不考核`, mutate: sized(min - 1, ['secretary']), status: 'na', severity: null },
    {
      name: `${min - 1}名正式党员加3名预备党员仍不设支委会`,
      mutate: (f) => { sized(min - 1, ['secretary'])(f); f.members.push(...[90, 91, 92].map((id) => member(id, { category: 'probationary', fullDate: null }))); },
      status: 'na', severity: null,
    },
    { name: '应设未设', mutate: (f) => { f.committee = null; }, status: 'unmet', severity: 'red', message: `支部有正式党员12名，应设立支委会而未设立` },
    {
      name: `只有${P.committeeSizeMin - 1}人`, mutate: sized(12, ['secretary', 'organization']),
      status: 'unmet', severity: 'red', message: `支委会仅2人，少于${P.committeeSizeMin}人；支委会缺少宣传委员、纪检委员`,
    },
    { name: '3人缺纪检委员', mutate: sized(12, ['secretary', 'organization', 'propaganda']), status: 'unmet', severity: 'red', message: '支委会缺少纪检委员' },
    // 兼任: a lawful 3-person committee with the secretary also 纪检委员 is complete.
    {
      name: '3人、书记兼纪检委员：齐全', mutate: (f) => { sized(12, ['secretary', 'organization', 'propaganda'])(f); sec(f).alsoRoles = ['discipline']; },
      status: 'met', severity: null,
    },
    { name: '4人齐全', mutate: sized(12, ['secretary', 'organization', 'propaganda', 'discipline']), status: 'met', severity: null },
    {
      name: `恰好${P.committeeSizeMax}人`, mutate: sized(12, [...COMMITTEE_ROLES_SOUND, 'deputy_secretary', 'other']),
      status: 'met', severity: null,
    },
    {
      name: `${P.committeeSizeMax + 1}人（“一般不超过7人”，黄色）`, mutate: sized(12, [...COMMITTEE_ROLES_SOUND, 'deputy_secretary', 'other', 'other']),
      status: 'partial', severity: 'amber', message: `支委会8人，超过${P.committeeSizeMax}人`, credit: 0.5,
    },
  ];
  test.each(table('committee_complete', rows))('%s', (_, row) => expectRow('committee_complete', row));
});

describe('committee_term — 《关于党的基层组织任期的意见》: 3年一届, 届满前3个月预警', () => {
  // At 31 Dec 2026: a term that ends before that day has expired; one ending by 31 Mar 2027 is at risk.
  const rows: Row[] = [
    { name: '2025年选举，任期内', status: 'met', severity: null },
    { name: '2023年3月15日选举，已届满', mutate: elected('2023-03-15'), status: 'unmet', severity: 'red', message: '支部委员会任期已于2026年3月届满未换届' },
    { name: '届满日前一天', mutate: elected('2023-12-30'), status: 'unmet', severity: 'red', message: '支部委员会任期已于2026年12月届满未换届' },
    {
      name: '届满日当天：尚未届满，黄色预警不扣分', mutate: elected('2023-12-31'), status: 'partial', severity: 'amber', credit: 1,
      message: '支部委员会任期将于2026年12月31日届满，应及早做好换届准备',
    },
    { name: '3个月后届满：预警', mutate: elected('2024-03-31'), status: 'partial', severity: 'amber', credit: 1 },
    { name: '3个月零1天后届满：正常', mutate: elected('2024-04-01'), status: 'met', severity: null },
    {
      name: '记录任期2年短于规则，按2年算', mutate: elected('2024-06-01', 2), status: 'unmet', severity: 'red',
      message: '支部委员会任期已于2026年6月届满未换届',
    },
    {
      name: '不设支委会的支部称“支部书记任期”', mutate: (f) => { sized(5, ['secretary'])(f); elected('2022-09-01')(f); },
      status: 'unmet', severity: 'red', message: '支部书记任期已于2025年9月届满未换届',
    },
    { name: '从未选举', mutate: (f) => { f.committee = null; }, status: 'unmet', severity: 'red', message: '支部未按规定选举产生支部委员会（书记）' },
    {
      name: '规则改为2年一届', mutate: elected('2024-06-01'), rules: rulesWith({ 'params.termYears': 2 }),
      status: 'unmet', severity: 'red', message: '支部委员会任期已于2026年6月届满未换届',
    },
    {
      name: '评往年（2025）按年底判断：2026年3月届满属预警', mutate: elected('2023-03-15'), year: 2025, asOf: '2026-06-01',
      status: 'partial', severity: 'amber', credit: 1,
    },
  ];
  test.each(table('committee_term', rows))('%s', (_, row) => expectRow('committee_term', row));
});

describe(`committee_age — 支委会平均年龄不超过${P.committeeAvgAgeMax}岁（平台规则）`, () => {
  const max = P.committeeAvgAgeMax;
  const rows: Row[] = [
    { name: `平均恰好${max}岁`, mutate: aged([max, 0], [max, 0], [max, 0], [max, 0], [max, 0]), status: 'met', severity: null },
    { name: `${max - 5}与${max + 5}岁，平均${max}岁`, mutate: aged([max - 5, 0], [max + 5, 0]), status: 'met', severity: null },
    {
      // One member half a year older lifts the mean of five by ≈0.1 year.
      name: `平均约${max}.1岁`, mutate: aged([max, 0], [max, 0], [max, 0], [max, 0], [max, 183]),
      status: 'unmet', severity: 'red', message: `支委会成员平均年龄50.1岁，超过${max}岁，年龄结构偏大`,
    },
    {
      name: '上限提高到52岁后不再是问题', mutate: aged([max, 0], [max, 0], [max, 0], [max, 0], [max, 183]),
      rules: rulesWith({ 'params.committeeAvgAgeMax': 52 }), status: 'met', severity: null,
    },
    { name: '离退休支部不考核', mutate: (f) => { f.category = 'retired'; aged([70, 0], [72, 0])(f); }, status: 'na', severity: null },
    { name: '不设支委会不考核', mutate: (f) => { sized(5, ['secretary'])(f); aged([60, 0])(f); }, status: 'na', severity: null },
  ];
  test.each(table('committee_age', rows))('%s', (_, row) => expectRow('committee_age', row));
});

describe(`secretary_party_age — 书记党龄不少于${P.secretaryPartyYearsMin}年，党龄自转正之日算起`, () => {
  const fullOn = (date: string | null, category: 'full' | 'probationary' = 'full') => (f: BranchFacts) => {
    f.members[0] = { ...f.members[0]!, fullDate: date, category };
  };
  const rows: Row[] = [
    { name: '2025-12-31转正，至2026-12-31恰满1年', mutate: fullOn('2025-12-31'), status: 'met', severity: null },
    {
      name: '2026-01-01转正，差1天', mutate: fullOn('2026-01-01'), status: 'unmet', severity: 'red',
      message: '支部书记党龄不足1年（2026年1月转为正式党员）',
    },
    { name: '预备党员', mutate: fullOn(null, 'probationary'), status: 'unmet', severity: 'red', message: '支部书记为预备党员，尚无党龄' },
    {
      name: '花名册无转正日期：按入党满1年推算', mutate: (f) => { fullOn(null)(f); sec(f).joinDate = '2025-12-31'; f.members[0]!.fullDate = null; },
      status: 'unmet', severity: 'red', message: '支部书记党龄不足1年（2026年12月转为正式党员）',
    },
    { name: '没有书记时由“双带头人”指标报告', mutate: (f) => { f.committee = null; }, status: 'na', severity: null },
  ];
  test.each(table('secretary_party_age', rows))('%s', (_, row) => expectRow('secretary_party_age', row));
});

describe(`secretary_part_time — 调研“班子成员兼职较多”：兼任其他职务不超过${P.otherPostsMax}个`, () => {
  const posts = (secretary: number, fullTime = false, others = 0, deptHead = false) => (f: BranchFacts) => {
    for (const m of f.committee!.members) {
      if (m.role === 'secretary') { m.otherPosts = secretary; m.fullTime = fullTime; m.isDeptHead = deptHead; } else m.otherPosts = others;
    }
  };
  const rows: Row[] = [
    { name: `书记兼职${P.otherPostsMax}个`, mutate: posts(P.otherPostsMax), status: 'met', severity: null },
    {
      name: `书记兼职${P.otherPostsMax + 1}个`, mutate: posts(P.otherPostsMax + 1), status: 'unmet', severity: 'red',
      message: `支部书记兼任其他职务2个（不含内设机构负责人），超过${P.otherPostsMax}个，难以集中精力抓党建`,
    },
    // 双带头人 asks for the 科主任 post: it is not counted as 兼职.
    { name: '书记为科主任另兼1个：不计科主任', mutate: posts(P.otherPostsMax + 1, false, 0, true), status: 'met', severity: null },
    {
      name: '书记为科主任另兼2个', mutate: posts(P.otherPostsMax + 2, false, 0, true), status: 'unmet', severity: 'red',
      message: `支部书记兼任其他职务2个（不含内设机构负责人），超过${P.otherPostsMax}个，难以集中精力抓党建`,
    },
    { name: '专职书记不受限', mutate: posts(3, true), status: 'met', severity: null },
    {
      name: '委员兼职过多：黄色', mutate: posts(1, false, P.otherPostsMax + 1), status: 'partial', severity: 'amber', credit: 0.5,
      message: `支委会中4名委员兼任其他职务超过${P.otherPostsMax}个`,
    },
    { name: '上限改为2个', mutate: posts(2), rules: rulesWith({ 'params.otherPostsMax': 2 }), status: 'met', severity: null },
    { name: '未配备班子', mutate: (f) => { f.committee = null; }, status: 'na', severity: null },
  ];
  test.each(table('secretary_part_time', rows))('%s', (_, row) => expectRow('secretary_part_time', row));
});
