import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Meeting, MeetingInput } from '@wj/domain/schemas';
import { apiRequest } from '@/lib/api-client';
import { meetingKeys } from './keys';
import { qualityKeys } from '@/lib/quality-keys';

export function createMeeting(orgId: number, input: MeetingInput): Promise<Meeting> {
  return apiRequest<Meeting>(`/orgs/${orgId}/meetings`, { method: 'POST', body: input });
}

export function updateMeeting(id: number, input: MeetingInput, version: number): Promise<Meeting> {
  return apiRequest<Meeting>(`/meetings/${id}`, { method: 'PUT', body: { ...input, version } });
}

export function deleteMeeting(id: number, version: number): Promise<void> {
  return apiRequest<void>(`/meetings/${id}`, { method: 'DELETE', query: { version } });
}

/** A record changes the branch's 政治功能 score too, so the quality views refresh with the lists. */
function useRefreshAfterWrite() {
  const queryClient = useQueryClient();
  return () => Promise.all([
    queryClient.invalidateQueries({ queryKey: meetingKeys.all }),
    queryClient.invalidateQueries({ queryKey: qualityKeys.all }),
  ]);
}

/** Creates when `id` is null, otherwise updates the record read at `version`. */
export function useSaveMeeting(orgId: number) {
  const refresh = useRefreshAfterWrite();
  return useMutation({
    mutationFn: ({ id, input, version }: { id: number | null; input: MeetingInput; version?: number }) =>
      id === null ? createMeeting(orgId, input) : updateMeeting(id, input, version ?? 0),
    onSuccess: refresh,
  });
}

export function useDeleteMeeting() {
  const refresh = useRefreshAfterWrite();
  return useMutation({
    mutationFn: ({ id, version }: { id: number; version: number }) => deleteMeeting(id, version),
    onSuccess: refresh,
  });
}
