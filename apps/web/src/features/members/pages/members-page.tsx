import type { ReactNode } from 'react';
import { Card } from 'antd';
import { PageSkeleton } from '@/components/page-skeleton';
import { QueryError } from '@/components/query-error';
// Which org's members to list comes from the tree and the user's scope, which the org feature owns.
import { useScopeRoot } from '@/lib/org-tree';
import { MembersTable } from '../components/members-table';

interface MembersPageProps {
  /** Roster import/export for the listed org, passed in by the app layer (features don't import each other). */
  renderActions?: (org: { id: number; name: string; isBranch: boolean }) => ReactNode;
}

/** 党员: every member the user may see — the whole commission, or their unit or branch. */
export function MembersPage({ renderActions }: MembersPageProps) {
  const { isPending, error, data, refetch } = useScopeRoot();

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
