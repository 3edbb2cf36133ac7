import { useState } from 'react';
import { App, Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useCreateMember } from '../../api/create-member';
import { NEW_MEMBER_VALUES } from '../../lib/member-form-values';
import { MemberFormModal } from './member-form-modal';

/** 新增党员: enrols a member in this 党支部 (members are kept on a branch's roll only). */
export function AddMemberButton({ branchId }: { branchId: number }) {
  const [open, setOpen] = useState(false);
  const create = useCreateMember(branchId);
  const { message } = App.useApp();

  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
        新增党员
      </Button>
      {open && (
        <MemberFormModal
          title="新增党员"
          okText="保存"
          initialValues={NEW_MEMBER_VALUES}
          onSubmit={async (input) => {
            const saved = await create.mutateAsync(input);
            message.success(`已新增党员 ${saved.name}`);
          }}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
