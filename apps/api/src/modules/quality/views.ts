import {
  aggregateGaps, BRANCH_DIMENSIONS, gradeOf, INDICATOR_BY_CODE, isProblem, type BranchDimension, type BranchScore, type Gap, type IndicatorResult, type UnitScore,
} from '@wj/domain/quality';
import type { BranchScoreRow, Dashboard, GapLine, UnitScoreRow } from '@wj/domain/schemas';
import { inScope, type Scope } from '../../auth/scope.js';
import type { YearScores } from './service.js';

const round1 = (n: number) => Math.round(n * 10) / 10;
const mean = (xs: number[]) => (xs.length ? round1(xs.reduce((a, b) => a + b, 0) / xs.length) : null);
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
    branchGapCount: ys.branches.filter((b) => ys.orgs.get(b.orgId)?.unitId === s.orgId).reduce((n, b) => n + problems(b.gaps).length, 0),
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
  const lines = (scores: (BranchScore | UnitScore)[], level: 'branch' | 'unit'): GapLine[] => aggregateGaps(scores, undefined, params).map((g) => {
    const def = INDICATOR_BY_CODE[g.code];
    const byOrg = new Map(scores.map((s) => [s.orgId, s]));
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
  });
  const TIER = { regulation: 0, commission: 1, reminder: 2 } as const;
  return [...lines(units, 'unit'), ...lines(branches, 'branch')]
    .sort((a, b) => TIER[a.tier] - TIER[b.tier] || (a.severity === b.severity ? b.count - a.count : a.severity === 'red' ? -1 : 1));
}

const BUCKETS = [[0, 60], [60, 70], [70, 80], [80, 90], [90, 100.01]] as const;

export function dashboard(ys: YearScores, scope: Scope, years: number[], previous: YearScores | null): Dashboard {
  const { branches, units } = visible(ys, scope);
  const rules = ys.rules.rules;
  const totals = branches.map((b) => b.total);
  const counts = branches.reduce((acc, b) => {
    const c = ys.memberCounts.get(b.orgId) ?? { inService: 0, retired: 0 };
    return { inService: acc.inService + c.inService, retired: acc.retired + c.retired };
  }, { inService: 0, retired: 0 });
  const dimAvg = (list: BranchScore[], d: BranchDimension) => mean(list.filter((b) => b.dimensions[d].applicable).map((b) => b.dimensions[d].score));
  const prev = previous ? visible(previous, scope) : null;
  return {
    year: ys.year, asOf: ys.asOf, ruleVersion: ys.rules.version, years,
    counts: { units: units.length, branches: branches.length, members: counts.inService + counts.retired, ...counts },
    averageScore: mean(totals), passLine: rules.passLine, goodLine: rules.goodLine,
    belowPassLine: totals.filter((t) => t < rules.passLine).length,
    grades: {
      good: totals.filter((t) => gradeOf(t, rules) === 'good').length,
      fair: totals.filter((t) => gradeOf(t, rules) === 'fair').length,
      poor: totals.filter((t) => gradeOf(t, rules) === 'poor').length,
    },
    distribution: BUCKETS.map(([from, to]) => ({
      label: from === 0 ? `${to}分以下` : `${from}–${Math.min(to, 100)}分`, from, to: Math.min(to, 100),
      count: totals.filter((t) => t >= from && t < to).length,
    })),
    unitRanking: units.map((u) => unitRow(ys, u)).sort((a, b) => b.total - a.total)
      .map((u) => ({ orgId: u.orgId, name: u.name, institutionName: u.institutionName, total: u.total, grade: u.grade })),
    dimensionAverages: Object.fromEntries(BRANCH_DIMENSIONS.map((d) => [d, dimAvg(branches, d)])) as Dashboard['dimensionAverages'],
    unitDimensions: units.map((u) => {
      const mine = branches.filter((b) => ys.orgs.get(b.orgId)?.unitId === u.orgId);
      return { orgId: u.orgId, name: ys.orgs.get(u.orgId)!.institutionName ?? ys.orgs.get(u.orgId)!.name, ...Object.fromEntries(BRANCH_DIMENSIONS.map((d) => [d, dimAvg(mine, d)])) } as Dashboard['unitDimensions'][number];
    }),
    ...((lines) => ({
      topGaps: lines.map(({ orgs: _o, ...g }) => g),
      tierCounts: {
        regulation: lines.filter((g) => g.tier === 'regulation').length,
        commission: lines.filter((g) => g.tier === 'commission').length,
        reminder: lines.filter((g) => g.tier === 'reminder').length,
      },
    }))(gapLines(ys, branches, units)),
    previous: prev && previous ? {
      year: previous.year,
      averageScore: mean(prev.branches.map((b) => b.total)),
      belowPassLine: prev.branches.filter((b) => b.total < previous.rules.rules.passLine).length,
      gapCount: prev.branches.reduce((n, b) => n + problems(b.gaps).length, 0),
    } : null,
  };
}
