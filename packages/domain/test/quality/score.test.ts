import { describe, expect, test } from 'vitest';
import { aggregateGaps } from '../../src/quality/aggregate.js';
import { INDICATOR_BY_CODE, type IndicatorCode } from '../../src/quality/catalogue.js';
import type { BranchFacts } from '../../src/quality/facts.js';
import { DEFAULT_RULES } from '../../src/quality/rules.js';
import { scoreBranch } from '../../src/quality/score.js';
import { AT_END, bornAged, branch, committeeOf, rulesWith, soundBranch, YEAR_END } from './builders.js';

const W = DEFAULT_RULES.dimensions;
const pts = (c: IndicatorCode) => DEFAULT_RULES.indicators[c].points;
const notDualLeader = (f: BranchFacts) => {
  const s = f.committee!.members.find((m) => m.role === 'secretary')!;
  s.isDeptHead = false;
  s.titleLevel = 'intermediate';
};
/** 6 full members: below the 支委会 threshold, one secretary, no 支委会 meetings. */
const noCommittee = (f: BranchFacts) => {
  f.members = f.members.slice(0, DEFAULT_RULES.params.committeeMinFullMembers - 1);
  f.committee = committeeOf(f.members, ['secretary']);
  f.meetings = f.meetings.filter((m) => m.type !== 'committee_meeting');
};

describe('a sound branch scores 100 whatever the as-of date', () => {
  test.each([
    [2026, '2026-01-15'], [2026, '2026-03-31'], [2026, '2026-04-01'], [2026, '2026-06-30'], [2026, '2026-07-01'],
    [2026, '2026-09-30'], [2026, '2026-10-01'], [2026, '2026-12-31'], [2025, '2026-04-01'], [2028, '2028-02-29'],
  ])('%i at %s', (year, asOf) => {
    const s = scoreBranch(soundBranch(year), DEFAULT_RULES, { year, asOf });
    expect(s.gaps).toEqual([]);
    expect(s.total).toBe(100);
  });
});

describe('a branch without 支委会', () => {
  const s = scoreBranch(branch(noCommittee), DEFAULT_RULES, AT_END);

  test('has no gap and no penalty, and its total is still out of 100', () => {
    expect(s.gaps).toEqual([]);
    expect(s.total).toBe(100);
    for (const c of ['committee_complete', 'committee_meeting', 'committee_age'] as const) {
      expect(s.indicators.find((i) => i.code === c)).toMatchObject({ status: 'na', possible: 0, earned: 0 });
    }
  });

  test('the dimensions shrink by the na indicators', () => {
    expect(s.dimensions.leadership.possible).toBe(100 - pts('committee_complete') - pts('committee_age'));
    expect(s.dimensions.political.possible).toBe(100 - pts('committee_meeting'));
  });

  test('a gap then weighs against the smaller possible', () => {
    const broken = scoreBranch(branch((f) => { noCommittee(f); notDualLeader(f); }), DEFAULT_RULES, AT_END);
    const possible = 100 - pts('committee_complete') - pts('committee_age');
    const lost = (W.leadership.weight * pts('secretary_dual_leader')) / possible;
    expect(broken.total).toBeCloseTo(100 - lost, 1);
    expect(broken.gaps[0]!.points).toBeCloseTo(lost, 1);
  });
});

describe('rules drive the score (no caching)', () => {
  const facts = branch(notDualLeader);

  test('default weights: the dual-leader gap costs leadership weight × its share', () => {
    const s = scoreBranch(facts, DEFAULT_RULES, AT_END);
    expect(s.total).toBeCloseTo(100 - (W.leadership.weight * pts('secretary_dual_leader')) / 100, 1);
    expect(s.dimensions.leadership.score).toBe(100 - pts('secretary_dual_leader'));
  });

  test('changing the weights changes the total', () => {
    const rules = rulesWith({ 'dimensions.leadership.weight': 40, 'dimensions.political.weight': 20 });
    const a = scoreBranch(facts, DEFAULT_RULES, AT_END).total;
    const b = scoreBranch(facts, rules, AT_END).total;
    expect(b).toBeCloseTo(100 - (40 * pts('secretary_dual_leader')) / 100, 1);
    expect(b).toBeLessThan(a);
  });

  test('changing an indicator\'s points changes its share', () => {
    const rules = rulesWith({ 'indicators.secretary_dual_leader.points': 40 });
    expect(scoreBranch(facts, rules, AT_END).total).toBeCloseTo(100 - (W.leadership.weight * 40) / 120, 1);
  });

  test('disabling the indicator removes the gap', () => {
    const s = scoreBranch(facts, rulesWith({ 'indicators.secretary_dual_leader.enabled': false }), AT_END);
    expect(s.total).toBe(100);
    expect(s.indicators.find((i) => i.code === 'secretary_dual_leader')).toMatchObject({ status: 'na', detail: '该指标已停用' });
  });

  test('raising committeeAvgAgeMax removes the age gap', () => {
    const old = branch((f) => { for (const m of f.committee!.members) m.birthDate = bornAged(YEAR_END, 51); });
    const before = scoreBranch(old, DEFAULT_RULES, AT_END);
    const after = scoreBranch(old, rulesWith({ 'params.committeeAvgAgeMax': 52 }), AT_END);
    expect(before.gaps.map((g) => g.code)).toEqual(['committee_age']);
    expect(after.gaps).toEqual([]);
    expect(after.total - before.total).toBeCloseTo((W.leadership.weight * pts('committee_age')) / 100, 1);
  });

  test('scoring does not touch the facts and repeats exactly', () => {
    const copy = structuredClone(facts);
    const a = scoreBranch(facts, DEFAULT_RULES, AT_END);
    expect(facts).toEqual(copy);
    expect(scoreBranch(facts, DEFAULT_RULES, AT_END)).toEqual(a);
  });
});

describe('totals and gap points', () => {
  const messy = branch((f) => {
    notDualLeader(f);
    f.brands = [];
    f.vanguardPosts = [];
    f.meetings = f.meetings.filter((m) => !(m.type === 'theme_day' && m.date < '2026-04-01'));
    f.members[11]!.studyHours = 5;
    f.committee!.electedDate = '2023-06-01';
  });
  const s = scoreBranch(messy, DEFAULT_RULES, AT_END);

  test('total plus the points of all gaps is 100', () => {
    const lost = s.gaps.reduce((n, g) => n + g.points, 0);
    expect(s.total + lost).toBeCloseTo(100, 0);
    expect(Math.abs(s.total + lost - 100)).toBeLessThanOrEqual(0.05 * s.gaps.length + 0.05);
  });

  test('each gap carries its source and recommendation; red ones come first', () => {
    for (const g of s.gaps) {
      expect(g.source).toBe(INDICATOR_BY_CODE[g.code].source);
      expect(g.recommendation).toBe(INDICATOR_BY_CODE[g.code].recommendation);
    }
    const firstAmber = s.gaps.findIndex((g) => g.severity === 'amber');
    expect(s.gaps.slice(firstAmber).every((g) => g.severity === 'amber')).toBe(true);
    expect(s.gaps.map((g) => g.message)).toContain('支部委员会任期已于2026年6月届满未换届');
    expect(s.gaps.map((g) => g.message)).toContain('2026年已到期的12次主题党日仅开展9次（1、2、3月未开展）');
  });

  test('a dimension with nothing due drops out and the others are re-weighted', () => {
    // 15 January, no meetings yet: nothing political is due, so the total rests on the other three dimensions.
    const f = branch((x) => { notDualLeader(x); x.meetings = []; });
    const early = scoreBranch(f, DEFAULT_RULES, { year: 2026, asOf: '2026-01-15' });
    expect(early.dimensions.political.applicable).toBe(false);
    const live = W.leadership.weight + W.team.weight + W.role.weight;
    expect(early.total).toBeCloseTo(100 - (W.leadership.weight / live) * pts('secretary_dual_leader'), 1);
    expect(early.gaps.map((g) => [g.code, g.points])).toEqual([['secretary_dual_leader', Math.round(10 * (100 - early.total)) / 10]]);
  });
});

test('a branch founded mid-year is judged from its founding', () => {
  const f = branch((x) => {
    x.foundedDate = '2026-05-15';
    x.meetings = x.meetings.filter((m) => m.date >= '2026-05-15');
  });
  const s = scoreBranch(f, DEFAULT_RULES, AT_END);
  expect(s.gaps).toEqual([]);
  expect(s.total).toBe(100);
  expect(s.indicators.find((i) => i.code === 'general_meeting')!.detail).toBe('2026年已到期的2次支部党员大会均已召开');
  expect(s.indicators.find((i) => i.code === 'theme_day')!.detail).toBe('2026年已到期的7次主题党日均已开展');
});

test('aggregateGaps counts branches per gap, in the survey\'s voice', () => {
  const scores = [
    scoreBranch({ ...branch(notDualLeader), orgId: 1 }, DEFAULT_RULES, AT_END),
    scoreBranch({ ...branch((f) => { notDualLeader(f); f.brands = []; }), orgId: 2 }, DEFAULT_RULES, AT_END),
    scoreBranch({ ...branch(), orgId: 3 }, DEFAULT_RULES, AT_END),
  ];
  const summary = aggregateGaps(scores);
  expect(summary.map((x) => [x.text, x.orgIds])).toEqual([
    ['2个支部书记非“双带头人”', [1, 2]],
    ['1个支部尚未创建党建品牌', [2]],
  ]);
  expect(aggregateGaps(scores, 'red').map((x) => x.code)).toEqual(['secretary_dual_leader']);
});

test.each(['2026-12-01', '2026-12-15', '2026-12-31'])('a sound branch founded on %s, judged the same month, is not judged on periods before it existed and never exceeds 100', (foundedDate) => {
  for (const asOf of [foundedDate, '2026-12-31']) {
    const f = branch((x) => {
      x.foundedDate = foundedDate;
      x.meetings = x.meetings.filter((m) => m.date >= foundedDate);
    });
    const s = scoreBranch(f, DEFAULT_RULES, { year: 2026, asOf });
    expect(s.total).toBeLessThanOrEqual(100);
    expect(s.gaps.filter((g) => g.tier !== 'reminder').map((g) => g.code).filter((c) => INDICATOR_BY_CODE[c as IndicatorCode]?.dimension === 'political')).toEqual([]);
    for (const d of Object.values(s.dimensions)) expect(d.score).toBeLessThanOrEqual(100);
  }
});
