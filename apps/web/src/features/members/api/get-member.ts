import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MemberDetail } from '@wj/domain/schemas';
import { apiGet } from '@/lib/api-client';
import { memberKeys } from './keys';


/** One member; the server masks the 公民身份号码 for every role below admin. */
export function getMember(id: number, signal?: AbortSignal): Promise<MemberDetail> {
  return apiGet<MemberDetail>(`/members/${id}`, undefined, signal);
}

export const memberQueryOptions = (id: number) =>
  queryOptions({
    queryKey: memberKeys.detail(id),
    queryFn: ({ signal }) => getMember(id, signal),
  });

export function useMember(id: number | null) {
  return useQuery({ ...memberQueryOptions(id ?? 0), enabled: id !== null });
}
