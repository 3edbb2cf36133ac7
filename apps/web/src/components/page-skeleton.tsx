import { Card, Skeleton } from 'antd';

/** Placeholder while a page's first data is on its way. */
export function PageSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <Card aria-busy="true" aria-label="正在加载">
      <Skeleton active paragraph={{ rows }} />
    </Card>
  );
}
