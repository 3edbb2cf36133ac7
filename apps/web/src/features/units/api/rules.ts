import { useQuery } from '@tanstack/react-query';
import { DEFAULT_RULES, withDefaults, type RuleSet } from '@wj/domain/quality';
import { apiGet } from '@/lib/api-client';

/**
 * The rule set in force, for statuses the web shows the way the score judges
 * them (the plan deadline month). Same key as the 组织生活 strip's, under
 * ['quality'] so that a rule change refreshes it with the scores.
 */
export function useRules() {
  return useQuery({
    queryKey: ['quality', 'rules', 'raw'],
    queryFn: ({ signal }) => apiGet<{ version: number; rules: unknown }>('/quality/rules', undefined, signal),
    select: (r) => withDefaults(r.rules) as RuleSet,
  });
}

/** The rules to judge by while they load: the defaults. */
export const rulesOrDefault = (r: RuleSet | undefined): RuleSet => r ?? DEFAULT_RULES;
