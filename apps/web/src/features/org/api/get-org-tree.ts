import { queryOptions, useQuery } from '@tanstack/react-query';
import type { OrgTreeNode } from '@wj/domain/schemas';
import { apiGet } from '@/lib/api-client';
import { orgKeys } from './keys';

export interface OrgTreeResponse {
  root: OrgTreeNode;
}

export function getOrgTree(signal?: AbortSignal): Promise<OrgTreeResponse> {
  return apiGet<OrgTreeResponse>('/orgs/tree', undefined, signal);
}

export const orgTreeQueryOptions = () =>
  queryOptions({
    queryKey: orgKeys.tree(),
    queryFn: ({ signal }) => getOrgTree(signal),
  });

export function useOrgTree() {
  return useQuery(orgTreeQueryOptions());
}
