import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MemberListItem, MemberPage } from '@wj/domain/schemas';
import { apiGet } from '@/lib/api-client';
import { structureKeys } from './keys';

const PAGE_SIZE = 200;

/** Every active member of the branch (its 党小组 included): the people a committee may be elected from. */
export async function getBranchRoster(orgId: number, signal?: AbortSignal): Promise<MemberListItem[]> {
  const items: MemberListItem[] = [];
  for (let page = 1; ; page += 1) {
    const res = await apiGet<MemberPage>(`/orgs/${orgId}/members`, { page, pageSize: PAGE_SIZE, status: 'active' }, signal);
    items.push(...res.items);
    if (items.length >= res.total || res.items.length === 0) return items;
  }
}

export const branchRosterQueryOptions = (orgId: number) =>
  queryOptions({ queryKey: structureKeys.roster(orgId), queryFn: ({ signal }) => getBranchRoster(orgId, signal) });

export function useBranchRoster(orgId: number, enabled: boolean) {
  return useQuery({ ...branchRosterQueryOptions(orgId), enabled });
}
