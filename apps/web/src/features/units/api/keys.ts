import type { QueryClient } from '@tanstack/react-query';
import { qualityKeys } from '@/lib/quality-keys';

/** Hierarchical keys of a unit's 责任落实 records: invalidating ['units'] refreshes them all. */
export const unitKeys = {
  all: ['units'] as const,
  plans: (unitId: number) => [...unitKeys.all, 'plans', unitId] as const,
  workers: (unitId: number) => [...unitKeys.all, 'workers', unitId] as const,
  reviews: (unitId: number) => [...unitKeys.all, 'reviews', unitId] as const,
  items: (unitId: number) => [...unitKeys.all, 'responsibility-items', unitId] as const,
  /** 历年对比 is a score: under ['quality'], so every write that refreshes the scores refreshes it. */
  yearsSummary: (unitId: number) => [...qualityKeys.all, 'years-summary', { unitId }] as const,
};

/** A unit record feeds the unit's score (责任落实), so the scores are refreshed with it. */
export async function refreshUnitRecords(queryClient: QueryClient, key: readonly unknown[]): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: key }),
    queryClient.invalidateQueries({ queryKey: qualityKeys.all }),
  ]);
}
