import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import type { MemberDetail } from '@wj/domain/schemas';
import { apiGet } from '@/lib/api-client';
import { memberKeys, memberWriteRefreshes } from './keys';


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

/**
 * 重新加载 after a 409: the member as stored now (never the cache), handed to
 * the form to start afresh; the roster and counts are refreshed with it.
 */
export function useReloadMember(memberId: number, onReloaded: (fresh: MemberDetail) => void) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  return async () => {
    try {
      onReloaded(await queryClient.fetchQuery({ ...memberQueryOptions(memberId), staleTime: 0 }));
      void Promise.all(memberWriteRefreshes.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    } catch {
      void message.error('重新加载失败，请稍后重试');
    }
  };
}
