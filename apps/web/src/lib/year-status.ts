import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from './api-client';
import { QUALITY_STALE_TIME, qualityKeys } from './quality-keys';

/** One year as GET /api/years gives it: a closed year (年度结账) is judged on its frozen records and rule version. */
export interface YearStatus {
  year: number;
  status: 'open' | 'closed';
  closedAt: string | null;
  closedBy: string | null;
  /** The rule version the year is judged under: the frozen one when closed, else the one in force. */
  ruleVersion: number;
}

export const yearStatusQueryOptions = () =>
  queryOptions({
    queryKey: qualityKeys.yearStatus(),
    queryFn: ({ signal }) => apiGet<YearStatus[]>('/years', undefined, signal),
    staleTime: QUALITY_STALE_TIME,
  });

export function useYearStatus() {
  return useQuery(yearStatusQueryOptions());
}

/** '已结账（评分规则第1版）' for a closed year, null for an open one (or while the list loads). */
export function closedYearLabel(list: YearStatus[] | undefined, year: number): string | null {
  const y = list?.find((s) => s.year === year);
  return y?.status === 'closed' ? `已结账（评分规则第${y.ruleVersion}版）` : null;
}
