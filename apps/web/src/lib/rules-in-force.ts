import { queryOptions, useQuery } from '@tanstack/react-query';
import { DEFAULT_RULES, withDefaults, type RuleSet } from '@wj/domain/quality';
import { apiGet } from './api-client';
import { qualityKeys } from './quality-keys';

/**
 * The rule set in force, for statuses the web shows the way the score judges
 * them (组织生活 frequencies, the plan deadline month). Under ['quality'] so
 * that a rule change by an admin refreshes it with the scores.
 */
export const rulesInForceQueryOptions = () =>
  queryOptions({
    queryKey: qualityKeys.rulesInForce(),
    queryFn: ({ signal }) => apiGet<{ version: number; rules: unknown }>('/quality/rules', undefined, signal),
    select: (r) => withDefaults(r.rules) as RuleSet,
  });

export function useRulesInForce() {
  return useQuery(rulesInForceQueryOptions());
}

/** The rules to judge by while they load: the defaults. */
export const rulesOrDefault = (r: RuleSet | undefined): RuleSet => r ?? DEFAULT_RULES;
