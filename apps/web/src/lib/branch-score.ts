import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { BranchScoreDetail } from '@wj/domain/schemas';
import { apiGet } from './api-client';
import { QUALITY_STALE_TIME, qualityKeys } from './quality-keys';

/**
 * One branch's score (the branch page's panel and the secretary's 总览 read
 * the same query, so it lives here): every indicator and every lost point with its
 * source; no year → the server's default.
 */
export function getBranchScore(id: number, year: number | undefined, signal?: AbortSignal): Promise<BranchScoreDetail> {
  return apiGet<BranchScoreDetail>(`/quality/branches/${id}`, { year }, signal);
}

export const branchScoreQueryOptions = (id: number, year: number | undefined) =>
  queryOptions({
    queryKey: qualityKeys.branch(id, year),
    queryFn: ({ signal }) => getBranchScore(id, year, signal),
    staleTime: QUALITY_STALE_TIME,
    placeholderData: keepPreviousData,
  });

export function useBranchScore(id: number, year: number | undefined, enabled = true) {
  return useQuery({ ...branchScoreQueryOptions(id, year), enabled });
}
