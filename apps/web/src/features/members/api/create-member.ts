import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MemberDetail, MemberInput } from '@wj/domain/schemas';
import { apiRequest } from '@/lib/api-client';
import { refreshAfterMemberWrite } from './refresh-after-write';

/** Enrols a new member in a 党支部 (the API refuses any other kind of org). */
export function createMember(branchId: number, input: MemberInput): Promise<MemberDetail> {
  return apiRequest<MemberDetail>(`/orgs/${branchId}/members`, { method: 'POST', body: input });
}

export function useCreateMember(branchId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MemberInput) => createMember(branchId, input),
    onSuccess: (saved) => refreshAfterMemberWrite(queryClient, saved),
  });
}
