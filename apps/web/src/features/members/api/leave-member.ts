import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MemberDetail, MemberLeave } from '@wj/domain/schemas';
import { apiRequest } from '@/lib/api-client';
import { refreshAfterMemberWrite } from './refresh-after-write';

/** 转出 / 死亡 / 出党: the member leaves the roll; the record stays with its status (never deleted). */
export function leaveMember(id: number, input: MemberLeave): Promise<MemberDetail> {
  return apiRequest<MemberDetail>(`/members/${id}/leave`, { method: 'POST', body: input });
}

export function useLeaveMember(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MemberLeave) => leaveMember(id, input),
    onSuccess: (saved) => refreshAfterMemberWrite(queryClient, saved),
  });
}
