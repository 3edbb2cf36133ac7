import { queryOptions, useQuery } from '@tanstack/react-query';
import type { BranchScoreDetail } from '@wj/domain/schemas';
import { apiGet } from '@/lib/api-client';
import { QUALITY_STALE_TIME, qualityKeys } from '@/lib/quality-keys';

/** The branch secretary's own branch score, shown beside the 待办 on their 总览 (same key as the branch page). */
export function useOwnBranchScore(branchId: number | null | undefined) {
  return useQuery({
    ...queryOptions({
      queryKey: qualityKeys.branch(branchId ?? 0, undefined),
      queryFn: ({ signal }) => apiGet<BranchScoreDetail>(`/quality/branches/${branchId}`, {}, signal),
      staleTime: QUALITY_STALE_TIME,
    }),
    enabled: typeof branchId === 'number' && branchId > 0,
  });
}
