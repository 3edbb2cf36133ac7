import { Card } from 'antd';
import { PageSkeleton } from '@/components/page-skeleton';
import { QueryError } from '@/components/query-error';
// The root org's id comes from the tree, which the org feature owns.
import { useOrgTree } from '@/features/org/api/get-org-tree';
import { MembersTable } from '../components/members-table';

/** 党员: every member under the root organisation. */
export function MembersPage() {
  const tree = useOrgTree();

  if (tree.isPending) return <PageSkeleton rows={12} />;
  if (tree.isError) return <QueryError error={tree.error} onRetry={() => void tree.refetch()} title="组织信息加载失败" />;

  const { root } = tree.data;
  return (
    <Card title="党员" extra={root.name}>
      <MembersTable orgId={root.id} showOrg />
    </Card>
  );
}
