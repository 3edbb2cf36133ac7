import { describe, expect, test } from 'vitest';
import type { UnitIndicatorCode } from '../../src/quality/catalogue.js';
import type { UnitFacts } from '../../src/quality/facts.js';
import { DEFAULT_RULES, type RuleSet } from '../../src/quality/rules.js';
import { scoreBranch } from '../../src/quality/score.js';
import type { IndicatorStatus, Severity } from '../../src/quality/types.js';
import { scoreUnit } from '../../src/quality/unit.js';
import { AT_END, branch, rulesWith, unit, YEAR } from './builders.js';

const P = DEFAULT_RULES.params;
const POINTS = (code: UnitIndicatorCode, rules = DEFAULT_RULES) => rules.indicators[code].points;

interface UnitRow {
  name: string;
  mutate?: (f: UnitFacts) => void;
  year?: number;
  asOf?: string;
  rules?: RuleSet;
  status: IndicatorStatus;
  severity: Severity | null;
  message?: string;
  credit?: number;
  scored?: boolean;
}

function expectUnitRow(code: UnitIndicatorCode, row: UnitRow) {
  const year = row.year ?? YEAR;
  const rules = row.rules ?? DEFAULT_RULES;
  const s = scoreUnit(unit(row.mutate, year), [], rules, { year, asOf: row.asOf ?? AT_END.asOf });
  const r = s.indicators.find((i) => i.code === code)!;
  const gap = s.gaps.find((g) => g.code === code);
  expect(r.status, r.detail).toBe(row.status);
  if (row.severity === null) expect(gap).toBeUndefined();
  else expect(gap?.severity, r.detail).toBe(row.severity);
  if (row.message) expect(gap?.message ?? r.detail).toBe(row.message);
  const scored = row.scored ?? row.status !== 'na';
  expect(r.possible).toBe(scored ? POINTS(code, rules) : 0);
  expect(r.earned).toBeCloseTo(scored ? POINTS(code, rules) * (row.credit ?? (row.status === 'met' ? 1 : 0)) : 0, 2);
}

const rows = (code: UnitIndicatorCode, list: UnitRow[]): [string, UnitIndicatorCode, UnitRow][] => list.map((r) => [`${code}: ${r.name}`, code, r]);

describe('unit indicators (责任落实)', () => {
  test.each([
    ...rows('unit_plan', [
      { name: '第一季度内提交', status: 'met', severity: null },
      { name: '3月31日提交', mutate: (f) => { f.plan = { submittedDate: '2026-03-31' }; }, status: 'met', severity: null },
      {
        name: '4月1日提交：晚交为黄色', mutate: (f) => { f.plan = { submittedDate: '2026-04-01' }; }, status: 'partial', severity: 'amber', credit: 0.5,
        message: '2026年度党建工作计划于2026年4月1日提交，晚于3月31日的期限',
      },
      { name: '没有计划：红色', mutate: (f) => { f.plan = null; }, status: 'unmet', severity: 'red', message: '2026年未制定年度党建工作计划' },
      {
        name: '期限前未交：黄色提示不扣分', mutate: (f) => { f.plan = null; }, asOf: '2026-03-30', status: 'partial', severity: 'amber', scored: false,
        message: '2026年度党建工作计划尚未提交（应于3月31日前提交）',
      },
      {
        name: '期限改为6月', mutate: (f) => { f.plan = { submittedDate: '2026-04-01' }; }, rules: rulesWith({ 'params.planDueMonth': 6 }),
        status: 'met', severity: null,
      },
    ]),
    ...rows('unit_full_time_worker', [
      { name: `配备${P.fullTimeWorkersMin}名`, status: 'met', severity: null },
      { name: '没有', mutate: (f) => { f.partyWorkers = []; }, status: 'unmet', severity: 'red', message: '未配备专职党务干部' },
      { name: '只有兼职', mutate: (f) => { f.partyWorkers[0]!.fullTime = false; }, status: 'unmet', severity: 'red' },
      { name: '已离岗', mutate: (f) => { f.partyWorkers[0]!.endDate = '2026-06-30'; }, status: 'unmet', severity: 'red' },
      { name: '年底才到岗也算当时在岗', mutate: (f) => { f.partyWorkers[0]!.startDate = '2026-12-31'; }, status: 'met', severity: null },
      {
        // 420 members at one per 200 → ceil(420/200) = 3 required.
        name: '按每200名党员1名：1/3', rules: rulesWith({ 'params.membersPerFullTimeWorker': 200 }), status: 'partial', severity: 'amber', credit: 1 / 3,
        message: '专职党务干部仅1名（按党员420名应配备3名）',
      },
      {
        name: '按每200名党员1名：3/3', rules: rulesWith({ 'params.membersPerFullTimeWorker': 200 }), status: 'met', severity: null,
        mutate: (f) => { f.partyWorkers = [1, 2, 3].map(() => ({ fullTime: true, startDate: '2024-01-01', endDate: null })); },
      },
    ]),
    ...rows('unit_secretary_review', [
      { name: '好', mutate: (f) => { f.reviewGrade = 'excellent'; }, status: 'met', severity: null },
      { name: '较好', status: 'met', severity: null },
      { name: '一般：黄色', mutate: (f) => { f.reviewGrade = 'fair'; }, status: 'partial', severity: 'amber', credit: 0.5, message: '2026年度党组织书记述职评议等次为“一般”' },
      { name: '差：红色', mutate: (f) => { f.reviewGrade = 'poor'; }, status: 'unmet', severity: 'red' },
      { name: '当年未评：年度未结束不考核', mutate: (f) => { f.reviewGrade = null; }, asOf: '2026-11-30', status: 'na', severity: null },
      {
        name: '年底未评：次年第一季度开展，列为提醒', mutate: (f) => { f.reviewGrade = null; }, asOf: '2026-12-31', status: 'partial', severity: 'amber', scored: false,
        message: '2026年度党组织书记述职评议尚未开展（应于2027年第一季度完成）',
      },
      {
        name: '次年3月仍未评：提醒', mutate: (f) => { f.reviewGrade = null; }, year: 2025, asOf: '2026-03-01', status: 'partial', severity: 'amber', scored: false,
        message: '2025年度党组织书记述职评议尚未开展（应于2026年第一季度完成）',
      },
      {
        name: '次年第一季度后仍未评：黄色', mutate: (f) => { f.reviewGrade = null; }, year: 2025, asOf: '2026-04-01', status: 'unmet', severity: 'amber',
        message: '2025年度未开展党组织书记抓党建述职评议',
      },
    ]),
    ...rows('unit_responsibility', [
      { name: '19项全部完成', status: 'met', severity: null },
      // Year end: 100% expected; 16/19 lags 15.8 points (≤ 20 → amber), 15/19 lags 21.1 (red).
      { name: '完成16/19：黄色', mutate: (f) => { f.responsibilityItems.done = 16; }, status: 'partial', severity: 'amber', credit: 16 / 19 },
      { name: '完成15/19：红色', mutate: (f) => { f.responsibilityItems.done = 15; }, status: 'partial', severity: 'red', credit: 15 / 19 },
      // 30 June: 6/12 of the year elapsed → 50% expected.
      { name: '6月30日完成10/19（52.6%）', mutate: (f) => { f.responsibilityItems.done = 10; }, asOf: '2026-06-30', status: 'met', severity: null },
      {
        name: '6月30日完成9/19（47.4%）', mutate: (f) => { f.responsibilityItems.done = 9; }, asOf: '2026-06-30', status: 'partial', severity: 'amber',
        credit: 9 / 19 / 0.5, message: '主体责任清单19项仅完成9项（47.4%），低于序时进度50%',
      },
      { name: '未建立清单', mutate: (f) => { f.responsibilityItems = { total: 0, done: 0 }; }, status: 'unmet', severity: 'amber' },
    ]),
  ])('%s', (_, code, row) => expectUnitRow(code, row));
});

describe('scoreUnit totals', () => {
  const w = DEFAULT_RULES.responsibilityWeight;
  const sound = scoreBranch(branch(), DEFAULT_RULES, AT_END);
  const weak = scoreBranch(branch((f) => { f.brands = []; f.meetings = f.meetings.filter((m) => m.type !== 'general_meeting'); }), DEFAULT_RULES, AT_END);

  test('total = (100 − w)% × branch mean + w% × 责任落实', () => {
    const noPlan = unit((f) => { f.plan = null; });
    const s = scoreUnit(noPlan, [sound, weak], DEFAULT_RULES, AT_END);
    const resp = 100 - POINTS('unit_plan');
    const mean = (sound.total + weak.total) / 2;
    expect(s.responsibility.score).toBe(resp);
    expect(s.branchAverage.total).toBeCloseTo(mean, 1);
    expect(s.total).toBeCloseTo(((100 - w) * mean + w * resp) / 100, 1);
    expect(s.branchCount).toBe(2);
    // The plan gap costs its share of the 责任落实 weight.
    expect(s.gaps.find((g) => g.code === 'unit_plan')?.points).toBeCloseTo((POINTS('unit_plan') / 100) * w, 1);
  });

  test('branch average per dimension', () => {
    const s = scoreUnit(unit(), [sound, weak], DEFAULT_RULES, AT_END);
    expect(s.branchAverage.political).toBeCloseTo((sound.dimensions.political.score + weak.dimensions.political.score) / 2, 1);
    expect(s.branchAverage.role).toBeCloseTo((100 + weak.dimensions.role.score) / 2, 1);
    expect(s.branchAverage.leadership).toBe(100);
  });

  test('a unit without scored branches is its 责任落实 score alone', () => {
    const s = scoreUnit(unit((f) => { f.partyWorkers = []; }), [], DEFAULT_RULES, AT_END);
    expect(s.total).toBe(100 - POINTS('unit_full_time_worker'));
    expect(s.branchAverage.total).toBeNull();
    expect(s.gaps[0]?.points).toBe(POINTS('unit_full_time_worker'));
  });

  test('raising the 责任落实 weight moves the total toward it', () => {
    const f = unit((x) => { x.plan = null; });
    const a = scoreUnit(f, [sound], DEFAULT_RULES, AT_END).total;
    const b = scoreUnit(f, [sound], rulesWith({ responsibilityWeight: 50 }), AT_END).total;
    expect(a).toBeCloseTo(100 - (w / 100) * POINTS('unit_plan'), 1);
    expect(b).toBeCloseTo(100 - 0.5 * POINTS('unit_plan'), 1);
  });
});
