import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { MemberPage, OrgDetail } from '@wj/domain/schemas';
import { apiGet } from './api-client';
import { orgKeys, type OrgMembersFilters } from './query-keys';

/**
 * One org and its members: read by the org page, the 组织生活 strip, the
 * 先锋岗 leader picker, the 待办 forms and the write-access check, so they
 * live here (features don't import each other) under one key each.
 */

export function getOrg(id: number, signal?: AbortSignal): Promise<OrgDetail> {
  return apiGet<OrgDetail>(`/orgs/${id}`, undefined, signal);
}

export const orgQueryOptions = (id: number) =>
  queryOptions({ queryKey: orgKeys.detail(id), queryFn: ({ signal }) => getOrg(id, signal) });

export function useOrg(id: number, enabled = true) {
  return useQuery({ ...orgQueryOptions(id), enabled });
}

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

export function useOrgMembers(id: number, filters: OrgMembersFilters, enabled = true) {
  return useQuery({ ...orgMembersQueryOptions(id, filters), enabled });
}
