import { useBranchScore } from '@/lib/branch-score';

/** The branch secretary's own branch score, shown beside the 待办 on their 总览 (the branch page's query). */
export function useOwnBranchScore(branchId: number | null | undefined) {
  const enabled = typeof branchId === 'number' && branchId > 0;
  return useBranchScore(enabled ? branchId : 0, undefined, enabled);
}
