import { Card, Empty, Typography } from 'antd';
import { PageSkeleton } from '@/components/page-skeleton';
import { QueryError } from '@/components/query-error';
import { OrgTreeView } from '../components/org-tree-view';
import { useTreeTop } from '@/lib/org-tree-top';

/** 组织架构: the tree from the 机关党委 down to every 党支部 the user may see, opened one level at a time. */
export function OrgTreePage() {
  const { isPending, error, data, refetch } = useTreeTop();

  if (isPending) return <PageSkeleton rows={10} />;
  if (error || !data) return <QueryError error={error} onRetry={refetch} title="组织架构加载失败" />;

  const { root, scope, aboveScope } = data;
  const { counts } = scope;
  return (
    <Card
      title="组织架构"
      extra={
        <Typography.Text type="secondary">
          {scope.name}：共 {counts.branches} 个党支部、{counts.members} 名党员（在职 {counts.inService}，离退休 {counts.retired}）
        </Typography.Text>
      }
    >
      {root.childCount === 0 ? (
        <Empty description="尚未建立下级党组织" />
      ) : (
        <OrgTreeView root={root} aboveScope={aboveScope} />
      )}
    </Card>
  );
}
