import { Card, Empty, Typography } from 'antd';
import { PageSkeleton } from '@/components/page-skeleton';
import { QueryError } from '@/components/query-error';
import { useOrgTree } from '../api/get-org-tree';
import { OrgTreeView } from '../components/org-tree-view';

/** 组织架构: the whole tree from the 机关党委 down to every 党支部. */
export function OrgTreePage() {
  const tree = useOrgTree();

  if (tree.isPending) return <PageSkeleton rows={10} />;
  if (tree.isError) return <QueryError error={tree.error} onRetry={() => void tree.refetch()} title="组织架构加载失败" />;

  const { root } = tree.data;
  const { counts } = root;
  return (
    <Card
      title="组织架构"
      extra={
        <Typography.Text type="secondary">
          {root.name}：共 {counts.branches} 个党支部、{counts.members} 名党员（在职 {counts.inService}，离退休 {counts.retired}）
        </Typography.Text>
      }
    >
      {root.children.length === 0 ? (
        <Empty description="尚未建立下级党组织" />
      ) : (
        <OrgTreeView root={root} />
      )}
    </Card>
  );
}
