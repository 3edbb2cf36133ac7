import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MemberDetail, MemberTransfer } from '@wj/domain/schemas';
import { apiRequest } from '@/lib/api-client';
import { refreshAfterMemberWrite } from './refresh-after-write';

/** 组织关系转接 to another 党支部 of the commission; the user needs write access to both branches. */
export function transferMember(id: number, input: MemberTransfer): Promise<MemberDetail> {
  return apiRequest<MemberDetail>(`/members/${id}/transfer`, { method: 'POST', body: input });
}

export function useTransferMember(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MemberTransfer) => transferMember(id, input),
    onSuccess: (saved) => refreshAfterMemberWrite(queryClient, saved),
  });
}
