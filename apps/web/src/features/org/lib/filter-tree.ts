import type { OrgTreeNode } from '@wj/domain/schemas';

export interface FilteredTree {
  /** The tree cut down to matching nodes and their ancestors; null when nothing matches. */
  root: OrgTreeNode | null;
  /** Ids of every node that has a match below it, so the matches are visible. */
  expandedIds: number[];
  matchCount: number;
}

/**
 * Keeps the nodes whose name contains `keyword` (case-insensitive), with
 * their ancestors for context and their own sub-tree intact, so a matched
 * 党委 still shows its branches.
 */
export function filterOrgTree(root: OrgTreeNode, keyword: string): FilteredTree {
  const needle = keyword.trim().toLowerCase();
  if (!needle) return { root, expandedIds: [], matchCount: 0 };

  const expandedIds: number[] = [];
  let matchCount = 0;

  const visit = (node: OrgTreeNode): OrgTreeNode | null => {
    const selfMatches = node.name.toLowerCase().includes(needle);
    if (selfMatches) matchCount += 1;
    const children = node.children.map(visit).filter((child): child is OrgTreeNode => child !== null);
    if (children.length > 0) expandedIds.push(node.id);
    if (selfMatches) return { ...node, children: children.length > 0 ? mergeChildren(node.children, children) : node.children };
    return children.length > 0 ? { ...node, children } : null;
  };

  return { root: visit(root), expandedIds, matchCount };
}

/** A matched node keeps all its children; those with matches below are swapped for their filtered copies. */
function mergeChildren(all: OrgTreeNode[], filtered: OrgTreeNode[]): OrgTreeNode[] {
  const byId = new Map(filtered.map((node) => [node.id, node]));
  return all.map((node) => byId.get(node.id) ?? node);
}

