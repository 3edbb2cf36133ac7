import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Dashboard } from '@wj/domain/schemas';
import { apiGet } from '@/lib/api-client';
import { QUALITY_STALE_TIME } from '@/lib/quality-keys';
import { dashboardKeys } from './keys';

/** The committee's summary, scoped by the server to what the user may see; no year → the server's default year. */
export function getDashboard(year: number | undefined, signal?: AbortSignal): Promise<Dashboard> {
  return apiGet<Dashboard>('/quality/dashboard', { year }, signal);
}

export const dashboardQueryOptions = (year: number | undefined) =>
  queryOptions({
    queryKey: dashboardKeys.dashboard(year),
    queryFn: ({ signal }) => getDashboard(year, signal),
    staleTime: QUALITY_STALE_TIME,
    // Switching years keeps the old figures on screen until the new ones arrive.
    placeholderData: keepPreviousData,
  });

export function useDashboard(year: number | undefined) {
  return useQuery(dashboardQueryOptions(year));
}
