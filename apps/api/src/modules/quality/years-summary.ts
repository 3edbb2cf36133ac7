import { averageOf, gradeOf, isProblem, type BranchScore, type RuleSet, type Tier } from '@wj/domain/quality';
import type { GapLine, TierCount, YearSummary } from '@wj/domain/schemas';
import { inScope, type Scope } from '../../auth/scope.js';
import { forbidden, notFound } from '../../lib/errors.js';
import { resolvePeriod, type QualityService, type YearScores } from './service.js';
import { gapLines, visible } from './views.js';


/** What one year's summary is made of: the branches and units in view and their 问题清单 lines. */
export interface SummaryParts {
  year: number;
  asOf: string;
  ruleVersion: number | null;
  branches: BranchScore[];
  lines: Pick<GapLine, 'tier' | 'count'>[];
  passLine: number;
  goodLine: number;
  unitScore?: number | null;
}

/** The figures of one year from its parts (the report's 同比 and the years route both come through here). */
export function summaryFrom(p: SummaryParts): YearSummary {
  const totals = p.branches.map((b) => b.total);
  // gradeOf reads only the two lines of the rule set.
  const grade = (t: number) => gradeOf(t, { passLine: p.passLine, goodLine: p.goodLine } as RuleSet);
  const tier = (t: Tier): TierCount => {
    const mine = p.lines.filter((g) => g.tier === t);
    return { kinds: mine.length, count: mine.reduce((n, g) => n + g.count, 0) };
  };
  return {
    year: p.year, asOf: p.asOf, ruleVersion: p.ruleVersion, branchCount: p.branches.length,
    averageScore: averageOf(totals),
    unitScore: p.unitScore ?? null,
    grades: {
      good: totals.filter((t) => grade(t) === 'good').length,
      fair: totals.filter((t) => grade(t) === 'fair').length,
      poor: totals.filter((t) => grade(t) === 'poor').length,
    },
    branchesWithProblems: p.branches.filter((b) => b.gaps.some(isProblem)).length,
    tiers: { regulation: tier('regulation'), commission: tier('commission'), reminder: tier('reminder') },
  };
}

/** One year's figures for what `scope` (and, optionally, one unit) may see. */
export function summarise(ys: YearScores, scope: Scope, unitId?: number): YearSummary {
  const { branches, units } = visible(ys, scope, unitId);
  return summaryFrom({
    year: ys.year, asOf: ys.asOf, ruleVersion: ys.rules.version, branches, lines: gapLines(ys, branches, units),
    passLine: ys.rules.rules.passLine, goodLine: ys.rules.rules.goodLine,
    unitScore: unitId === undefined ? null : units.find((u) => u.orgId === unitId)?.total ?? null,
  });
}

/**
 * Every data year side by side (oldest first), each judged as the dashboard
 * judges it when that year is chosen (a closed year whole, the current one up
 * to today), through the same cached per-year scores — so a row here is the
 * dashboard and the 问题清单 of that year, not a second computation.
 * A unit outside the caller's scope is refused rather than shown empty.
 */
export async function yearsSummary(quality: QualityService, scope: Scope, unitId?: number, today?: string): Promise<YearSummary[]> {
  const years = await quality.dataYears();
  const out: YearSummary[] = [];
  for (const year of [...years].sort((a, b) => a - b)) {
    const { asOf } = resolvePeriod(years, { year }, today);
    const ys = await quality.scores(year, asOf);
    if (unitId !== undefined && out.length === 0) checkUnit(ys, scope, unitId);
    out.push(summarise(ys, scope, unitId));
  }
  return out;
}

function checkUnit(ys: YearScores, scope: Scope, unitId: number): void {
  const o = ys.orgs.get(unitId);
  if (!o || o.unitId !== unitId) throw notFound('该组织不是直属单位党组织');
  if (!inScope(scope, { id: o.id, parentId: null, unitId: o.unitId }) || scope.branchId !== null) throw forbidden();
}

/** The summary of one year among those given, or null when the year has no data. */
export const summaryOf = (rows: YearSummary[], year: number): YearSummary | null => rows.find((r) => r.year === year) ?? null;
