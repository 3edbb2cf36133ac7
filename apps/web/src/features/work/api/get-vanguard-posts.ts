import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { VanguardPost } from '@wj/domain/schemas';
import { apiGet } from '@/lib/api-client';
import { workKeys } from './keys';

export function getVanguardPosts(orgId: number, year: number, signal?: AbortSignal): Promise<VanguardPost[]> {
  return apiGet<VanguardPost[]>(`/orgs/${orgId}/vanguard-posts`, { year }, signal);
}

export const vanguardPostsQueryOptions = (orgId: number, year: number) =>
  queryOptions({
    queryKey: workKeys.vanguard(orgId, year),
    queryFn: ({ signal }) => getVanguardPosts(orgId, year, signal),
    placeholderData: keepPreviousData,
  });

export function useVanguardPosts(orgId: number, year: number) {
  return useQuery(vanguardPostsQueryOptions(orgId, year));
}
