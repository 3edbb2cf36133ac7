import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OrgDissolve, OrgMerge, OrgMoveResult } from '@wj/domain/schemas';
import { apiRequest } from '@/lib/api-client';
import { orgKeys, refreshAfterStructureChange } from './keys';

/** Merges a branch (or 党小组) into another of the same unit: members and open records move with it. */
export function mergeOrg(id: number, body: OrgMerge): Promise<OrgMoveResult> {
  return apiRequest<OrgMoveResult>(`/orgs/${id}/merge`, { method: 'POST', body });
}

/** Dissolves a branch (or 党小组); its members move to `moveMembersTo`. */
export function dissolveOrg(id: number, body: OrgDissolve): Promise<OrgMoveResult> {
  return apiRequest<OrgMoveResult>(`/orgs/${id}/dissolve`, { method: 'POST', body });
}

type MoveRequest = { mode: 'merge'; body: OrgMerge } | { mode: 'dissolve'; body: OrgDissolve };

export function useMoveOrg(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (req: MoveRequest) => (req.mode === 'merge' ? mergeOrg(id, req.body) : dissolveOrg(id, req.body)),
    onSuccess: async () => {
      // The dissolved org no longer exists for the API (404): drop it rather than refetch it.
      queryClient.removeQueries({ queryKey: orgKeys.detail(id) });
      await refreshAfterStructureChange(queryClient);
    },
  });
}
