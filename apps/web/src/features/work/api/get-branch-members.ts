import { useQuery } from '@tanstack/react-query';
import type { MemberPage } from '@wj/domain/schemas';
import { apiGet } from '@/lib/api-client';

const ALL_ACTIVE = { page: 1, pageSize: 200 } as const;

/**
 * The branch's members in one page (a branch holds far fewer than 200), to pick
 * a 先锋岗 leader from. Same key and shape as the org feature's roster query.
 */
export function useBranchMembers(orgId: number, enabled = true) {
  return useQuery({
    queryKey: ['orgs', 'members', orgId, ALL_ACTIVE],
    queryFn: ({ signal }) => apiGet<MemberPage>(`/orgs/${orgId}/members`, { ...ALL_ACTIVE }, signal),
    enabled,
  });
}
