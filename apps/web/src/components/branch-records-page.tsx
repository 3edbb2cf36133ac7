import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { Card, Empty, Flex, Typography } from 'antd';
import { branchIds, onlyBranch } from '@/lib/branch-options';
import { BranchPicker, BranchPickerFallback, useScopeBranches } from './branch-picker';

interface BranchRecordsPageProps {
  title: string;
  /** What the page keeps, shown until a branch is chosen. */
  description: string;
  renderPanel: (branchId: number) => ReactNode;
}

/**
 * A page of one branch's records reached from the navigation: pick a 党支部 in
 * scope, then its panel. The choice lives in the address (?branch=12), so a
 * reload or a shared link opens the same branch; a branch secretary's own
 * branch is opened without asking.
 */
export function BranchRecordsPage({ title, description, renderPanel }: BranchRecordsPageProps) {
  const [params, setParams] = useSearchParams();
  const { options, isPending, error, refetch } = useScopeBranches();

  const asked = Number(params.get('branch'));
  const allowed = options ? branchIds(options) : [];
  const chosen = allowed.includes(asked) ? asked : options ? onlyBranch(options) : null;

  const choose = (id: number | null) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (id === null) next.delete('branch');
      else next.set('branch', String(id));
      return next;
    });

  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex align="center" gap={16} wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>{title}</Typography.Title>
          {options && !isPending ? (
            <BranchPicker options={options} value={chosen} onChange={choose} />
          ) : (
            <BranchPickerFallback error={error} onRetry={refetch} />
          )}
        </Flex>
      </Card>
      {chosen !== null ? (
        <Card key={chosen}>{renderPanel(chosen)}</Card>
      ) : (
        options && (
          <Card>
            <Empty
              description={
                allowed.length === 0 ? '您的权限范围内没有党支部' : (
                  <Flex vertical gap={4}>
                    <Typography.Text strong>请先在上方选择一个党支部</Typography.Text>
                    <Typography.Text type="secondary">{description}</Typography.Text>
                  </Flex>
                )
              }
            />
          </Card>
        )
      )}
    </Flex>
  );
}
