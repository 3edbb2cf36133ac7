import { useMe } from '@/lib/auth';
import { useOrgTree } from '../api/get-org-tree';
import { findOrgNode, pathToNode } from '../lib/scope';

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
