import { queryOptions, useQuery } from '@tanstack/react-query';
import type { OrgTreeNode } from '@wj/domain/schemas';
import { apiGet } from '@/lib/api-client';
import { orgTreeKey } from './keys';

/** The org tree within the user's scope: where merge and dissolve targets come from. */
export function getOrgTree(signal?: AbortSignal): Promise<{ root: OrgTreeNode }> {
  return apiGet<{ root: OrgTreeNode }>('/orgs/tree', undefined, signal);
}

export const orgTreeQueryOptions = () =>
  queryOptions({ queryKey: orgTreeKey, queryFn: ({ signal }) => getOrgTree(signal) });

export function useOrgTree(enabled = true) {
  return useQuery({ ...orgTreeQueryOptions(), enabled });
}
