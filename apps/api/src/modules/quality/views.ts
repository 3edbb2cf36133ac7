import {
  aggregateGaps, BRANCH_DIMENSIONS, gradeOf, INDICATOR_BY_CODE, isProblem, type BranchDimension, type BranchScore, type Gap, type IndicatorResult, type UnitScore,
} from '@wj/domain/quality';
import type { BranchScoreRow, Dashboard, GapLine, UnitScoreRow } from '@wj/domain/schemas';
import { inScope, type Scope } from '../../auth/scope.js';
import type { YearScores } from './service.js';
import type { UnitGroup } from './unit-groups.js';
import { BUCKETS, dimMean, lineOrder, linesFromTallies, partOf, round1, type UnitPart } from './unit-parts.js';
import { partsInOrder, partsNow, type YearParts } from './year-parts.js';

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

const sum = <T>(xs: T[], f: (x: T) => number) => xs.reduce((n, x) => n + f(x), 0);

/** The dashboard of one scope, summed from the subtotals of the units in it (unit-parts.ts). */
export function dashboard(of: YearParts | YearScores, scope: Scope, years: number[], previousOf: YearParts | YearScores | null): Dashboard {
  const ys = 'parts' in of ? of : partsNow(of);
  const previous = previousOf && ('parts' in previousOf ? previousOf : partsNow(previousOf));
  const rules = ys.rules.rules;
  const parts = scopedParts(ys, scope);
  const units = parts.filter((p) => p.row !== null);
  const branchCount = sum(parts, (p) => p.branchCount);
  const inService = sum(parts, (p) => p.inService);
  const retired = sum(parts, (p) => p.retired);
  const lines = linesFromTallies(rules.params, units.map((p) => p.unitGaps), parts.map((p) => p.branchGaps));
  const prev = previous ? scopedParts(previous, scope) : null;
  const prevCount = prev ? sum(prev, (p) => p.branchCount) : 0;
  return {
    year: ys.year, asOf: ys.asOf, ruleVersion: ys.rules.version, years,
    counts: { units: units.length, branches: branchCount, members: inService + retired, inService, retired },
    averageScore: branchCount ? round1(sum(parts, (p) => p.totalSum) / branchCount) : null, passLine: rules.passLine, goodLine: rules.goodLine,
    belowPassLine: sum(parts, (p) => p.belowPass),
    grades: { good: sum(parts, (p) => p.grades.good), fair: sum(parts, (p) => p.grades.fair), poor: sum(parts, (p) => p.grades.poor) },
    distribution: BUCKETS.map(([from, to], i) => ({
      label: from === 0 ? `${to}分以下` : `${from}–${Math.min(to, 100)}分`, from, to: Math.min(to, 100),
      count: sum(parts, (p) => p.buckets[i]!),
    })),
    // The parts' own entries (the same objects until their unit changes): dashboard-json.ts serializes each once.
    unitRanking: units.map((p) => p.rank!).sort((a, b) => b.total - a.total),
    dimensionAverages: Object.fromEntries(BRANCH_DIMENSIONS.map((d) => [d, dimMean(sum(parts, (p) => p.dimSum[d]), sum(parts, (p) => p.dimCount[d]))])) as Dashboard['dimensionAverages'],
    unitDimensions: units.map((p) => p.dims!),
    topGaps: lines,
    tierCounts: {
      regulation: lines.filter((g) => g.tier === 'regulation').length,
      commission: lines.filter((g) => g.tier === 'commission').length,
      reminder: lines.filter((g) => g.tier === 'reminder').length,
    },
    previous: prev && previous ? {
      year: previous.year,
      averageScore: prevCount ? round1(sum(prev, (p) => p.totalSum) / prevCount) : null,
      belowPassLine: sum(prev, (p) => p.belowPass),
      gapCount: sum(prev, (p) => p.problems),
    } : null,
  };
}
