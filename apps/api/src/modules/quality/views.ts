import {
  aggregateGaps, BRANCH_DIMENSIONS, gradeOf, INDICATOR_BY_CODE, isProblem, meanOfTenths, type BranchDimension, type BranchScore, type Gap, type IndicatorResult, type UnitScore,
} from '@wj/domain/quality';
import type { BranchScoreRow, Dashboard, DimensionAverages, GapLine, UnitScoreRow } from '@wj/domain/schemas';
import { inScope, type Scope } from '../../auth/scope.js';
import type { YearScores } from './service.js';
import type { UnitGroup } from './unit-groups.js';
import { partsInOrder, rankingOf, totalsOf, totalsOfParts, type Totals } from './commission-totals.js';
import { BUCKETS, lineOrder, linesFromMerged, partOf, type UnitPart } from './unit-parts.js';
import { partsNow, type YearParts } from './year-parts.js';

const problems = (gaps: Gap[]) => gaps.filter(isProblem);
const reds = (gaps: Gap[]) => problems(gaps).filter((g) => g.severity === 'red').length;
const reminders = (gaps: Gap[]) => gaps.length - problems(gaps).length;

/** The part of a year's scores the user may see (and, optionally, one unit of it). */
export function visible(ys: YearScores, scope: Scope, unitId?: number) {
  const ok = (orgId: number) => {
    const o = ys.orgs.get(orgId);
    if (!o) return false;
    return inScope(scope, { id: o.id, parentId: null, unitId: o.unitId }) && (unitId === undefined || o.unitId === unitId);
  };
  return { branches: ys.branches.filter((b) => ok(b.orgId)), units: ys.units.filter((u) => ok(u.orgId) && (scope.branchId === null)) };
}

export function branchRow(ys: YearScores, s: BranchScore): BranchScoreRow {
  const o = ys.orgs.get(s.orgId)!;
  const c = ys.memberCounts.get(s.orgId) ?? { inService: 0, retired: 0 };
  return {
    orgId: s.orgId, name: o.name, unitId: o.unitId, unitName: ys.orgs.get(o.unitId)?.name ?? '',
    total: s.total, grade: gradeOf(s.total, ys.rules.rules), dimensions: s.dimensions,
    gapCount: problems(s.gaps).length, redCount: reds(s.gaps), reminderCount: reminders(s.gaps), memberCount: c.inService + c.retired,
  };
}

export function unitRow(ys: YearScores, s: UnitScore): UnitScoreRow {
  const o = ys.orgs.get(s.orgId)!;
  return {
    orgId: s.orgId, name: o.name, institutionName: o.institutionName, institutionType: o.institutionType,
    total: s.total, grade: gradeOf(s.total, ys.rules.rules), responsibility: s.responsibility, branchAverage: s.branchAverage,
    branchCount: s.branchCount, gapCount: problems(s.gaps).length, redCount: reds(s.gaps), reminderCount: reminders(s.gaps),
    branchGapCount: ((g) => (g ? partOf(ys, g).problems : 0))(ys.groups.get(s.orgId)),
  };
}

/** A unit's 四强 averages over its branches, from its subtotals (unit-parts.ts): what its detail shows beside the commission's. */
export function unitDimensions(ys: YearScores, s: UnitScore): DimensionAverages {
  const dims = partOf(ys, ys.groups.get(s.orgId) ?? { unitId: s.orgId, unit: s, branches: [] }).dims;
  return Object.fromEntries(BRANCH_DIMENSIONS.map((d) => [d, dims?.[d] ?? null])) as DimensionAverages;
}

export const withNames = (indicators: IndicatorResult[]) =>
  indicators.map((i) => ({ ...i, name: INDICATOR_BY_CODE[i.code].name, source: INDICATOR_BY_CODE[i.code].source, tier: INDICATOR_BY_CODE[i.code].tier }));

/**
 * The survey's 形势分析 as data: one line per gap code, tier and variant, so
 * that a line — and a heading over it — claims only its own tier: expired
 * terms (党内法规) and terms ending soon (提醒) are two lines. Problems come
 * before reminders; within a tier 党内法规 before 本委工作要求, then the most
 * organisations first.
 */
export function gapLines(ys: YearScores, branches: BranchScore[], units: UnitScore[]): GapLine[] {
  const params = ys.rules.rules.params;
  const lines = (scores: (BranchScore | UnitScore)[], level: 'branch' | 'unit'): GapLine[] => ((byOrg) => aggregateGaps(scores, undefined, params).map((g) => {
    const def = INDICATOR_BY_CODE[g.code];
    const same = (x: Gap) => x.code === g.code && x.tier === g.tier && x.variant === g.variant;
    return {
      code: g.code, level, dimension: def.dimension, name: def.name, source: def.source, recommendation: def.recommendation,
      tier: g.tier, variant: g.variant, basis: def.basis, localRule: def.localRule,
      count: g.count, red: g.red, amber: g.amber, text: g.text, severity: g.red > 0 ? 'red' : 'amber',
      orgs: g.orgIds.map((id) => {
        const s = byOrg.get(id)!;
        const mine = s.gaps.filter(same);
        const o = ys.orgs.get(id)!;
        return {
          orgId: id, name: o.name, unitId: o.unitId, unitName: ys.orgs.get(o.unitId)?.name ?? '', total: s.total,
          severity: mine.some((x) => x.severity === 'red') ? 'red' as const : 'amber' as const,
          message: mine.map((x) => x.message).join('；'),
        };
      }).sort((a, b) => a.total - b.total),
    };
  }))(new Map(scores.map((s) => [s.orgId, s])));
  return [...lines(units, 'unit'), ...lines(branches, 'branch')].sort(lineOrder);
}

/**
 * The subtotals a scope may see: every unit's for the committee, one unit's
 * for its secretary, one branch's (as a unit of its own, with no unit score)
 * for a branch secretary — the same orgs visible() returns. A branch's needs
 * the scores behind the subtotals (`yp.full`: QualityService.scores).
 */
function scopedParts(yp: YearParts, scope: Scope): UnitPart[] {
  if (scope.all) return partsInOrder(yp);
  if (scope.unitId !== null) {
    const p = yp.parts.get(scope.unitId);
    return p ? [p] : [];
  }
  const o = scope.branchId === null ? undefined : yp.orgs.get(scope.branchId);
  if (!o) return [];
  if (!yp.full) throw new Error('a branch\'s dashboard needs the branch scores (QualityService.scores)');
  const ys = yp.full;
  const b = ys.groups.get(o.unitId)?.branches.find((x) => x.orgId === o.id);
  if (!b) return [];
  let single = singles.get(b);
  if (!single) singles.set(b, (single = { unitId: o.unitId, unit: null, branches: [b] }));
  return [partOf(ys, single)];
}
const singles = new WeakMap<BranchScore, UnitGroup>();

/** A scope's totals: the committee's are kept with the state (commission-totals.ts), a smaller scope's are summed now. */
const totalsIn = (yp: YearParts, scope: Scope, parts: UnitPart[]): Totals => (scope.all ? totalsOf(yp) : totalsOfParts(parts));

/** The dashboard of one scope, summed from the subtotals of the units in it (unit-parts.ts). */
export function dashboard(of: YearParts | YearScores, scope: Scope, years: number[], previousOf: YearParts | YearScores | null): Dashboard {
  const ys = 'parts' in of ? of : partsNow(of);
  const previous = previousOf && ('parts' in previousOf ? previousOf : partsNow(previousOf));
  const rules = ys.rules.rules;
  const parts = scopedParts(ys, scope);
  const t = totalsIn(ys, scope, parts);
  const units = parts.filter((p) => p.row !== null);
  const lines = linesFromMerged(rules.params, [...t.unitGaps.values()], [...t.branchGaps.values()]);
  const prev = previous ? totalsIn(previous, scope, scopedParts(previous, scope)) : null;
  return {
    year: ys.year, asOf: ys.asOf, ruleVersion: ys.rules.version, years,
    counts: { units: t.units, branches: t.branches, members: t.inService + t.retired, inService: t.inService, retired: t.retired },
    averageScore: meanOfTenths(t.totalTenths, t.branches), passLine: rules.passLine, goodLine: rules.goodLine,
    belowPassLine: t.belowPass,
    grades: { ...t.grades },
    distribution: BUCKETS.map(([from, to], i) => ({
      label: from === 0 ? `${to}分以下` : `${from}–${Math.min(to, 100)}分`, from, to: Math.min(to, 100), count: t.buckets[i]!,
    })),
    // The parts' own entries (the same objects until their unit changes): dashboard-json.ts serializes each once.
    unitRanking: scope.all ? rankingOf(ys) : units.map((p) => p.rank!).sort((a, b) => b.total - a.total),
    // Whole here (the report reads every unit); the answer to the web app is cut to its two ends (dashboard-json.ts).
    unitRankingOmitted: 0,
    dimensionAverages: Object.fromEntries(BRANCH_DIMENSIONS.map((d) => [d, meanOfTenths(t.dimTenths[d], t.dimCount[d])])) as Dashboard['dimensionAverages'],
    topGaps: lines,
    tierCounts: {
      regulation: lines.filter((g) => g.tier === 'regulation').length,
      commission: lines.filter((g) => g.tier === 'commission').length,
      reminder: lines.filter((g) => g.tier === 'reminder').length,
    },
    previous: prev && previous ? {
      year: previous.year,
      averageScore: meanOfTenths(prev.totalTenths, prev.branches),
      belowPassLine: prev.belowPass,
      gapCount: prev.problems,
    } : null,
  };
}
