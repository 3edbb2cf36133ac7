import { REVIEW_GRADE_LABELS } from '../labels.js';
import { BRANCH_DIMENSIONS, UNIT_INDICATOR_CODES, type BranchDimension, type UnitIndicatorCode } from './catalogue.js';
import { EPS, fail, mean, met, na, remind } from './context.js';
import { fmtMd, fmtPct, fmtYmd, monthEnd } from './dates.js';
import type { UnitFacts } from './facts.js';
import { cutoffOf, endedMonths, isCurrentYear } from './periods.js';
import type { RuleParams } from './params.js';
import type { RuleSet } from './rules.js';
import { averageOf, evaluate, gapsOf, round1, tallyDimension } from './tally.js';
import type { BranchScore, Outcome, ScoreOptions, UnitScore } from './types.js';

/**
 * 责任落实: the unit-level indicators (DESIGN.md, "Unit indicators"), from
 * 《党委（党组）落实全面从严治党主体责任规定》(2020), 《关于加强公立医院党的建设工作的
 * 意见》(2018) and what the two surveys found (无年度计划, 无专职党务干部).
 */
interface UnitContext { facts: UnitFacts; p: RuleParams; year: number; asOf: string; cutoff: string; current: boolean }
type Check = (ctx: UnitContext) => Outcome;

/** The last day a year's 党建工作计划 is on time: the end of month planDueMonth (default 31 March). */
export function planDeadline(year: number, p: Pick<RuleParams, 'planDueMonth'>): string {
  return monthEnd(year, p.planDueMonth);
}

export type PlanStatus = 'on_time' | 'late' | 'missing' | 'not_due';

/**
 * A year's plan as judged at asOf: on time by the deadline, late after it,
 * missing once the deadline has passed without one, not due before that.
 * One rule for the score, the 年度计划 list and the report.
 */
export function planStatusOf(year: number, submittedDate: string | null, asOf: string, p: Pick<RuleParams, 'planDueMonth'>): PlanStatus {
  const deadline = planDeadline(year, p);
  if (submittedDate === null) return cutoffOf(year, asOf) < deadline ? 'not_due' : 'missing';
  return submittedDate <= deadline ? 'on_time' : 'late';
}

/** Plan due by the end of month planDueMonth (default: end of Q1). Late → amber; none after the deadline → red. */
const plan: Check = ({ facts, p, year, asOf }) => {
  const deadline = planDeadline(year, p);
  const status = planStatusOf(year, facts.plan?.submittedDate ?? null, asOf, p);
  if (status === 'not_due') return remind(`${year}年度党建工作计划尚未提交（应于${fmtMd(deadline)}前提交）`);
  if (status === 'missing' || !facts.plan) return fail('red', `${year}年未制定年度党建工作计划`);
  const submitted = facts.plan.submittedDate;
  if (status === 'on_time') return met(`${year}年度党建工作计划已于${fmtYmd(submitted)}提交`);
  return fail('amber', `${year}年度党建工作计划于${fmtYmd(submitted)}提交，晚于${fmtMd(deadline)}的期限`, 0.5, 'late');
};

/** At least fullTimeWorkersMin, and one per membersPerFullTimeWorker members when that ratio is set. */
export function requiredFullTimeWorkers(memberCount: number, p: RuleParams): number {
  const byRatio = p.membersPerFullTimeWorker > 0 ? Math.ceil(memberCount / p.membersPerFullTimeWorker) : 0;
  return Math.max(p.fullTimeWorkersMin, byRatio);
}

const fullTimeWorker: Check = ({ facts, p, cutoff }) => {
  const required = requiredFullTimeWorkers(facts.memberCount, p);
  if (required === 0) return na('未设专职党务干部配备要求');
  const n = facts.partyWorkers.filter((w) => w.fullTime && w.startDate <= cutoff && (w.endDate === null || w.endDate >= cutoff)).length;
  if (n >= required) return met(`配备专职党务干部${n}名`);
  const basis = required > 1 ? `（按党员${facts.memberCount}名应配备${required}名）` : '';
  if (n === 0) return fail('red', `未配备专职党务干部${basis}`);
  return fail('amber', `专职党务干部仅${n}名${basis}`, n / required);
};

/**
 * 述职评议: 好/较好 met; 一般 amber; 差 red. The review of year Y is held early
 * in Y+1 and recorded for Y: during Y a missing review is not due; from the
 * year's end to 31 March of Y+1 it is a reminder; after that it is amber.
 */
const secretaryReview: Check = ({ facts, year, asOf, cutoff }) => {
  const g = facts.reviewGrade;
  if (g === null) {
    if (cutoff < `${year}-12-31`) return na(`${year}年度党组织书记述职评议于${year + 1}年第一季度开展`);
    if (asOf <= monthEnd(year + 1, 3)) return remind(`${year}年度党组织书记述职评议尚未开展（应于${year + 1}年第一季度完成）`);
    return fail('amber', `${year}年度未开展党组织书记抓党建述职评议`, 0, 'missing');
  }
  const text = `${year}年度党组织书记述职评议等次为“${REVIEW_GRADE_LABELS[g]}”`;
  if (g === 'poor') return fail('red', text);
  if (g === 'fair') return fail('amber', text, 0.5);
  return met(text);
};

/** Share of 主体责任清单 items done, against the share of the year elapsed (whole year once over). */
const responsibility: Check = ({ facts, p, year, asOf, current }) => {
  const { total, done } = facts.responsibilityItems;
  if (total === 0) return fail('amber', `未建立${year}年度全面从严治党主体责任清单`);
  const expected = current ? endedMonths(year, asOf) / 12 : 1;
  const ratio = Math.min(1, done / total);
  const text = `主体责任清单${total}项已完成${done}项`;
  if (expected === 0) return na(`${text}，年初尚无进度要求`);
  if (ratio + EPS >= expected) return met(text);
  const message = current
    ? `主体责任清单${total}项仅完成${done}项（${fmtPct(ratio)}），低于序时进度${fmtPct(expected)}`
    : `${year}年主体责任清单${total}项仅完成${done}项`;
  return fail(expected - ratio <= p.responsibilityLagMax + EPS ? 'amber' : 'red', message, ratio / expected);
};

const CHECKS: Record<UnitIndicatorCode, Check> = {
  unit_plan: plan,
  unit_full_time_worker: fullTimeWorker,
  unit_secretary_review: secretaryReview,
  unit_responsibility: responsibility,
};

/**
 * Scores a unit: its own 责任落实 indicators, the mean of its branches per
 * dimension, and the unit total:
 *
 *   total = (100 − w)% × mean(branch totals) + w% × 责任落实 score,
 *   w = rules.responsibilityWeight (default 30).
 *
 * A unit with no scored branch is its 责任落实 score alone; a unit whose
 * 责任落实 has nothing applicable is its branch mean alone. Branches count
 * equally, whatever their size. `branchScores` must be this unit's branches,
 * scored with the same rules, year and as-of date.
 */
export function scoreUnit(facts: UnitFacts, branchScores: BranchScore[], rules: RuleSet, opts: ScoreOptions): UnitScore {
  const ctx: UnitContext = {
    facts, p: rules.params, year: opts.year, asOf: opts.asOf,
    cutoff: cutoffOf(opts.year, opts.asOf), current: isCurrentYear(opts.year, opts.asOf),
  };
  const evs = UNIT_INDICATOR_CODES.map((code) => evaluate(code, rules, () => CHECKS[code](ctx)));
  const resp = tallyDimension(evs, rules.responsibilityWeight);

  const avg = averageOf;
  const branchAverage = {
    total: avg(branchScores.map((b) => b.total)),
    ...Object.fromEntries(BRANCH_DIMENSIONS.map((d) => [
      d, avg(branchScores.filter((b) => b.dimensions[d].applicable).map((b) => b.dimensions[d].score)),
    ])),
  } as Record<BranchDimension | 'total', number | null>;

  const branchMean = branchScores.length ? mean(branchScores.map((b) => b.total)) : null;
  const w = resp.view.applicable ? (branchMean === null ? 100 : rules.responsibilityWeight) : 0;
  const total = branchMean === null ? (resp.view.applicable ? resp.raw : 100) : ((100 - w) * branchMean + w * resp.raw) / 100;

  return {
    orgId: facts.orgId,
    year: opts.year,
    asOf: opts.asOf,
    total: round1(total),
    responsibility: resp.view,
    branchAverage,
    branchCount: branchScores.length,
    indicators: evs.map((e) => e.result),
    gaps: gapsOf(evs, () => (resp.view.possible > 0 ? w / resp.view.possible : 0)),
  };
}
