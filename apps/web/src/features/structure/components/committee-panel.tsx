import { useState } from 'react';
import { Button, Card, Empty, Flex, Skeleton, Space, Typography } from 'antd';
import { QueryError } from '@/components/query-error';
import { useOrgWriteAccess } from '@/lib/use-org-write-access';
import { useCommittee } from '../api/get-committee';
import { CommitteeFormModal } from './committee-form-modal';
import { CommitteeHistory } from './committee-history';
import { CommitteeMembersTable } from './committee-members-table';
import { CommitteeTerm } from './committee-term';

/**
 * 支委会: the committee in office (roles, 专职/兼职, age, title, 双带头人, term),
 * the earlier ones, and — for those who keep the branch's records — 换届选举
 * and 调整委员.
 */
export function CommitteePanel({ orgId }: { orgId: number }) {
  const committee = useCommittee(orgId);
  const canWrite = useOrgWriteAccess(orgId);
  const [form, setForm] = useState<'elect' | 'adjust' | null>(null);

  if (committee.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (committee.isError) return <QueryError error={committee.error} onRetry={() => void committee.refetch()} title="支委会加载失败" />;

  const { current, history } = committee.data;
  const actions = canWrite && (
    <Space>
      <Button type="primary" onClick={() => setForm('elect')}>换届选举</Button>
      {current && <Button onClick={() => setForm('adjust')}>调整委员</Button>}
    </Space>
  );

  return (
    <Flex vertical gap={16}>
      <Card size="small" title="本届支委会" extra={actions}>
        {current ? (
          <Flex vertical gap={12}>
            <CommitteeTerm committee={current} />
            <CommitteeMembersTable members={current.members} />
          </Flex>
        ) : (
          <Empty description="尚未建立支委会">
            {committee.data.committeeRequired && (
              <Typography.Text type="danger">本支部有正式党员 {committee.data.fullMembers} 名，应设立支部委员会</Typography.Text>
            )}
          </Empty>
        )}
      </Card>
      <Card size="small" title={`往届支委会（${history.length}）`}>
        <CommitteeHistory history={history} />
      </Card>
      {form && (
        <CommitteeFormModal
          key={committee.data.current?.version ?? 0}
          orgId={orgId}
          mode={form}
          data={committee.data}
          open
          onClose={() => setForm(null)}
          onReload={() => committee.refetch()}
        />
      )}
    </Flex>
  );
}
