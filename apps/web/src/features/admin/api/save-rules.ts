import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RuleSet } from '@wj/domain/quality';
import { apiRequest } from '@/lib/api-client';
import { adminKeys } from './keys';
import { normalizeRuleSet, type RuleSetVersion } from './get-rules';

export interface RuleSetSave {
  rules: RuleSet;
  note?: string;
  /** The version the form was read at: the server answers 409 if a newer one was saved meanwhile. */
  baseVersion: number;
}

export async function saveRules(body: RuleSetSave): Promise<RuleSetVersion> {
  return normalizeRuleSet(await apiRequest<RuleSetVersion>('/quality/rules', { method: 'PUT', body }));
}

export function useSaveRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveRules,
    onSuccess: () => {
      // Scores are recomputed from the new rules at once: refresh every quality query, not only the rules.
      void queryClient.invalidateQueries({ queryKey: adminKeys.quality });
      void queryClient.invalidateQueries({ queryKey: adminKeys.audit });
    },
  });
}
