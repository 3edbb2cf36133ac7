import { describe, expect, test } from 'vitest';
import { INDICATORS, INDICATOR_BY_CODE, type IndicatorCode } from '../../src/quality/catalogue.js';
import { aggregateGaps } from '../../src/quality/aggregate.js';
import { TIER_HEADINGS } from '../../src/quality/sources.js';
import type { Gap } from '../../src/quality/types.js';

/**
 * Each indicator's tier and source, written out by hand from the regulations'
 * text (issue 13): only what the regulation itself requires is 党内法规;
 * the commission's thresholds, proxies and local frequencies are 本委工作要求.
 */
const TIAOLI = '《中国共产党支部工作条例（试行）》（2018年）';
const EXPECTED: Record<IndicatorCode, { tier: 'regulation' | 'commission'; cites: string[]; local?: RegExp }> = {
  secretary_dual_leader: { tier: 'commission', cites: ['《关于加强公立医院党的建设工作的意见》（2018年）', '“双带头人”培育工程'], local: /副高级以上职称.*平台认定口径/ },
  committee_complete: { tier: 'regulation', cites: [`${TIAOLI}第六章`, '3至5人组成，一般不超过7人'], local: /兼任/ },
  committee_term: { tier: 'regulation', cites: [`${TIAOLI}第六章`, '一般每届任期3年'], local: /3个月/ },
  committee_age: { tier: 'commission', cites: ['年龄结构偏大'], local: /50岁/ },
  secretary_party_age: { tier: 'regulation', cites: [`${TIAOLI}第六章`, '1年以上党龄', '《中国共产党章程》第七条'] },
  secretary_part_time: { tier: 'commission', cites: ['兼职较多'], local: /内设机构负责人职务不计入/ },
  general_meeting: { tier: 'regulation', cites: [`${TIAOLI}第十一条`, '一般每季度召开1次'] },
  committee_meeting: { tier: 'regulation', cites: [`${TIAOLI}第十二条`, '一般每月召开1次'] },
  group_meeting: { tier: 'regulation', cites: [`${TIAOLI}第十三条`, '党小组会一般每月召开1次'] },
  party_lecture: { tier: 'commission', cites: [`${TIAOLI}第十六条`, '按期参加', '党委（党组）书记每年至少讲1次党课'], local: /每季度.*“按期”/ },
  theme_day: { tier: 'regulation', cites: [`${TIAOLI}第五章`, '每月相对固定1天开展主题党日'] },
  life_meeting: { tier: 'regulation', cites: [`${TIAOLI}第五章`, '每年至少召开1次组织生活会'] },
  member_review: { tier: 'regulation', cites: [`${TIAOLI}第五章`, '一般每年开展1次民主评议党员'] },
  attendance: { tier: 'commission', cites: [`${TIAOLI}第十六条`], local: /80%/ },
  branch_size: { tier: 'regulation', cites: [`${TIAOLI}第二章`, '3人以上', '一般不超过50人'] },
  study_hours: { tier: 'commission', cites: ['《全国党员教育培训工作规划（2024—2028年）》'], local: /32学时.*56学时/ },
  recruitment: { tier: 'commission', cites: ['《中国共产党发展党员工作细则》'] },
  talent_recruitment: { tier: 'commission', cites: ['高层次人才'] },
  roster_complete: { tier: 'commission', cites: ['《中国共产党党员教育管理工作条例》'] },
  brand: { tier: 'commission', cites: ['品牌'], local: /离退休党支部默认不考核/ },
  secretary_project: { tier: 'commission', cites: ['书记项目'], local: /离退休党支部默认不考核/ },
  vanguard_post: { tier: 'commission', cites: ['党员先锋岗'], local: /离退休党支部默认不考核/ },
  unit_plan: { tier: 'commission', cites: ['年度党建工作计划'], local: /3月底/ },
  unit_full_time_worker: { tier: 'commission', cites: ['专职党务干部'] },
  unit_secretary_review: { tier: 'commission', cites: ['述职评议'], local: /次年第一季度/ },
  unit_responsibility: { tier: 'commission', cites: ['主体责任'], local: /序时进度/ },
};

describe('indicator sources and tiers', () => {
  test.each(INDICATORS.map((d) => [d.code, d] as const))('%s: tier and source', (code, d) => {
    const want = EXPECTED[code];
    expect(d.tier).toBe(want.tier);
    for (const c of want.cites) expect(d.source).toContain(c);
    if (want.local) expect(d.localRule ?? '').toMatch(want.local);
    // A commission rule is named as such; a source is one table, read by the catalogue.
    if (d.localRule) expect(d.localRule).toMatch(/^本委规则：/);
    expect(d.source.startsWith(d.basis)).toBe(true);
  });

  test('no citation names the expired 2019—2023 规划 as the source, or 第十五条 for the three meetings', () => {
    for (const d of INDICATORS) {
      expect(d.basis, d.code).not.toContain('2019—2023');
      expect(d.source, d.code).not.toContain('第十五条');
    }
    // The 副高 proxy is the platform's, not the 意见's words.
    expect(INDICATOR_BY_CODE.secretary_dual_leader.basis).not.toContain('副高');
  });

  test('every indicator is one of the two tiers a shortfall can have', () => {
    expect(INDICATORS.filter((d) => d.tier === 'regulation').map((d) => d.code).sort()).toEqual([
      'branch_size', 'committee_complete', 'committee_meeting', 'committee_term', 'general_meeting', 'group_meeting', 'life_meeting',
      'member_review', 'secretary_party_age', 'theme_day',
    ]);
  });
});

const gap = (code: IndicatorCode, tier: Gap['tier'], variant: string | null = null): Gap => ({
  code, tier, variant, severity: 'amber', message: 'x', source: '', recommendation: '', points: 0,
});

describe('aggregating gaps by tier', () => {
  test('expired terms and terms ending soon are two lines, each with its own phrase', () => {
    const lines = aggregateGaps([
      { orgId: 1, gaps: [gap('committee_term', 'regulation')] },
      { orgId: 2, gaps: [gap('committee_term', 'reminder')] },
      { orgId: 3, gaps: [gap('committee_term', 'reminder')] },
    ], undefined, { termWarnMonths: 3 });
    expect(lines.map((l) => [l.tier, l.text])).toEqual([
      ['regulation', '1个支部未按期换届'],
      ['reminder', '2个支部委员会任期将于3个月内届满'],
    ]);
  });

  test('a late plan is not counted as a missing one', () => {
    const lines = aggregateGaps([
      { orgId: 1, gaps: [gap('unit_plan', 'commission')] },
      { orgId: 2, gaps: [gap('unit_plan', 'commission', 'late')] },
      { orgId: 3, gaps: [gap('unit_plan', 'commission', 'late')] },
    ]);
    expect(lines.map((l) => l.text)).toEqual(['1家单位未制定年度党建工作计划', '2家单位逾期提交年度党建工作计划']);
  });

  test('the heading of each tier claims only that tier', () => {
    expect(TIER_HEADINGS.regulation).toBe('涉及违反党内法规制度的问题');
    expect(TIER_HEADINGS.commission).not.toContain('党内法规');
    expect(TIER_HEADINGS.reminder).not.toContain('问题');
  });
});

describe('tiers as scored', () => {
  const opts = { year: 2026, asOf: '2026-12-31' };
  test('an expired term is a 党内法规 problem; a term ending within the warning months is a reminder that costs nothing', async () => {
    const { branch } = await import('./builders.js');
    const { scoreBranch } = await import('../../src/quality/score.js');
    const { DEFAULT_RULES } = await import('../../src/quality/rules.js');
    const expired = scoreBranch(branch((f) => { f.committee!.electedDate = '2023-06-01'; }), DEFAULT_RULES, opts);
    expect(expired.gaps.find((g) => g.code === 'committee_term')).toMatchObject({ tier: 'regulation', severity: 'red' });
    const soon = scoreBranch(branch((f) => { f.committee!.electedDate = '2024-02-15'; }), DEFAULT_RULES, opts);
    expect(soon.gaps.find((g) => g.code === 'committee_term')).toMatchObject({ tier: 'reminder', points: 0 });
    expect(soon.total).toBe(100);
  });

  test('a branch without a 书记项目 is counted as 未确定, not as 推进滞后', async () => {
    const { branch } = await import('./builders.js');
    const { scoreBranch } = await import('../../src/quality/score.js');
    const { DEFAULT_RULES } = await import('../../src/quality/rules.js');
    const none = scoreBranch(branch((f) => { f.projects = []; }), DEFAULT_RULES, opts);
    expect(none.gaps.find((g) => g.code === 'secretary_project')).toMatchObject({ tier: 'commission', variant: 'missing' });
    expect(aggregateGaps([none]).find((l) => l.code === 'secretary_project')!.text).toBe('1个支部未确定年度书记项目');
  });
});
