import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import type { Role } from '@wj/domain';
import { useOrgTree } from '@/lib/org-tree';
import { scopeOptions } from '../../lib/scope-tree';

interface ScopeOrgSelectProps {
  role: Role | undefined;
  value?: number | null;
  onChange?: (value: number | null) => void;
  id?: string;
}

/** Picks the org a secretary keeps: units for 单位书记, branches (grouped by unit) for 支部书记. */
export function ScopeOrgSelect({ role, value, onChange, id }: ScopeOrgSelectProps) {
  const tree = useOrgTree();
  const treeData = useMemo(() => (tree.data ? scopeOptions(tree.data.root, role) : []), [tree.data, role]);

  return (
    <TreeSelect
      id={id}
      value={value ?? undefined}
      onChange={(v: number | undefined) => onChange?.(v ?? null)}
      treeData={treeData}
      loading={tree.isPending}
      status={tree.isError ? 'error' : undefined}
      placeholder={tree.isError ? '组织架构加载失败，请刷新重试' : role === 'unit_secretary' ? '选择直属单位党组织' : '搜索或选择党支部'}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeNodeLabelProp="label"
      allowClear
      listHeight={360}
      notFoundContent="没有匹配的组织"
      style={{ width: '100%' }}
    />
  );
}
