import {
  BRANCH_DIMENSIONS, gapPhraseOf, gradeOf, INDICATOR_BY_CODE, INDICATORS, isProblem, type BranchDimension, type BranchScore, type Gap, type IndicatorCode, type Tier,
} from '@wj/domain/quality';
import type { Dashboard, UnitScoreRow } from '@wj/domain/schemas';
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
  /** The unit's 四强 averages over its branches. */
  dims: Dashboard['unitDimensions'][number] | null;
}

/** One 问题清单 line's share of one unit: what aggregateGaps counts, plus where the line first appears (it lists lines in that order). */
export interface GapTally {
  /** code|tier|variant: one line of the 问题清单. */
  key: string;
  code: IndicatorCode;
  tier: Tier;
  variant: string | null;
  count: number;
  red: number;
  amber: number;
  /** The first org (in id order) with this line, and the index of the gap in its list. */
  firstOrg: number;
  firstGap: number;
}

export const BUCKETS = [[0, 60], [60, 70], [70, 80], [80, 90], [90, 100.01]] as const;
export const round1 = (n: number) => Math.round(n * 10) / 10;
export const problemCount = (gaps: Gap[]) => gaps.filter(isProblem).length;

const zeroDims = () => Object.fromEntries(BRANCH_DIMENSIONS.map((d) => [d, 0])) as Record<BranchDimension, number>;
export const dimMean = (sum: number, n: number) => (n ? round1(sum / n) : null);

/** Tallies gaps per code, tier and variant over scores in id order; each org counts once per line, red/amber count gaps. */
export function tallyGaps(scores: { orgId: number; gaps: Gap[] }[]): GapTally[] {
  const out = new Map<string, GapTally & { lastOrg: number }>();
  for (const s of scores) {
    s.gaps.forEach((g, i) => {
      const key = `${g.code}|${g.tier}|${g.variant ?? ''}`;
      let t = out.get(key);
      if (!t) out.set(key, (t = { key, code: g.code, tier: g.tier, variant: g.variant ?? null, count: 0, red: 0, amber: 0, firstOrg: s.orgId, firstGap: i, lastOrg: NaN }));
      if (t.lastOrg !== s.orgId) t.count++;
      t.lastOrg = s.orgId;
      if (g.severity === 'red') t.red++;
      else if (g.severity === 'amber') t.amber++;
    });
  }
  return [...out.values()].map(({ lastOrg: _l, ...t }) => t);
}

const parts = new WeakMap<UnitGroup, UnitPart>();

/** The subtotals of one group under the year's rules and names; memoised on the group object. */
export function partOf(ys: YearScores, group: UnitGroup): UnitPart {
  let p = parts.get(group);
  if (!p) parts.set(group, (p = computePart(ys, group)));
  return p;
}

export function computePart(ys: YearScores, group: UnitGroup): UnitPart {
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
    p.dims = { orgId: u.orgId, name: o.institutionName ?? o.name, ...Object.fromEntries(BRANCH_DIMENSIONS.map((d) => [d, dimMean(p.dimSum[d], p.dimCount[d])])) } as Dashboard['unitDimensions'][number];
  }
  return p;
}

const CATALOGUE_ORDER = new Map(INDICATORS.map((d, i) => [d.code, i]));

/**
 * The dashboard's 问题清单 lines (without their org lists) from the units'
 * tallies, in the order gapLines lists them: per catalogue code, lines in the
 * order they first appear among the orgs (by id), unit lines before branch
 * lines; then problems before reminders, 党内法规 before 本委工作要求, red
 * before amber, the most organisations first.
 */
export function linesFromTallies(ys: YearScores, unitTallies: GapTally[][], branchTallies: GapTally[][]): Dashboard['topGaps'] {
  const params = ys.rules.rules.params;
  const merge = (lists: GapTally[][], level: 'branch' | 'unit'): Dashboard['topGaps'] => {
    const all = new Map<string, GapTally>();
    for (const list of lists) for (const t of list) {
      const m = all.get(t.key);
      if (!m) { all.set(t.key, { ...t }); continue; }
      m.count += t.count; m.red += t.red; m.amber += t.amber;
      if (t.firstOrg < m.firstOrg || (t.firstOrg === m.firstOrg && t.firstGap < m.firstGap)) { m.firstOrg = t.firstOrg; m.firstGap = t.firstGap; }
    }
    return [...all.values()]
      .filter((t) => CATALOGUE_ORDER.has(t.code))
      .sort((a, b) => CATALOGUE_ORDER.get(a.code)! - CATALOGUE_ORDER.get(b.code)! || a.firstOrg - b.firstOrg || a.firstGap - b.firstGap)
      .map((t) => {
        const def = INDICATOR_BY_CODE[t.code];
        return {
          code: t.code, level, dimension: def.dimension, name: def.name, source: def.source, recommendation: def.recommendation,
          tier: t.tier, variant: t.variant, basis: def.basis, localRule: def.localRule,
          count: t.count, red: t.red, amber: t.amber, text: `${t.count}${gapPhraseOf(def, t.tier, t.variant, params)}`, severity: t.red > 0 ? 'red' as const : 'amber' as const,
        };
      });
  };
  const TIER = { regulation: 0, commission: 1, reminder: 2 } as const;
  return [...merge(unitTallies, 'unit'), ...merge(branchTallies, 'branch')]
    .sort((a, b) => TIER[a.tier] - TIER[b.tier] || (a.severity === b.severity ? b.count - a.count : a.severity === 'red' ? -1 : 1));
}
