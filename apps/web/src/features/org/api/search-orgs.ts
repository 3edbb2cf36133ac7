import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client';
import type { OrgSearch } from '@wj/domain/schemas';
import { orgKeys } from '@/lib/query-keys';

/** At most this many matches come back; the answer says how many there are in all. */
export const SEARCH_LIMIT = 50;

export function searchOrgs(q: string, signal?: AbortSignal): Promise<OrgSearch> {
  return apiGet<OrgSearch>('/orgs/tree/search', { q, limit: SEARCH_LIMIT }, signal);
}

export const searchOrgsQueryOptions = (q: string) =>
  queryOptions({ queryKey: orgKeys.search(q), queryFn: ({ signal }) => searchOrgs(q, signal), placeholderData: keepPreviousData });

export function useSearchOrgs(q: string) {
  return useQuery({ ...searchOrgsQueryOptions(q), enabled: q.length > 0 });
}
