import { queryOptions, useQuery } from '@tanstack/react-query';
import { QUALITY_STALE_TIME } from '@/lib/quality-keys';
import { getYearsSummary } from '@/lib/years-summary';
import { unitKeys } from './keys';

/** 历年对比 of one unit: its score, its branches' average and problems, year by year. */
export const unitYearsQueryOptions = (unitId: number) =>
  queryOptions({
    queryKey: unitKeys.yearsSummary(unitId),
    queryFn: ({ signal }) => getYearsSummary(unitId, signal),
    staleTime: QUALITY_STALE_TIME,
  });

export function useUnitYears(unitId: number) {
  return useQuery(unitYearsQueryOptions(unitId));
}
