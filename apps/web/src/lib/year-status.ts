import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from './api-client';
import { QUALITY_STALE_TIME, qualityKeys } from './quality-keys';
import type { YearStatus } from '@wj/domain/schemas';

export type { YearStatus };

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
