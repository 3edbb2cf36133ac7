import { queryOptions, useQuery } from '@tanstack/react-query';
import type { GapLine } from '@wj/domain/schemas';
import { apiGet } from '@/lib/api-client';
import { QUALITY_STALE_TIME } from '@/lib/quality-keys';
import { dashboardKeys } from './keys';

export interface GapCatalogue {
  year: number;
  asOf: string;
  items: GapLine[];
}

/** Every gap line with the organisations behind its count (the drill-down of the 问题清单). */
export function getGaps(year: number, signal?: AbortSignal): Promise<GapCatalogue> {
  return apiGet<GapCatalogue>('/quality/gaps', { year }, signal);
}

export const gapsQueryOptions = (year: number) =>
  queryOptions({
    queryKey: dashboardKeys.gaps(year),
    queryFn: ({ signal }) => getGaps(year, signal),
    staleTime: QUALITY_STALE_TIME,
  });

export function useGaps(year: number, enabled = true) {
  return useQuery({ ...gapsQueryOptions(year), enabled });
}
