import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OrgRecord, OrgUpdate } from '@wj/domain/schemas';
import { apiRequest } from '@/lib/api-client';
import { refreshAfterStructureChange } from './keys';

/** Rename, re-categorise or move to another department; needs the version read. */
export function updateOrg(id: number, body: OrgUpdate): Promise<OrgRecord> {
  return apiRequest<OrgRecord>(`/orgs/${id}`, { method: 'PUT', body });
}

export function useUpdateOrg(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OrgUpdate) => updateOrg(id, body),
    onSuccess: () => refreshAfterStructureChange(queryClient),
  });
}
