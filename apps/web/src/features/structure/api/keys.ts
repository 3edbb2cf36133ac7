import type { QueryClient } from '@tanstack/react-query';
import { orgKeys } from '@/lib/query-keys';

/** Hierarchical keys of this feature: invalidating ['structure'] refreshes them all. */
export const structureKeys = {
  all: ['structure'] as const,
  committee: (orgId: number) => [...structureKeys.all, 'committee', orgId] as const,
  roster: (orgId: number) => [...structureKeys.all, 'roster', orgId] as const,
};

/**
 * Org reads use the shared keys (['orgs', …], src/lib/query-keys.ts) so that
 * one invalidation by prefix reaches the tree, the org page and its counts.
 */
export { orgKeys };

/**
 * After a structural write (a branch set up, merged, dissolved; a committee
 * elected) members, scores and counts may all have moved: everything cached
 * is marked stale (refetched when next shown) and the org queries on screen
 * refetch now, so the tree's counts update at once.
 */
export async function refreshAfterStructureChange(queryClient: QueryClient): Promise<void> {
  await queryClient.invalidateQueries({ refetchType: 'none' });
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: orgKeys.all }),
    queryClient.invalidateQueries({ queryKey: structureKeys.all }),
  ]);
}
