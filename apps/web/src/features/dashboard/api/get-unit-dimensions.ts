import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { UnitScoreDetail } from '@wj/domain/schemas';
import { apiGet } from '@/lib/api-client';
import { QUALITY_STALE_TIME, qualityKeys } from '@/lib/quality-keys';

/**
 * One unit's 四强 averages, from its score detail (the dashboard carries the commission's averages, not every
 * unit's): the same query as the unit page's score panel, so either fills the other's cache.
 */
export function useUnitDimensions(id: number | undefined, year: number) {
  return useQuery({
    queryKey: qualityKeys.unit(id ?? -1, year),
    queryFn: ({ signal }) => apiGet<UnitScoreDetail>(`/quality/units/${id}`, { year }, signal),
    enabled: id !== undefined,
    staleTime: QUALITY_STALE_TIME,
    placeholderData: keepPreviousData,
    select: (d) => ({ orgId: d.orgId, name: d.institutionName ?? d.name, dimensions: d.dimensions }),
  });
}
