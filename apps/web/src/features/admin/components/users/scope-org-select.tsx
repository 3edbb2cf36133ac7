import { TreeSelect } from 'antd';
import type { Role } from '@wj/domain';
import { useLevelTreeSelect, type PickerRules } from '@/lib/org-tree-levels';

/** A unit secretary keeps one unit-level org (the first level; nothing below is offered): only orgs that are their own unit are offered. */
const UNIT_RULES: PickerRules = { show: (n) => n.unitId === n.id, selectable: (n) => n.unitId === n.id, leaf: () => true };

/** A branch secretary keeps one 党支部, grouped by unit (and 总支); shown once picked with its unit, since many units have an 急诊科党支部. */
const BRANCH_RULES: PickerRules = {
  show: (n) => n.kind !== 'party_group' && n.counts.branches > 0,
  selectable: (n) => n.kind === 'branch',
  leaf: (n) => n.kind === 'branch',
  label: (n, above) => (above[0] && above[0].name !== n.name ? `${above[0].name} / ${n.name}` : n.name),
};

/** Nothing to offer a role without scope. */
const NO_RULES: PickerRules = { show: () => false, selectable: () => false };

interface ScopeOrgSelectProps {
  role: Role | undefined;
  value?: number | null;
  onChange?: (value: number | null) => void;
  id?: string;
}

/** Picks the org a secretary keeps: units for 单位书记, branches (a unit opens on click, typing searches them all) for 支部书记. */
export function ScopeOrgSelect({ role, value, onChange, id }: ScopeOrgSelectProps) {
  const rules = role === 'unit_secretary' ? UNIT_RULES : role === 'branch_secretary' ? BRANCH_RULES : NO_RULES;
  const { props, levels } = useLevelTreeSelect({ value, rules });

  return (
    <TreeSelect
      id={id}
      {...props}
      value={value ?? undefined}
      onChange={(v: number | undefined) => onChange?.(v ?? null)}
      status={levels.error ? 'error' : undefined}
      placeholder={levels.error ? '组织架构加载失败，请刷新重试' : role === 'unit_secretary' ? '选择直属单位党组织' : '搜索或选择党支部'}
      treeNodeLabelProp="label"
      allowClear
      listHeight={360}
      notFoundContent={props.loading ? '正在加载…' : '没有匹配的组织'}
      style={{ width: '100%' }}
    />
  );
}
