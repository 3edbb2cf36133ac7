import type { Role } from '@wj/domain';
import type { OrgTreeNode } from '@wj/domain/schemas';

export interface ScopeOption {
  value: number;
  title: string;
  /** Shown once picked: a branch with its unit, since many units have an 急诊科党支部. */
  label: string;
  selectable: boolean;
  children?: ScopeOption[];
}

/** Which roles keep one org: a unit secretary a unit-level org, a branch secretary one 党支部 (DESIGN.md, Users). */
export function needsScope(role: Role | undefined): boolean {
  return role === 'unit_secretary' || role === 'branch_secretary';
}

function branchesUnder(node: OrgTreeNode, unitName: string): ScopeOption | null {
  const label = node.name === unitName ? node.name : `${unitName} / ${node.name}`;
  if (node.kind === 'branch') return { value: node.id, title: node.name, label, selectable: true };
  const children = node.children.map((c) => branchesUnder(c, unitName)).filter((c): c is ScopeOption => c !== null);
  return children.length > 0 ? { value: node.id, title: node.name, label, selectable: false, children } : null;
}

/**
 * The orgs a role may be given, as the scope picker's tree: the direct units
 * under the root for a unit secretary; every 党支部, grouped by unit (and
 * 总支), for a branch secretary — the same rule the API checks.
 */
export function scopeOptions(root: OrgTreeNode, role: Role | undefined): ScopeOption[] {
  const units = root.children.filter((n) => n.unitId === n.id);
  if (role === 'unit_secretary') return units.map((u) => ({ value: u.id, title: u.name, label: u.name, selectable: true }));
  if (role === 'branch_secretary') return units.map((u) => branchesUnder(u, u.name)).filter((c): c is ScopeOption => c !== null);
  return [];
}

/** id → name for every org in the tree (the audit log names the org of each entry). */
export function orgNames(root: OrgTreeNode): Map<number, string> {
  const names = new Map<number, string>();
  const walk = (n: OrgTreeNode) => {
    names.set(n.id, n.name);
    n.children.forEach(walk);
  };
  walk(root);
  return names;
}
