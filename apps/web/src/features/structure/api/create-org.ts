import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OrgCreate, OrgRecord } from '@wj/domain/schemas';
import { apiRequest } from '@/lib/api-client';
import { refreshAfterStructureChange } from './keys';

/** A 党支部 under a unit's 党委/党总支, or a 党小组 under a 党支部. */
export function createOrg(parentId: number, body: OrgCreate): Promise<OrgRecord> {
  return apiRequest<OrgRecord>(`/orgs/${parentId}/branches`, { method: 'POST', body });
}

export function useCreateOrg(parentId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OrgCreate) => createOrg(parentId, body),
    onSuccess: () => refreshAfterStructureChange(queryClient),
  });
}
