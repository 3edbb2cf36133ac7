import { queryOptions, useQuery } from '@tanstack/react-query';
import type { OrgLevelNode, OrgTreeTop } from '@wj/domain/schemas';
import { apiGet } from './api-client';
import { orgKeys } from './query-keys';

export type { OrgLevelNode, OrgTreeTop };

/**
 * The org tree one level at a time (GET /api/orgs/tree/top, /orgs/:id/children,
 * /orgs/tree/search; the shapes are @wj/domain's org-levels schemas): the org
 * page and the member list open on this instead of the whole tree, whose size
 * grows with the commission.
 */
export function getOrgTreeTop(signal?: AbortSignal): Promise<OrgTreeTop> {
  return apiGet<OrgTreeTop>('/orgs/tree/top', undefined, signal);
}

export const orgTreeTopQueryOptions = () =>
  queryOptions({ queryKey: orgKeys.treeTop(), queryFn: ({ signal }) => getOrgTreeTop(signal) });

/** Path of nodes from the root down to `id`, both included; empty when the answer does not hold it. */
export function levelPath(root: OrgLevelNode, id: number): OrgLevelNode[] {
  if (root.id === id) return [root];
  for (const child of root.children ?? []) {
    const rest = levelPath(child, id);
    if (rest.length > 0) return [root, ...rest];
  }
  return [];
}

/**
 * The opening view with the user's place in it: `scope` is the top org they
 * may open; `aboveScope` its ancestors, sent for context only (their pages are refused).
 */
export function useTreeTop() {
  const top = useQuery(orgTreeTopQueryOptions());
  const data = top.data && (() => {
    const path = levelPath(top.data.root, top.data.scopeId);
    const scope = path.at(-1) ?? top.data.root;
    return { root: top.data.root, scope, aboveScope: new Set(path.slice(0, -1).map((n) => n.id)) };
  })();
  return { isPending: top.isPending, error: top.error, data, refetch: () => void top.refetch() };
}
