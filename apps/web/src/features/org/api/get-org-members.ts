import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { MemberListQuery, MemberPage } from '@wj/domain/schemas';
import { apiGet } from '@/lib/api-client';
import { orgKeys } from './keys';

/** The list query the API accepts; every field but paging is optional. */
export type OrgMembersFilters = Partial<MemberListQuery> & Pick<MemberListQuery, 'page' | 'pageSize'>;

/** Members of the org's whole sub-tree (a branch's own members for a branch). */
export function getOrgMembers(id: number, filters: OrgMembersFilters, signal?: AbortSignal): Promise<MemberPage> {
  return apiGet<MemberPage>(`/orgs/${id}/members`, { ...filters }, signal);
}

export const orgMembersQueryOptions = (id: number, filters: OrgMembersFilters) =>
  queryOptions({
    queryKey: orgKeys.members(id, filters),
    queryFn: ({ signal }) => getOrgMembers(id, filters, signal),
    // Keep the current page on screen while the next one loads.
    placeholderData: keepPreviousData,
  });

export function useOrgMembers(id: number, filters: OrgMembersFilters) {
  return useQuery(orgMembersQueryOptions(id, filters));
}
