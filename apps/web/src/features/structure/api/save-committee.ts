import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CommitteeInput, CommitteeRecord, CommitteeUpdate } from '@wj/domain/schemas';
import { apiRequest } from '@/lib/api-client';
import { refreshAfterStructureChange } from './keys';

/** A new election: the committee in office ends on the election day. */
export function createCommittee(orgId: number, body: CommitteeInput): Promise<CommitteeRecord> {
  return apiRequest<CommitteeRecord>(`/orgs/${orgId}/committee`, { method: 'POST', body });
}

/** Corrects the committee in office (seats, roles, term) without an election. */
export function updateCommittee(committeeId: number, body: CommitteeUpdate): Promise<CommitteeRecord> {
  return apiRequest<CommitteeRecord>(`/committees/${committeeId}`, { method: 'PUT', body });
}

type SaveRequest = { mode: 'elect'; body: CommitteeInput } | { mode: 'adjust'; committeeId: number; body: CommitteeUpdate };

export function useSaveCommittee(orgId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (req: SaveRequest) =>
      req.mode === 'elect' ? createCommittee(orgId, req.body) : updateCommittee(req.committeeId, req.body),
    // The committee feeds the org page and the branch's score (支部班子强) as well.
    onSuccess: () => refreshAfterStructureChange(queryClient),
  });
}
