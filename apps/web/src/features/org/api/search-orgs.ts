import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client';
import type { OrgLevelNode } from '@/lib/org-tree-top';
import { orgKeys } from '@/lib/query-keys';

/** At most this many matches come back; the answer says how many there are in all. */
export const SEARCH_LIMIT = 50;

export interface OrgSearch {
  /** The matches with the path down to each (null: none); a matched org comes with all its children. */
  root: OrgLevelNode | null;
  matchIds: number[];
  matchCount: number;
  truncated: boolean;
}

export function searchOrgs(q: string, signal?: AbortSignal): Promise<OrgSearch> {
  return apiGet<OrgSearch>('/orgs/tree/search', { q, limit: SEARCH_LIMIT }, signal);
}

export const searchOrgsQueryOptions = (q: string) =>
  queryOptions({ queryKey: orgKeys.search(q), queryFn: ({ signal }) => searchOrgs(q, signal), placeholderData: keepPreviousData });

export function useSearchOrgs(q: string) {
  return useQuery({ ...searchOrgsQueryOptions(q), enabled: q.length > 0 });
}
