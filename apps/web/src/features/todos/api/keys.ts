import { qualityKeys } from '@/lib/quality-keys';

/**
 * The caller's 待办 are kept under ['quality'] because they are computed from
 * the same facts as the scores: every write that refreshes the scores
 * refreshes them too, so an item done leaves the list at once.
 */
export const todoKeys = {
  list: (unitId: number | undefined) => [...qualityKeys.all, 'todos', { unitId }] as const,
};
