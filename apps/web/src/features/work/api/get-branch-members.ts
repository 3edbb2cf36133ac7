import { useOrgMembers } from '@/lib/org-queries';

const ALL_ACTIVE = { page: 1, pageSize: 200 } as const;

/** The branch's members in one page (a branch holds far fewer than 200), to pick a 先锋岗 leader from. */
export function useBranchMembers(orgId: number, enabled = true) {
  return useOrgMembers(orgId, ALL_ACTIVE, enabled);
}
