import { INDICATOR_BY_CODE, type IndicatorCode } from './catalogue.js';
import { na } from './context.js';
import type { RuleSet } from './rules.js';
import type { DimensionScore, Gap, IndicatorResult, Outcome } from './types.js';

/** Points arithmetic shared by branch and unit scoring. Rounding happens only on output. */
export interface Evaluated {
  result: IndicatorResult;
  outcome: Outcome;
  earned: number;
}

export const round1 = (x: number): number => Math.round((x + Number.EPSILON) * 10) / 10;
/**
 * The mean of one-decimal scores to one decimal, exactly and half up: summed in tenths (integers), so that
 * 60.3 and 73.6 give 67.0 on the dashboard, in 历年对比, in a unit's row and in the report alike (a float sum
 * lands just below 66.95 and rounds down). Null over nothing.
 */
export const meanOfTenths = (sumTenths: number, n: number): number | null => (n ? Math.round(sumTenths / n) / 10 : null);
/** A one-decimal score in tenths (exact for the sums of such scores too). */
export const tenthsOf = (x: number): number => Math.round(x * 10);
/** The average of one-decimal scores (meanOfTenths over their tenths). */
export const averageOf = (xs: readonly number[]): number | null => meanOfTenths(xs.reduce((s, x) => s + tenthsOf(x), 0), xs.length);
export const round2 = (x: number): number => Math.round((x + Number.EPSILON) * 100) / 100;

/** Runs one check (unless the indicator is disabled) and attaches its points from the rule set. */
export function evaluate(code: IndicatorCode, rules: RuleSet, check: () => Outcome): Evaluated {
  const rule = rules.indicators[code];
  const outcome = rule.enabled ? check() : na('该指标已停用');
  const scored = rule.enabled && (outcome.scored ?? outcome.status !== 'na');
  const possible = scored ? rule.points : 0;
  const earned = possible * Math.min(1, Math.max(0, outcome.credit));
  return {
    outcome, earned,
    result: { code, dimension: INDICATOR_BY_CODE[code].dimension, status: outcome.status, earned: round2(earned), possible, detail: outcome.detail },
  };
}

/** Raw (unrounded) score alongside the rounded view. */
export interface DimensionTally { view: DimensionScore; raw: number }

export function tallyDimension(evs: Evaluated[], weight: number): DimensionTally {
  const earned = evs.reduce((s, e) => s + e.earned, 0);
  const possible = evs.reduce((s, e) => s + e.result.possible, 0);
  const applicable = possible > 0;
  const raw = applicable ? (100 * earned) / possible : 100;
  return { raw, view: { score: round1(raw), weight, earned: round2(earned), possible, applicable } };
}

/**
 * One gap per indicator that found something. `lossFactor` turns an
 * indicator's lost points into points of the organisation's total.
 */
export function gapsOf(evs: Evaluated[], lossFactor: (e: Evaluated) => number): Gap[] {
  const gaps: Gap[] = [];
  for (const e of evs) {
    const g = e.outcome.gap;
    if (!g) continue;
    const def = INDICATOR_BY_CODE[e.result.code];
    gaps.push({
      code: def.code, severity: g.severity, message: g.message, source: def.source, recommendation: def.recommendation,
      points: round1((e.result.possible - e.earned) * lossFactor(e)),
      tier: g.reminder ? 'reminder' : def.tier,
      variant: g.variant ?? null,
    });
  }
  // Problems before reminders, red before amber, then the costliest first; ties keep catalogue order.
  const rank = (g: Gap) => (g.tier === 'reminder' ? 2 : 0) + (g.severity === 'red' ? 0 : 1);
  return gaps.sort((a, b) => rank(a) - rank(b) || b.points - a.points);
}
