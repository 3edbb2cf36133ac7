import { queryOptions, useQuery } from '@tanstack/react-query';
import type { OrgTreeNode } from '@wj/domain/schemas';
import { apiGet } from './api-client';
import { useMe } from './auth';
import { findOrgNode, pathToNode } from './org-scope';
import { orgKeys } from './query-keys';

/**
 * The org tree, as the server prunes it to the user's scope. One query for the
 * whole SPA (the org pages, the member and admin pickers, the structure
 * dialogs, the report scope bar), so it is fetched once and cached once.
 */
export interface OrgTreeResponse {
  root: OrgTreeNode;
}

export function getOrgTree(signal?: AbortSignal): Promise<OrgTreeResponse> {
  return apiGet<OrgTreeResponse>('/orgs/tree', undefined, signal);
}

export const orgTreeQueryOptions = () =>
  queryOptions({ queryKey: orgKeys.tree(), queryFn: ({ signal }) => getOrgTree(signal) });

export function useOrgTree(enabled = true) {
  return useQuery({ ...orgTreeQueryOptions(), enabled });
}

/**
 * The org tree with the signed-in user's place in it: `scope` is the top org
 * they may open (the root for admin and viewer, their unit or branch for a
 * secretary); `aboveScope` holds its ancestors, sent for context only.
 */
export function useScopeRoot() {
  const tree = useOrgTree();
  const me = useMe();
  const root = tree.data?.root;
  const scopeOrgId = me.data?.scopeOrgId ?? null;
  const scope = root && (scopeOrgId === null ? root : (findOrgNode(root, scopeOrgId) ?? root));

  return {
    isPending: tree.isPending || me.isPending,
    error: tree.error ?? me.error,
    data: root && scope && me.data ? { root, scope, aboveScope: new Set(pathToNode(root, scope.id).slice(0, -1)) } : undefined,
    refetch: () => {
      if (tree.isError) void tree.refetch();
      if (me.isError) void me.refetch();
    },
  };
}
