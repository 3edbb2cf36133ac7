import { useQueryClient } from '@tanstack/react-query';
import { qualityKeys } from '@/lib/quality-keys';

/** Hierarchical keys: invalidating ['work'] refreshes every brand, project and post list. */
export const workKeys = {
  all: ['work'] as const,
  brands: (orgId: number) => [...workKeys.all, 'brands', orgId] as const,
  projects: (orgId: number, year: number) => [...workKeys.all, 'projects', orgId, { year }] as const,
  vanguard: (orgId: number, year: number) => [...workKeys.all, 'vanguard', orgId, { year }] as const,
};

/** These records make up the branch's 作用发挥 score, so the quality views refresh with the lists. */
export function useRefreshWork() {
  const queryClient = useQueryClient();
  return () => Promise.all([
    queryClient.invalidateQueries({ queryKey: workKeys.all }),
    queryClient.invalidateQueries({ queryKey: qualityKeys.all }),
  ]);
}
