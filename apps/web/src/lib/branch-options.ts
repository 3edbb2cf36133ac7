import type { OrgTreeNode } from '@wj/domain/schemas';

/** A TreeSelect node: only 党支部 can be picked; the orgs above them only group them. */
export interface BranchOption {
  value: number;
  title: string;
  /** Shown in the closed picker: the branch with its unit, since branch names repeat across units. */
  label: string;
  selectable: boolean;
  children: BranchOption[];
}

function findNode(node: OrgTreeNode, id: number): OrgTreeNode | undefined {
  if (node.id === id) return node;
  for (const child of node.children) {
    const found = findNode(child, id);
    if (found) return found;
  }
  return undefined;
}

function toOption(node: OrgTreeNode, unitName: string | null): BranchOption | null {
  if (node.kind === 'branch') {
    const label = unitName && unitName !== node.name ? `${unitName} · ${node.name}` : node.name;
    // 党小组 under a branch keep their records with the branch: not offered here.
    return { value: node.id, title: node.name, label, selectable: true, children: [] };
  }
  const unit = unitName ?? (node.kind === 'committee' ? null : (node.institutionName ?? node.name));
  const children = node.children.map((c) => toOption(c, unit)).filter((c): c is BranchOption => c !== null);
  // A 党委 or 总支 without any branch below it offers nothing to pick.
  return children.length ? { value: node.id, title: node.name, label: node.name, selectable: false, children } : null;
}

/**
 * The branches a user may open, as a tree starting at their scope (the whole
 * commission for admin and viewer, their unit, or their own branch).
 */
export function branchOptions(root: OrgTreeNode, scopeOrgId: number | null): BranchOption[] {
  const scope = scopeOrgId === null ? root : findNode(root, scopeOrgId);
  if (!scope) return [];
  const unitName = scope.kind === 'committee' ? null : scope.unitId === scope.id ? (scope.institutionName ?? scope.name) : null;
  const option = toOption(scope, unitName);
  if (!option) return [];
  // The committee itself is not shown: its units are the first level.
  return scope.kind === 'committee' ? option.children : [option];
}

/** Every branch id among the options (to check a remembered choice is still allowed). */
export function branchIds(options: BranchOption[]): number[] {
  return options.flatMap((o) => (o.selectable ? [o.value] : branchIds(o.children)));
}

/** The branch to open without asking: the only one the user may see (a branch secretary's own). */
export function onlyBranch(options: BranchOption[]): number | null {
  const ids = branchIds(options);
  return ids.length === 1 ? ids[0]! : null;
}
