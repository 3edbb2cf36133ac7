import type { OrgLevelNode } from '@/lib/org-tree-top';

/** A node's children as far as they are known: sent with it, or loaded on expand; undefined while neither. */
export function knownChildren(node: OrgLevelNode, loaded: ReadonlyMap<number, OrgLevelNode[]>): OrgLevelNode[] | undefined {
  return node.children ?? loaded.get(node.id);
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
