import { queryOptions, useQuery } from '@tanstack/react-query';
import type { OrgTreeNode } from '@wj/domain/schemas';
import { apiGet } from '@/lib/api-client';
import { adminKeys } from './keys';

/** The whole tree (the admin sees everything): for the scope picker and org names in the audit log. */
export function getOrgTree(signal?: AbortSignal): Promise<{ root: OrgTreeNode }> {
  return apiGet<{ root: OrgTreeNode }>('/orgs/tree', undefined, signal);
}

export const orgTreeQueryOptions = () =>
  queryOptions({
    queryKey: adminKeys.orgTree(),
    queryFn: ({ signal }) => getOrgTree(signal),
  });

export function useOrgTree() {
  return useQuery(orgTreeQueryOptions());
}
