import { queryOptions } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client';
import type { OrgChildren } from '@wj/domain/schemas';
import { orgKeys } from '@/lib/query-keys';

/** One org's children in the user's view, asked for when its tree node is expanded. */
export function getOrgChildren(id: number, signal?: AbortSignal): Promise<OrgChildren> {
  return apiGet<OrgChildren>(`/orgs/${id}/children`, undefined, signal);
}

export const orgChildrenQueryOptions = (id: number) =>
  queryOptions({ queryKey: orgKeys.children(id), queryFn: ({ signal }) => getOrgChildren(id, signal), select: (d) => d.items });
