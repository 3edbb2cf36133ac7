import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MemberDetail, MemberUpdate } from '@wj/domain/schemas';
import { apiRequest } from '@/lib/api-client';
import { refreshAfterMemberWrite } from './refresh-after-write';

/**
 * Saves an edit read at `input.version` (a stale version answers 409). Below
 * admin the masked 公民身份号码 and phone go back as shown, meaning "unchanged".
 */
export function updateMember(id: number, input: MemberUpdate): Promise<MemberDetail> {
  return apiRequest<MemberDetail>(`/members/${id}`, { method: 'PUT', body: input });
}

export function useUpdateMember(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MemberUpdate) => updateMember(id, input),
    onSuccess: (saved) => refreshAfterMemberWrite(queryClient, saved),
  });
}
