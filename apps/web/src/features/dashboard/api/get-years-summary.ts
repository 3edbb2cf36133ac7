import { queryOptions, useQuery } from '@tanstack/react-query';
import { QUALITY_STALE_TIME } from '@/lib/quality-keys';
import { getYearsSummary } from '@/lib/years-summary';
import { dashboardKeys } from './keys';

/** 历年对比 of everything the user may see (the server scopes it like the dashboard). */
export const yearsSummaryQueryOptions = () =>
  queryOptions({
    queryKey: dashboardKeys.yearsSummary(),
    queryFn: ({ signal }) => getYearsSummary(undefined, signal),
    staleTime: QUALITY_STALE_TIME,
  });

export function useYearsSummary() {
  return useQuery(yearsSummaryQueryOptions());
}
