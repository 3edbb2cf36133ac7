import type { OrgTreeNode } from '@wj/domain/schemas';

export interface BranchTreeOption {
  value: number;
  title: string;
  selectable: boolean;
  disabled?: boolean;
  children?: BranchTreeOption[];
}

/**
 * The org tree as TreeSelect options where only a 党支部 can be chosen
 * (members are kept on a branch's roll) and the member's own branch is
 * greyed out. 党小组 are left out, and so are sub-trees without a branch.
 */
export function branchTreeOptions(node: OrgTreeNode, currentBranchId: number): BranchTreeOption | null {
  if (node.kind === 'party_group') return null;
  if (node.kind === 'branch') {
    const current = node.id === currentBranchId;
    return { value: node.id, title: current ? `${node.name}（现所在支部）` : node.name, selectable: !current, disabled: current };
  }
  const children = node.children.map((c) => branchTreeOptions(c, currentBranchId)).filter((c): c is BranchTreeOption => c !== null);
  if (children.length === 0) return null;
  return { value: node.id, title: node.name, selectable: false, children };
}
