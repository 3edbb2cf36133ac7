import type { OrgTreeNode } from '@wj/domain/schemas';

export function findOrgNode(root: OrgTreeNode, id: number): OrgTreeNode | undefined {
  if (root.id === id) return root;
  for (const child of root.children) {
    const found = findOrgNode(child, id);
    if (found) return found;
  }
  return undefined;
}

/**
 * Ids of the orgs above the user's scope. The API sends them so the tree
 * shows where the scope sits, but refuses their pages (403), so the UI must
 * not offer them as links. Empty for a user who sees everything.
 */
export function idsAboveScope(path: readonly { id: number }[], scopeOrgId: number | null): Set<number> {
  if (scopeOrgId === null) return new Set();
  const at = path.findIndex((step) => step.id === scopeOrgId);
  return new Set(at < 0 ? [] : path.slice(0, at).map((step) => step.id));
}

/** Path of ids from the root down to `id`, both included; empty when absent. */
export function pathToNode(root: OrgTreeNode, id: number): number[] {
  if (root.id === id) return [root.id];
  for (const child of root.children) {
    const rest = pathToNode(child, id);
    if (rest.length > 0) return [root.id, ...rest];
  }
  return [];
}
