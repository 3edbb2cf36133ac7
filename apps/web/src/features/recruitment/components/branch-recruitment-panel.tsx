import { useState } from 'react';
import { Button, Flex, Skeleton, Typography } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import type { Recruit } from '@wj/domain/schemas';
import { QueryError } from '@/components/query-error';
import { useOrgWriteAccess } from '@/lib/use-org-write-access';
import { useRecruits } from '../api/get-recruits';
import { AdvanceModal } from './advance-modal';
import { RecruitCreateModal } from './recruit-create-modal';
import { RecruitPipeline } from './recruit-pipeline';
import { StopModal } from './stop-modal';
import { StoppedRecruits } from './stopped-recruits';

type Dialog = { kind: 'create' } | { kind: 'advance' | 'stop'; id: number };

/** 发展党员 of one branch (《中国共产党发展党员工作细则》2014): the pipeline by stage, and those stopped. */
export function BranchRecruitmentPanel({ orgId }: { orgId: number }) {
  const recruits = useRecruits(orgId);
  const canEdit = useOrgWriteAccess(orgId);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  const reload = () => void recruits.refetch();
  // Dialogs follow the entry by id, so after 重新加载 they show its newest version.
  const open = dialog && dialog.kind !== 'create' ? recruits.data?.find((r) => r.id === dialog.id) : undefined;

  if (recruits.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (recruits.isError) return <QueryError error={recruits.error} onRetry={reload} title="发展党员记录加载失败" />;

  const active = recruits.data.filter((r) => r.status === 'active');
  const stopped = recruits.data.filter((r) => r.status === 'stopped');
  const inTraining = active.filter((r) => r.stage !== 'full');
  const talents = inTraining.filter((r) => r.isTalent).length;
  const actions = canEdit
    ? { onAdvance: (r: Recruit) => setDialog({ kind: 'advance', id: r.id }), onStop: (r: Recruit) => setDialog({ kind: 'stop', id: r.id }) }
    : {};

  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={12} wrap>
        <Typography.Text>
          正在培养 <Typography.Text strong>{inTraining.length}</Typography.Text> 人，其中高层次人才{' '}
          <Typography.Text strong type={inTraining.length > 0 && talents === 0 ? 'warning' : undefined}>{talents}</Typography.Text> 人
        </Typography.Text>
        <Typography.Text type="secondary">各阶段的最早推进日期按《发展党员工作细则》计算</Typography.Text>
        {canEdit && (
          <Button type="primary" icon={<UserAddOutlined />} onClick={() => setDialog({ kind: 'create' })} style={{ marginInlineStart: 'auto' }}>
            登记入党申请人
          </Button>
        )}
      </Flex>
      <RecruitPipeline items={active} {...actions} />
      <StoppedRecruits items={stopped} />
      {dialog?.kind === 'create' && <RecruitCreateModal orgId={orgId} onClose={close} />}
      {dialog?.kind === 'advance' && open && <AdvanceModal recruit={open} onClose={close} onReload={reload} />}
      {dialog?.kind === 'stop' && open && <StopModal recruit={open} onClose={close} onReload={reload} />}
    </Flex>
  );
}
