import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Dashboard } from '@wj/domain/schemas';
import { apiGet } from './api-client';
import { QUALITY_STALE_TIME, qualityKeys } from './quality-keys';

export interface QualityYears {
  /** Years with scoring data, newest first. */
  years: number[];
  /** The year the server picks when none is asked for (the latest with data, judged up to today). */
  defaultYear: number;
}

/** The evaluation years on offer, for the year selectors of the score panels. */
export const qualityYearsQueryOptions = () =>
  queryOptions({
    queryKey: qualityKeys.years(),
    queryFn: ({ signal }) =>
      apiGet<Dashboard>('/quality/dashboard', undefined, signal).then((d): QualityYears => ({
        years: [...d.years].sort((a, b) => b - a),
        defaultYear: d.year,
      })),
    staleTime: QUALITY_STALE_TIME,
  });

export function useQualityYears() {
  return useQuery(qualityYearsQueryOptions());
}
