import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Dashboard, GapLine, UnitScoreDetail } from '@wj/domain/schemas';
import { apiGet } from '@/lib/api-client';
import { QUALITY_STALE_TIME } from '@/lib/quality-keys';
import { reportKeys } from './keys';

/** The headline figures the report will open with, for the chosen year and scope. */
export interface ReportPreview {
  year: number;
  asOf: string;
  ruleVersion: number;
  branches: number;
  members: number;
  averageScore: number | null;
  grades: { good: number; fair: number; poor: number };
  /** Kinds of problem found (reminders left out): the report's 三、存在问题 takes up each. */
  gapKinds: number;
  /** Of them, breaches of 党内法规 (the report's “涉及违反党内法规制度的问题N类”). */
  regulationKinds: number;
  /** Kinds of reminder (not yet due, at risk). */
  reminderKinds: number;
  /** Unit report only: the unit's own total and 责任落实 score. */
  unit: { total: number; responsibility: number } | null;
}

function kinds(lines: { tier: GapLine['tier'] }[]) {
  return {
    gapKinds: lines.filter((g) => g.tier !== 'reminder').length,
    regulationKinds: lines.filter((g) => g.tier === 'regulation').length,
    reminderKinds: lines.filter((g) => g.tier === 'reminder').length,
  };
}

function fromDashboard(d: Dashboard): ReportPreview {
  return {
    year: d.year, asOf: d.asOf, ruleVersion: d.ruleVersion,
    branches: d.counts.branches, members: d.counts.members, averageScore: d.averageScore, grades: d.grades,
    ...kinds(d.topGaps), unit: null,
  };
}

function fromUnit(u: UnitScoreDetail, gaps: GapLine[]): ReportPreview {
  const grades = { good: 0, fair: 0, poor: 0 };
  for (const b of u.branches) grades[b.grade] += 1;
  return {
    year: u.year, asOf: u.asOf, ruleVersion: u.ruleVersion,
    branches: u.branchCount, members: u.branches.reduce((n, b) => n + b.memberCount, 0),
    averageScore: u.branchAverage.total, grades, ...kinds(gaps),
    unit: { total: u.total, responsibility: u.responsibility.score },
  };
}

/**
 * The commission's figures come from the dashboard; a unit's from its own
 * score detail and its gap catalogue (the dashboard has no unit filter).
 */
export async function getReportPreview(year: number | undefined, unitId: number | null, signal?: AbortSignal): Promise<ReportPreview> {
  if (unitId === null) return fromDashboard(await apiGet<Dashboard>('/quality/dashboard', { year }, signal));
  const [unit, gaps] = await Promise.all([
    apiGet<UnitScoreDetail>(`/quality/units/${unitId}`, { year }, signal),
    apiGet<{ items: GapLine[] }>('/quality/gaps', { year, unitId }, signal),
  ]);
  return fromUnit(unit, gaps.items);
}

export const reportPreviewQueryOptions = (year: number | undefined, unitId: number | null) =>
  queryOptions({
    queryKey: reportKeys.preview(year, unitId),
    queryFn: ({ signal }) => getReportPreview(year, unitId, signal),
    // Scores follow every edit elsewhere: refetch whenever shown, like the other quality views.
    staleTime: QUALITY_STALE_TIME,
    placeholderData: keepPreviousData,
  });

export function useReportPreview(year: number | undefined, unitId: number | null) {
  return useQuery(reportPreviewQueryOptions(year, unitId));
}
