import { useQuery } from '@tanstack/react-query';
import { orgMembersQueryOptions, orgQueryOptions } from '@/lib/org-queries';
import { rulesInForceQueryOptions } from '@/lib/rules-in-force';

const FULL_MEMBERS = { category: 'full', page: 1, pageSize: 1 } as const;

/**
 * What the compliance strip needs besides the records: the rule set in force
 * (frequencies, attendance line), the branch (founding date, 党小组) and its
 * number of 正式党员 (a branch under the committee threshold holds no 支委会).
 * All three are the shared queries, so they share the org pages' cache.
 */
export function useComplianceInputs(orgId: number) {
  const rules = useQuery(rulesInForceQueryOptions());
  const org = useQuery(orgQueryOptions(orgId));
  // Another branch's count must never stand in for this one's while it loads.
  const full = useQuery({ ...orgMembersQueryOptions(orgId, FULL_MEMBERS), placeholderData: undefined });
  return {
    data: rules.data && org.data && full.data ? { rules: rules.data, org: org.data, fullCount: full.data.total } : undefined,
    isPending: rules.isPending || org.isPending || full.isPending,
    error: rules.error ?? org.error ?? full.error,
    refetch: () => Promise.all([rules.refetch(), org.refetch(), full.refetch()]),
  };
}
