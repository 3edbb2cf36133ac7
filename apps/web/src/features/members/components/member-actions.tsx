import { useState } from 'react';
import { Button, Space } from 'antd';
import type { MemberDetail } from '@wj/domain/schemas';
import { useMemberPermissions } from '../lib/permissions';
import { EditMemberModal } from './member-form/edit-member-modal';
import { LeaveMemberModal } from './leave-member-modal';
import { TransferMemberModal } from './transfer-member-modal';

type Dialog = 'edit' | 'transfer' | 'leave' | null;

/** The drawer's write actions; none for the read-only 委领导, and none for a record that has left the roll. */
export function MemberActions({ member }: { member: MemberDetail }) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const { canWrite, canTransfer } = useMemberPermissions();
  if (!canWrite || member.status !== 'active') return null;
  const close = () => setDialog(null);

  return (
    <>
      <Space wrap>
        <Button type="primary" onClick={() => setDialog('edit')}>编辑</Button>
        {canTransfer && <Button onClick={() => setDialog('transfer')}>组织关系转接</Button>}
        <Button danger onClick={() => setDialog('leave')}>减少党员</Button>
      </Space>
      {dialog === 'edit' && <EditMemberModal member={member} onClose={close} />}
      {dialog === 'transfer' && <TransferMemberModal member={member} onClose={close} />}
      {dialog === 'leave' && <LeaveMemberModal member={member} onClose={close} />}
    </>
  );
}
