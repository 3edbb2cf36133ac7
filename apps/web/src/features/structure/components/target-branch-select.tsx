import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import type { TreeSelectProps } from 'antd';
import type { OrgDetail, OrgTreeNode } from '@wj/domain/schemas';
import { useOrgTree } from '@/lib/org-tree';

type TreeData = NonNullable<TreeSelectProps['treeData']>;

function findNode(node: OrgTreeNode, id: number): OrgTreeNode | undefined {
  if (node.id === id) return node;
  for (const child of node.children) {
    const found = findNode(child, id);
    if (found) return found;
  }
  return undefined;
}

/**
 * The branches of the source's own unit it may move into (the API refuses any
 * other): never itself nor its own 党小组; a 党小组 may also go into another 党小组.
 */
function targets(unit: OrgTreeNode, source: OrgDetail): TreeData {
  const allowGroups = source.kind === 'party_group';
  const toOption = (n: OrgTreeNode): TreeData[number] | null => {
    if (n.id === source.id) return null;
    const children = allowGroups ? n.children.map(toOption).filter((c) => c !== null) : [];
    const selectable = n.kind === 'branch' || (allowGroups && n.kind === 'party_group');
    if (!selectable && children.length === 0) return null;
    return { value: n.id, title: `${n.name}（${n.counts.members} 人）`, selectable, children };
  };
  // A unit that is itself one 党支部 is the only branch of its unit.
  const branches = unit.kind === 'branch' ? [unit] : unit.children.filter((c) => c.kind === 'branch');
  return branches.map(toOption).filter((c) => c !== null);
}

interface TargetBranchSelectProps {
  source: OrgDetail;
  value?: number | null;
  onChange?: (value: number | null, name: string | null) => void;
  allowClear?: boolean;
  id?: string;
}

/** Chooses the branch that takes over a merged or dissolved branch's members. */
export function TargetBranchSelect({ source, value, onChange, allowClear, id }: TargetBranchSelectProps) {
  const tree = useOrgTree();
  const unit = useMemo(
    () => (tree.data && source.unitId !== null ? findNode(tree.data.root, source.unitId) : undefined),
    [tree.data, source.unitId],
  );
  const treeData = useMemo(() => (unit ? targets(unit, source) : []), [unit, source]);

  return (
    <TreeSelect
      id={id}
      value={value ?? undefined}
      onChange={(v: number | undefined) => onChange?.(v ?? null, (unit && v !== undefined && findNode(unit, v)?.name) || null)}
      treeData={treeData}
      loading={tree.isPending}
      allowClear={allowClear}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      placeholder={tree.isError ? '本单位支部列表加载失败，请刷新重试' : '请选择本单位的党支部'}
      notFoundContent="本单位没有其他党支部"
      style={{ width: '100%' }}
    />
  );
}
