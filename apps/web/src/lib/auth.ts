import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Me } from '@wj/domain/schemas';
import { apiGet } from './api-client';
import { authKeys } from './query-keys';

/**
 * The signed-in user, for every feature: which part of the tree they may see
 * (scopeOrgId: null for the whole commission) and their role. Login itself
 * lands here later, with the 401 redirect in api-client.ts.
 */
export function getMe(signal?: AbortSignal): Promise<Me> {
  return apiGet<Me>('/auth/me', undefined, signal);
}

export const meQueryOptions = () =>
  queryOptions({
    queryKey: authKeys.me(),
    queryFn: ({ signal }) => getMe(signal),
    // Who is signed in changes only through login/logout, which will refresh it explicitly.
    staleTime: Infinity,
  });

export function useMe() {
  return useQuery(meQueryOptions());
}
