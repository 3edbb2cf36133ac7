import type { OrgLevelNode } from '@/lib/org-tree-top';

/** A node's children as far as they are known: sent with it, or loaded on expand; undefined while neither. */
export function knownChildren(node: OrgLevelNode, loaded: ReadonlyMap<number, OrgLevelNode[]>): OrgLevelNode[] | undefined {
  return node.children ?? loaded.get(node.id);
}

/**
 * In the opening view, a node sent with fewer children than its childCount
 * (the root of a province's committee: its first page of units) shows those,
 * then the pages loaded after them (显示更多), and how many are still to come.
 * A search's nodes show what the search sent (the path to its matches), no more.
 */
export function pagedChildren(
  node: OrgLevelNode, loaded: ReadonlyMap<number, OrgLevelNode[]>, pages: ReadonlyMap<number, OrgLevelNode[]>, opening: boolean,
): { children: OrgLevelNode[] | undefined; more: number } {
  const known = knownChildren(node, loaded);
  if (!opening || !known || !node.children) return { children: known, more: 0 };
  const children = [...known, ...(pages.get(node.id) ?? [])];
  return { children, more: Math.max(0, node.childCount - children.length) };
}

/** Ids of the nodes an answer came with children for: what is open when the tree opens (the path down to the scope, and the scope). */
export function sentOpen(root: OrgLevelNode): number[] {
  const out: number[] = [];
  const stack = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.children && n.children.length > 0) {
      out.push(n.id);
      stack.push(...n.children);
    }
  }
  return out;
}

/** Ids of the nodes with a match below them: opened while searching, so that every match is on screen. */
export function aboveMatches(root: OrgLevelNode, matchIds: readonly number[]): number[] {
  const matches = new Set(matchIds);
  const out: number[] = [];
  const visit = (n: OrgLevelNode): boolean => {
    let below = false;
    for (const c of n.children ?? []) if (visit(c)) below = true;
    if (below) out.push(n.id);
    return below || matches.has(n.id);
  };
  visit(root);
  return out;
}
