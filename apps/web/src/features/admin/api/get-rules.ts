import { queryOptions, useQuery } from '@tanstack/react-query';
import { withDefaults, type RuleSet } from '@wj/domain/quality';
import { apiGet } from '@/lib/api-client';
import { adminKeys } from './keys';

/** One stored version of the scoring rules (GET /api/quality/rules and its history). */
export interface RuleSetVersion {
  version: number;
  createdAt: string;
  createdBy: string | null;
  note: string | null;
  rules: RuleSet;
}

/** An older stored version may lack a newer indicator or parameter: fill it from the defaults as the server does. */
export function normalizeRuleSet(raw: Omit<RuleSetVersion, 'rules'> & { rules: unknown }): RuleSetVersion {
  return { ...raw, rules: withDefaults(raw.rules) as RuleSet };
}

export async function getCurrentRules(signal?: AbortSignal): Promise<RuleSetVersion> {
  return normalizeRuleSet(await apiGet<RuleSetVersion>('/quality/rules', undefined, signal));
}

export const currentRulesQueryOptions = () =>
  queryOptions({
    queryKey: adminKeys.currentRules(),
    queryFn: ({ signal }) => getCurrentRules(signal),
  });

export function useCurrentRules() {
  return useQuery(currentRulesQueryOptions());
}
