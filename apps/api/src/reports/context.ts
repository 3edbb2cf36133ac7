import type { BranchFacts, BranchScore, UnitFacts, UnitScore } from '@wj/domain/quality';
import type { Dashboard, GapLine } from '@wj/domain/schemas';
import type { Queryable } from '../db/index.js';
import { loadOrgIndex, type OrgIndex } from '../modules/orgs/org-index.js';
import { isClosedScores, withFrozenCounts } from '../modules/quality/closed-years.js';
import type { CommissionFacts } from '../modules/quality/facts-loader.js';
import { resolvePeriod, type YearScores } from '../modules/quality/service.js';
import { dashboard, gapLines, visible } from '../modules/quality/views.js';
import { branchLabel } from './format.js';
import type { ReportTarget } from './target.js';

/**
 * Everything one report is written from, read once through the services the
 * dashboard uses (scores, gap catalogue, facts, org tree), so the report and
 * the screens cannot disagree. The costly reads (facts, last year's scores)
 * are made only when asked for (`ContextNeeds`): the scores workbook of a
 * province-sized tree needs neither; the gap catalogue and dashboard are
 * computed on first use.
 */
export interface ReportContext {
  target: ReportTarget;
  year: number;
  asOf: string;
  /** Last day judged: 31 Dec of a past year, else the as-of date. */
  cutoff: string;
  ys: YearScores;
  /** Scores of the branches and units in the report, in tree order. */
  branches: BranchScore[];
  units: UnitScore[];
  facts: Map<number, BranchFacts>;
  unitFacts: Map<number, UnitFacts>;
  index: OrgIndex;
  gaps: GapLine[];
  dash: Dashboard;
  /** The year before, judged whole and cut to the same scope, for the 同比 paragraph; null when it has no records. */
  previous: { year: number; branches: BranchScore[]; gaps: GapLine[]; passLine: number; goodLine: number } | null;
  /** 市人民医院急诊急救党支部: a branch named with its institution. */
  branchName: (orgId: number) => string;
  /** 市人民医院 (or the organisation's name where no institution is recorded). */
  unitName: (unitId: number) => string;
}

/** What a report reads beyond the scores and the org tree. */
export interface ContextNeeds {
  /** The branches' and units' facts (`facts`, `unitFacts`). */
  facts?: boolean;
  /** Last year's scores (`previous`). */
  previous?: boolean;
}

/** The year a report is of, the date it is judged at, and the years with records (resolved once, on the main thread). */
export interface ReportPeriod { year: number; asOf: string; years: number[] }

export async function reportPeriod(quality: { dataYears(): Promise<number[]> }, q: { year?: number }): Promise<ReportPeriod> {
  const years = await quality.dataYears();
  return { ...resolvePeriod(years, q), years };
}

/**
 * Where a report's scores and facts come from: in the report worker
 * (compose.ts) its own read-only connection, scoring with the same domain
 * functions as the quality service; in-process, the quality service itself.
 */
export interface ReportSource {
  scores(year: number, asOf: string): Promise<YearScores>;
  /** The facts a report reads for a year: the frozen ones when it is closed (closed-years.ts yearFacts), else the records. */
  facts(year: number, unitIds?: number[]): Promise<CommissionFacts>;
}

export async function reportContext(
  db: Queryable, source: ReportSource, target: ReportTarget, period: ReportPeriod, needs: ContextNeeds = {},
): Promise<ReportContext> {
  const { year, asOf, years } = period;
  const cutoff = year < Number(asOf.slice(0, 4)) ? `${year}-12-31` : asOf;
  const [ys, liveIndex, loaded, py] = await Promise.all([
    source.scores(year, asOf),
    loadOrgIndex(db, target.scope),
    // A closed year's facts are the frozen ones its scores come from (closed-years.ts).
    needs.facts ? source.facts(year, target.unitId === null ? undefined : [target.unitId]) : null,
    needs.previous && years.includes(year - 1) ? source.scores(year - 1, `${year - 1}-12-31`) : null,
  ]);
  // A closed year counts the branches and members it was judged on, not today's.
  const index = isClosedScores(ys) ? withFrozenCounts(liveIndex, ys) : liveIndex;
  const { branches, units } = visible(ys, target.scope);
  // Tree order: units as the tree lists them, each unit's branches together in their own order.
  const order = new Map([...index.byId.values()].map((o, i) => [o.id, i]));
  const rank = (orgId: number) => [order.get(ys.orgs.get(orgId)?.unitId ?? orgId) ?? 0, order.get(orgId) ?? 0] as const;
  const byTree = <T extends { orgId: number }>(xs: T[]) => [...xs].sort((a, b) => {
    const [ua, oa] = rank(a.orgId);
    const [ub, ob] = rank(b.orgId);
    return ua - ub || oa - ob;
  });
  const unitName = (unitId: number) => {
    const o = ys.orgs.get(unitId);
    return o?.institutionName ?? o?.name ?? '';
  };
  const once = <T>(make: () => T) => {
    let value: T | undefined;
    return () => (value ??= make());
  };
  const needed = <T>(what: keyof ContextNeeds, value: T | null) => {
    if (value === null) throw new Error(`reportContext: ${what} not loaded (ask for it in the needs)`);
    return value;
  };
  const facts = once(() => new Map(needed('facts', loaded).branches.map((f) => [f.orgId, f])));
  const unitFacts = once(() => new Map(needed('facts', loaded).units.map((u) => [u.orgId, u])));
  const gaps = once(() => gapLines(ys, branches, units));
  const dash = once(() => dashboard(ys, target.scope, years, null));
  const previous = once(() => {
    if (!needs.previous) throw new Error('reportContext: previous not loaded (ask for it in the needs)');
    if (!py) return null;
    const seen = visible(py, target.scope);
    return {
      year: year - 1, branches: seen.branches, gaps: gapLines(py, seen.branches, seen.units),
      passLine: py.rules.rules.passLine, goodLine: py.rules.rules.goodLine,
    };
  });
  return {
    target, year, asOf, cutoff, ys,
    branches: byTree(branches),
    units: byTree(units),
    get facts() { return facts(); },
    get unitFacts() { return unitFacts(); },
    index,
    get gaps() { return gaps(); },
    get dash() { return dash(); },
    get previous() { return previous(); },
    branchName: (orgId) => {
      const o = ys.orgs.get(orgId);
      if (!o) return '';
      return o.unitId === o.id ? o.name : branchLabel(unitName(o.unitId), o.name);
    },
    unitName,
  };
}
