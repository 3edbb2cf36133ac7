import {
  aggregateGaps, BRANCH_DIMENSIONS, gradeOf, INDICATOR_BY_CODE, isProblem, meanOfTenths, tenthsOf, type BranchDimension, type Gap, type RuleParams, type Tier,
} from '@wj/domain/quality';
import type { Dashboard, DimensionAverages, UnitScoreRow } from '@wj/domain/schemas';
import type { YearScores } from './service.js';
import type { UnitGroup } from './unit-groups.js';

/**
 * Everything the dashboard sums, for one unit's scores (unit-groups.ts):
 * computed once per group and kept with it, so a dashboard after a write
 * costs one unit's subtotals plus a sum over the units, not a pass over every
 * branch of the commission per unit.
 */
export interface UnitPart {
  branchCount: number;
  inService: number;
  retired: number;
  totalSum: number;
  belowPass: number;
  grades: { good: number; fair: number; poor: number };
  buckets: number[];
  dimSum: Record<BranchDimension, number>;
  dimCount: Record<BranchDimension, number>;
  /** Problems (not reminders) of the branches: 问题数. */
  problems: number;
  branchGaps: GapTally[];
  unitGaps: GapTally[];
  /** The unit's row (null: the unit itself was not scored). */
  row: UnitScoreRow | null;
  /** The unit's entry of the dashboard's ranking (null with row). */
  rank: Dashboard['unitRanking'][number] | null;
  /** The unit's 四强 averages over its branches (the unit's detail carries them: views.ts unitDimensions). */
  dims: UnitDims | null;
}

/** A unit's 四强 averages as kept with its subtotals (score-store.ts): with its id and short name, as they always were. */
export type UnitDims = { orgId: number; name: string } & DimensionAverages;

/** One 问题清单 line's share of one unit, placed by org id (the domain's counting rule: aggregateGaps.tally). */
export type GapTally = ReturnType<typeof aggregateGaps.tally>[number];

export const BUCKETS = [[0, 60], [60, 70], [70, 80], [80, 90], [90, 100.01]] as const;
export const problemCount = (gaps: Gap[]) => gaps.filter(isProblem).length;

const zeroDims = () => Object.fromEntries(BRANCH_DIMENSIONS.map((d) => [d, 0])) as Record<BranchDimension, number>;
/** A mean of one-decimal scores from their (float) sum: as every other average, in tenths (averageOf). */
export const dimMean = (sum: number, n: number) => meanOfTenths(tenthsOf(sum), n);

/** Tallies gaps per line over scores in id order, each org placed by its id so that units' tallies merge in id order. */
const tallyGaps = (scores: { orgId: number; gaps: Gap[] }[]): GapTally[] => aggregateGaps.tally(scores, { placeBy: 'orgId' });

const parts = new WeakMap<UnitGroup, UnitPart>();

/** A tally as kept: [code|tier|variant, count, red, amber, first org, first gap]. */
type KeptTally = [string, number, number, number, number, number];

/** A unit's subtotals as kept in its quality_scores row (score-store.ts): the tallies as arrays. */
export type KeptPart = Omit<UnitPart, 'branchGaps' | 'unitGaps'> & { branchGaps: KeptTally[]; unitGaps: KeptTally[] };

export function keptPart(p: UnitPart): KeptPart {
  const rows = (ts: GapTally[]) => ts.map((t): KeptTally => [t.key, t.count, t.red, t.amber, t.firstOrg, t.firstGap]);
  return { ...p, branchGaps: rows(p.branchGaps), unitGaps: rows(p.unitGaps) };
}

export function partFromKept(k: KeptPart): UnitPart {
  const tallies = (rows: KeptTally[]) => rows.map(([key, count, red, amber, firstOrg, firstGap]): GapTally => {
    const [code, tier, variant] = key.split('|') as [GapTally['code'], Tier, string];
    return { key, code, tier, variant: variant || null, count, red, amber, firstOrg, firstGap };
  });
  return { ...k, branchGaps: tallies(k.branchGaps), unitGaps: tallies(k.unitGaps) };
}

/** Gives a group read back from the kept details the subtotals kept with it (computed from the same scores). */
export function seedPart(group: UnitGroup, part: UnitPart): void {
  parts.set(group, part);
}

/** The subtotals of one group under the year's rules and names; memoised on the group object. */
export function partOf(ys: Pick<YearScores, 'rules' | 'memberCounts' | 'orgs'>, group: UnitGroup): UnitPart {
  let p = parts.get(group);
  if (!p) parts.set(group, (p = computePart(ys, group)));
  return p;
}

export function computePart(ys: Pick<YearScores, 'rules' | 'memberCounts' | 'orgs'>, group: UnitGroup): UnitPart {
  const rules = ys.rules.rules;
  const p: UnitPart = {
    branchCount: group.branches.length, inService: 0, retired: 0, totalSum: 0, belowPass: 0,
    grades: { good: 0, fair: 0, poor: 0 }, buckets: BUCKETS.map(() => 0), dimSum: zeroDims(), dimCount: zeroDims(), problems: 0,
    branchGaps: tallyGaps(group.branches), unitGaps: group.unit ? tallyGaps([group.unit]) : [], row: null, rank: null, dims: null,
  };
  for (const b of group.branches) {
    const c = ys.memberCounts.get(b.orgId);
    if (c) { p.inService += c.inService; p.retired += c.retired; }
    p.totalSum += b.total;
    if (b.total < rules.passLine) p.belowPass++;
    p.grades[gradeOf(b.total, rules)]++;
    BUCKETS.forEach(([from, to], i) => { if (b.total >= from && b.total < to) p.buckets[i]!++; });
    for (const d of BRANCH_DIMENSIONS) {
      if (!b.dimensions[d].applicable) continue;
      p.dimSum[d] += b.dimensions[d].score;
      p.dimCount[d]++;
    }
    p.problems += problemCount(b.gaps);
  }
  const u = group.unit;
  const o = u ? ys.orgs.get(u.orgId) : undefined;
  if (u && o) {
    p.row = {
      orgId: u.orgId, name: o.name, institutionName: o.institutionName, institutionType: o.institutionType,
      total: u.total, grade: gradeOf(u.total, rules), responsibility: u.responsibility, branchAverage: u.branchAverage,
      branchCount: u.branchCount, gapCount: problemCount(u.gaps), redCount: u.gaps.filter(isProblem).filter((g) => g.severity === 'red').length,
      reminderCount: u.gaps.length - problemCount(u.gaps), branchGapCount: p.problems,
    };
    p.rank = { orgId: u.orgId, name: o.name, institutionName: o.institutionName, total: u.total, grade: p.row.grade };
    p.dims = { orgId: u.orgId, name: o.institutionName ?? o.name, ...Object.fromEntries(BRANCH_DIMENSIONS.map((d) => [d, dimMean(p.dimSum[d], p.dimCount[d])])) } as UnitDims;
  }
  return p;
}

/**
 * The dashboard's 问题清单 lines (without their org lists) from the units'
 * tallies, in the order gapLines lists them: per catalogue code, lines in the
 * order they first appear among the orgs (by id), unit lines before branch
 * lines; then lineOrder.
 */
export function linesFromTallies(params: RuleParams, unitTallies: GapTally[][], branchTallies: GapTally[][]): Dashboard['topGaps'] {
  return linesFromMerged(params, aggregateGaps.merge(unitTallies), aggregateGaps.merge(branchTallies));
}

/** The same from the tallies already merged over the units (commission-totals.ts keeps them so). */
export function linesFromMerged(params: RuleParams, unitTallies: GapTally[], branchTallies: GapTally[]): Dashboard['topGaps'] {
  const lines = (merged: GapTally[], level: 'branch' | 'unit'): Dashboard['topGaps'] => aggregateGaps.lines(merged, params).map((g) => {
    const def = INDICATOR_BY_CODE[g.code];
    return {
      code: g.code, level, dimension: def.dimension, name: def.name, source: def.source, recommendation: def.recommendation,
      tier: g.tier, variant: g.variant, basis: def.basis, localRule: def.localRule,
      count: g.count, red: g.red, amber: g.amber, text: g.text, severity: g.red > 0 ? 'red' as const : 'amber' as const,
    };
  });
  return [...lines(unitTallies, 'unit'), ...lines(branchTallies, 'branch')].sort(lineOrder);
}

const TIER = { regulation: 0, commission: 1, reminder: 2 } as const;

/** The 问题清单's order: problems before reminders, 党内法规 before 本委工作要求, red before amber, the most organisations first. */
export const lineOrder = (a: { tier: Tier; severity: 'red' | 'amber'; count: number }, b: { tier: Tier; severity: 'red' | 'amber'; count: number }) =>
  TIER[a.tier] - TIER[b.tier] || (a.severity === b.severity ? b.count - a.count : a.severity === 'red' ? -1 : 1);
