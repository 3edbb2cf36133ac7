import { Skeleton, TreeSelect } from 'antd';
import { useSearchParams } from 'react-router';
import { QueryError } from '@/components/query-error';
import { useLevelTreeSelect, type LevelOption, type PickerRules } from '@/lib/org-tree-levels';

/**
 * Only 党支部 can be picked; the units and 总支 above them only group them
 * (one without any branch is left out); 党小组 keep their records with the
 * branch and are not offered. A branch shows with its unit, since branch
 * names repeat across units.
 */
export const BRANCH_RULES: PickerRules = {
  show: (n) => n.kind !== 'party_group' && n.counts.branches > 0,
  selectable: (n) => n.kind === 'branch',
  leaf: (n) => n.kind === 'branch',
  label: (n, above) => {
    const unit = above[0];
    return n.kind === 'branch' && unit && unit.kind !== 'committee' ? `${unit.institutionName ?? unit.name} · ${n.name}` : n.name;
  },
};

/**
 * The 党支部 the user may pick, from the tree by level: the first level of
 * their scope, what they opened, and the path down to the branch the address
 * names (?branch=12), so a shared link opens on it.
 */
export function useScopeBranches() {
  const [params] = useSearchParams();
  const asked = Number(params.get('branch')) || null;
  const picker = useLevelTreeSelect({ value: asked, rules: BRANCH_RULES });
  const { levels } = picker;
  return {
    options: levels.isPending ? undefined : picker.options,
    isPending: levels.isPending,
    error: levels.error,
    refetch: levels.refetch,
  };
}

interface BranchPickerProps {
  options: LevelOption[];
  value: number | null;
  onChange: (id: number | null) => void;
}

/** Picks one 党支部 in the user's scope: a unit opens on click, typing searches every branch in scope. */
export function BranchPicker({ options, value, onChange }: BranchPickerProps) {
  // The same levels the page's useScopeBranches reads (one cache), with the loading and search wired in.
  const { props } = useLevelTreeSelect({ value, rules: BRANCH_RULES });
  // With many units (admin, viewer) open only the first level; one unit's branches fit on one screen.
  const only = options.length === 1 ? [options[0]!.value] : [];
  return (
    <TreeSelect<number>
      aria-label="选择党支部"
      style={{ width: 420, maxWidth: '100%' }}
      placeholder="选择党支部（可输入名称搜索）"
      {...props}
      value={value ?? undefined}
      onChange={(id) => onChange(id ?? null)}
      treeNodeLabelProp="label"
      treeDefaultExpandedKeys={only}
      allowClear
      listHeight={420}
      notFoundContent={props.loading ? '正在加载…' : '没有可选的党支部'}
    />
  );
}

export function BranchPickerFallback({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return error ? <QueryError error={error} onRetry={onRetry} title="组织架构加载失败" /> : <Skeleton.Input active style={{ width: 420 }} />;
}
