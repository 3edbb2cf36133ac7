import { BRANCH_DIMENSIONS, BRANCH_INDICATOR_CODES, type BranchDimension, type BranchIndicatorCode } from './catalogue.js';
import { branchContext, type BranchContext, type ScorePath } from './context.js';
import type { BranchFacts } from './facts.js';
import { LEADERSHIP_CHECKS } from './leadership.js';
import { POLITICAL_CHECKS } from './political.js';
import { ROLE_CHECKS } from './role.js';
import type { RuleSet } from './rules.js';
import { evaluate, gapsOf, round1, tallyDimension, type DimensionTally } from './tally.js';
import { TEAM_CHECKS } from './team.js';
import type { BranchScore, DimensionScore, Outcome, ScoreOptions } from './types.js';

const CHECKS: Record<BranchIndicatorCode, (ctx: BranchContext) => Outcome> = {
  ...LEADERSHIP_CHECKS, ...POLITICAL_CHECKS, ...TEAM_CHECKS, ...ROLE_CHECKS,
};

/**
 * Scores one branch for a year as of a date (DESIGN.md, "The quality model").
 *
 * - Indicator: points × credit; 'na' and not-yet-due indicators put nothing
 *   at stake, so a branch without a 支委会 is not penalised for lacking
 *   支委会 meetings.
 * - Dimension: 100 × earned / possible over its applicable indicators.
 * - Total: Σ weight × dimension score / Σ weight, over the dimensions with
 *   anything applicable — always out of 100.
 * - Gap points: what each gap costs in the total; the total plus all gap
 *   points is 100 (up to rounding).
 *
 * Pure: the same facts, rules and options always give the same score.
 * `path` 'plain' reads every record for every check, as the model is written
 * down; the default 'fast' path gives the same score from shared period
 * tables and per-month tallies (context.ts) — the tests hold the two equal.
 */
export function scoreBranch(facts: BranchFacts, rules: RuleSet, opts: ScoreOptions, path: ScorePath = 'fast'): BranchScore {
  const ctx = branchContext(facts, rules, opts, path);
  const evs = BRANCH_INDICATOR_CODES.map((code) => evaluate(code, rules, () => CHECKS[code](ctx)));

  const tallies = Object.fromEntries(BRANCH_DIMENSIONS.map((d) => [
    d, tallyDimension(evs.filter((e) => e.result.dimension === d), rules.dimensions[d].weight),
  ])) as Record<BranchDimension, DimensionTally>;
  const live = BRANCH_DIMENSIONS.filter((d) => tallies[d].view.applicable);
  const liveWeight = live.reduce((s, d) => s + rules.dimensions[d].weight, 0);
  const total = liveWeight > 0 ? live.reduce((s, d) => s + rules.dimensions[d].weight * tallies[d].raw, 0) / liveWeight : 100;

  const gaps = gapsOf(evs, (e) => {
    const t = tallies[e.result.dimension as BranchDimension];
    return liveWeight > 0 && t.view.possible > 0 ? (t.view.weight / liveWeight) * (100 / t.view.possible) : 0;
  });

  return {
    orgId: facts.orgId,
    year: opts.year,
    asOf: opts.asOf,
    total: round1(total),
    dimensions: Object.fromEntries(BRANCH_DIMENSIONS.map((d) => [d, tallies[d].view])) as Record<BranchDimension, DimensionScore>,
    indicators: evs.map((e) => e.result),
    gaps,
  };
}
