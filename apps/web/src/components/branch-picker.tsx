import { useMemo } from 'react';
import { Skeleton, TreeSelect } from 'antd';
import { QueryError } from '@/components/query-error';
import { useMe } from '@/lib/auth';
import { branchOptions, type BranchOption } from '@/lib/branch-options';
import { useOrgTree } from '@/lib/org-tree';

/** The 党支部 the user may pick, from the shared org tree query (one request for every page that needs it). */
export function useScopeBranches() {
  const me = useMe();
  const tree = useOrgTree();
  const options = useMemo(
    () => (tree.data && me.data ? branchOptions(tree.data.root, me.data.scopeOrgId) : undefined),
    [tree.data, me.data],
  );
  return { options, isPending: tree.isPending || me.isPending, error: tree.error ?? me.error, refetch: () => void tree.refetch() };
}

interface BranchPickerProps {
  options: BranchOption[];
  value: number | null;
  onChange: (id: number | null) => void;
}

/** Picks one 党支部 in the user's scope; units and 总支 only group them. */
export function BranchPicker({ options, value, onChange }: BranchPickerProps) {
  // With many units (admin, viewer) open only the first level; a unit's branches fit on one screen.
  const expandAll = options.length === 1;
  return (
    <TreeSelect<number>
      aria-label="选择党支部"
      style={{ width: 420, maxWidth: '100%' }}
      placeholder="选择党支部（可输入名称搜索）"
      treeData={options}
      value={value ?? undefined}
      onChange={(id) => onChange(id ?? null)}
      treeNodeLabelProp="label"
      treeNodeFilterProp="title"
      treeDefaultExpandAll={expandAll}
      showSearch
      allowClear
      listHeight={420}
      notFoundContent="没有可选的党支部"
    />
  );
}

export function BranchPickerFallback({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return error ? <QueryError error={error} onRetry={onRetry} title="组织架构加载失败" /> : <Skeleton.Input active style={{ width: 420 }} />;
}
