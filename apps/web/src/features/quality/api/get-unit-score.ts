import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { UnitScoreDetail } from '@wj/domain/schemas';
import { apiGet } from '@/lib/api-client';
import { QUALITY_STALE_TIME } from '@/lib/quality-keys';
import { unitScoreKeys } from './keys';

/** One unit's score: 责任落实 indicators and gaps, branch averages and every branch's score. */
export function getUnitScore(id: number, year: number | undefined, signal?: AbortSignal): Promise<UnitScoreDetail> {
  return apiGet<UnitScoreDetail>(`/quality/units/${id}`, { year }, signal);
}

export const unitScoreQueryOptions = (id: number, year: number | undefined) =>
  queryOptions({
    queryKey: unitScoreKeys.unit(id, year),
    queryFn: ({ signal }) => getUnitScore(id, year, signal),
    staleTime: QUALITY_STALE_TIME,
    placeholderData: keepPreviousData,
  });

export function useUnitScore(id: number, year: number | undefined) {
  return useQuery(unitScoreQueryOptions(id, year));
}
