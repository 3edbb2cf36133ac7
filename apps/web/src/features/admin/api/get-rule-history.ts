import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client';
import { adminKeys } from './keys';
import { normalizeRuleSet, type RuleSetVersion } from './get-rules';

export async function getRuleHistory(signal?: AbortSignal): Promise<RuleSetVersion[]> {
  const rows = await apiGet<RuleSetVersion[]>('/quality/rules/history', undefined, signal);
  return rows.map(normalizeRuleSet).sort((a, b) => b.version - a.version);
}

export const ruleHistoryQueryOptions = () =>
  queryOptions({
    queryKey: adminKeys.ruleHistory(),
    queryFn: ({ signal }) => getRuleHistory(signal),
  });

export function useRuleHistory() {
  return useQuery(ruleHistoryQueryOptions());
}
