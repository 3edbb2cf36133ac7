import { queryOptions } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client';
import type { OrgLevelNode } from '@/lib/org-tree-top';
import { orgKeys } from '@/lib/query-keys';

/** One org's children in the user's view, asked for when its tree node is expanded. */
export function getOrgChildren(id: number, signal?: AbortSignal): Promise<{ items: OrgLevelNode[] }> {
  return apiGet<{ items: OrgLevelNode[] }>(`/orgs/${id}/children`, undefined, signal);
}

export const orgChildrenQueryOptions = (id: number) =>
  queryOptions({ queryKey: orgKeys.children(id), queryFn: ({ signal }) => getOrgChildren(id, signal), select: (d) => d.items });
