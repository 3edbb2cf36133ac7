import { useState } from 'react';
import { App } from 'antd';
import type { MemberDetail } from '@wj/domain/schemas';
import { useReloadMember } from '../../api/get-member';
import { useUpdateMember } from '../../api/update-member';
import { memberToFormValues } from '../../lib/member-form-values';
import { MemberFormModal } from './member-form-modal';

/**
 * 编辑: the form holds the record as read when it opened (its version); a
 * 409 offers to reload, which remounts the form on the stored record.
 */
export function EditMemberModal({ member, onClose }: { member: MemberDetail; onClose: () => void }) {
  const [snapshot, setSnapshot] = useState(member);
  const update = useUpdateMember(member.id);
  const { message } = App.useApp();
  const reload = useReloadMember(member.id, setSnapshot);

  return (
    <MemberFormModal
      // A reload brings a new version: start the form afresh from it.
      key={snapshot.version}
      title={`编辑党员信息：${snapshot.name}`}
      okText="保存"
      initialValues={memberToFormValues(snapshot)}
      version={snapshot.version}
      onSubmit={async (input) => {
        await update.mutateAsync({ ...input, version: snapshot.version });
        message.success('已保存');
      }}
      onReload={() => void reload()}
      onClose={onClose}
    />
  );
}
