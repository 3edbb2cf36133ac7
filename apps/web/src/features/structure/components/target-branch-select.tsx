import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import type { OrgDetail, OrgLevelNode } from '@wj/domain/schemas';
import { useQuery } from '@tanstack/react-query';
import {
  findOption, levelOptions, loadedKeys, orgChildrenQuery, useOrgLevels, type PickerRules,
} from '@/lib/org-tree-levels';

/**
 * The branches of the source's own unit it may move into (the API refuses any
 * other): never itself nor its own 党小组; a 党小组 may also go into another
 * 党小组 (a branch's groups load when it is opened).
 */
function targetRules(source: OrgDetail): PickerRules {
  const allowGroups = source.kind === 'party_group';
  return {
    show: (n) => n.id !== source.id && (n.kind === 'branch' || (allowGroups && n.kind === 'party_group')),
    selectable: () => true,
    leaf: (n) => !allowGroups || n.kind === 'party_group',
    title: (n) => `${n.name}（${n.counts.members} 人）`,
  };
}

/** The unit's branches: its children, or the unit itself when it is one 党支部 (its children then are its 党小组). */
function unitBranches(source: OrgDetail, unitChildren: OrgLevelNode[]): OrgLevelNode[] {
  const unit = source.path.find((p) => p.id === source.unitId);
  if (unit?.kind !== 'branch') return unitChildren;
  const counts = { branches: 1, members: 0, inService: 0, retired: 0 };
  return [{ id: unit.id, parentId: null, unitId: unit.id, kind: 'branch', name: unit.name, institutionName: null, counts, childCount: unitChildren.length }];
}

interface TargetBranchSelectProps {
  source: OrgDetail;
  value?: number | null;
  onChange?: (value: number | null, name: string | null) => void;
  allowClear?: boolean;
  id?: string;
}

/** Chooses the branch that takes over a merged or dissolved branch's members: one unit's children, loaded when the dialog opens. */
export function TargetBranchSelect({ source, value, onChange, allowClear, id }: TargetBranchSelectProps) {
  const levels = useOrgLevels();
  // One unit's children (the same cache entry the org page's tree reads); a branch's 党小组 load when it is opened.
  const unit = useQuery({ ...orgChildrenQuery(source.unitId ?? 0), enabled: source.unitId !== null });
  const rules = useMemo(() => targetRules(source), [source]);
  const treeData = useMemo(
    () => (unit.data ? levelOptions(unitBranches(source, unit.data.items), levels.childrenOf, rules) : []),
    [unit.data, source, levels.childrenOf, rules],
  );
  const loading = source.unitId !== null && unit.isPending;

  return (
    <TreeSelect
      id={id}
      value={value ?? undefined}
      onChange={(v: number | undefined) => onChange?.(v ?? null, (v !== undefined && findOption(treeData, v)?.name) || null)}
      treeData={treeData}
      loadData={(node) => levels.load(Number(node.value))}
      treeLoadedKeys={loadedKeys(treeData)}
      loading={loading}
      allowClear={allowClear}
      showSearch={{ treeNodeFilterProp: 'title' }}
      placeholder={unit.isError ? '本单位支部列表加载失败，请刷新重试' : '请选择本单位的党支部'}
      notFoundContent={loading ? '正在加载…' : '本单位没有其他党支部'}
      style={{ width: '100%' }}
    />
  );
}
