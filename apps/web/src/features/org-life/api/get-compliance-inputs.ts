import { useQuery } from '@tanstack/react-query';
import { withDefaults, type RuleSet } from '@wj/domain/quality';
import type { MemberPage, OrgDetail } from '@wj/domain/schemas';
import { apiGet } from '@/lib/api-client';

interface RuleSetResponse {
  version: number;
  rules: unknown;
}

/**
 * What the compliance strip needs besides the records: the rule set in force
 * (frequencies, attendance line), the branch (founding date, 党小组) and its
 * number of 正式党员 (a branch under the committee threshold holds no 支委会).
 * The org and member keys match the org feature's, so they share its cache.
 */
export function useComplianceInputs(orgId: number) {
  const rules = useQuery({
    // Under ['quality'], so a rule change by an admin refreshes it with the scores.
    queryKey: ['quality', 'rules', 'raw'],
    queryFn: ({ signal }) => apiGet<RuleSetResponse>('/quality/rules', undefined, signal),
    select: (r) => withDefaults(r.rules) as RuleSet,
  });
  const org = useQuery({
    queryKey: ['orgs', 'detail', orgId],
    queryFn: ({ signal }) => apiGet<OrgDetail>(`/orgs/${orgId}`, undefined, signal),
  });
  const fullFilters = { category: 'full', page: 1, pageSize: 1 } as const;
  const full = useQuery({
    queryKey: ['orgs', 'members', orgId, fullFilters],
    queryFn: ({ signal }) => apiGet<MemberPage>(`/orgs/${orgId}/members`, { ...fullFilters }, signal),
  });
  return {
    data: rules.data && org.data && full.data ? { rules: rules.data, org: org.data, fullCount: full.data.total } : undefined,
    isPending: rules.isPending || org.isPending || full.isPending,
    error: rules.error ?? org.error ?? full.error,
    refetch: () => Promise.all([rules.refetch(), org.refetch(), full.refetch()]),
  };
}
