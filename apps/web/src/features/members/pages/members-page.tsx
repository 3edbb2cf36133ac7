import type { ReactNode } from 'react';
import { Card } from 'antd';
import { PageSkeleton } from '@/components/page-skeleton';
import { QueryError } from '@/components/query-error';
// Which org's members to list is the user's scope, named by the tree's opening view (not the whole tree: it grows with the commission).
import { useTreeTop } from '@/lib/org-tree-top';
import { MembersTable } from '../components/members-table';

interface MembersPageProps {
  /** Roster import/export for the listed org, passed in by the app layer (features don't import each other). */
  renderActions?: (org: { id: number; name: string; isBranch: boolean }) => ReactNode;
}

/** 党员: every member the user may see — the whole commission, or their unit or branch. */
export function MembersPage({ renderActions }: MembersPageProps) {
  const { isPending, error, data, refetch } = useTreeTop();

  if (isPending) return <PageSkeleton rows={12} />;
  if (error || !data) return <QueryError error={error} onRetry={refetch} title="组织信息加载失败" />;

  const { scope } = data;
  return (
    <Card title="党员" extra={scope.name}>
      <MembersTable
        orgId={scope.id}
        showOrg={scope.kind !== 'branch'}
        isBranch={scope.kind === 'branch'}
        actions={renderActions?.({ id: scope.id, name: scope.name, isBranch: scope.kind === 'branch' })}
      />
    </Card>
  );
}
