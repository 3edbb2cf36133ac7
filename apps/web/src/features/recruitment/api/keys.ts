import { useQueryClient } from '@tanstack/react-query';
import { qualityKeys } from '@/lib/quality-keys';

/** Hierarchical keys: invalidating ['recruits'] refreshes every pipeline. */
export const recruitKeys = {
  all: ['recruits'] as const,
  list: (orgId: number) => [...recruitKeys.all, 'list', orgId] as const,
};

/** The pipeline feeds the branch's 党员队伍 score, so the quality views refresh with it. */
export function useRefreshRecruits() {
  const queryClient = useQueryClient();
  return () => Promise.all([
    queryClient.invalidateQueries({ queryKey: recruitKeys.all }),
    queryClient.invalidateQueries({ queryKey: qualityKeys.all }),
  ]);
}
