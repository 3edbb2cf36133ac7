import { useState } from 'react';
import { App, Form, Input, Modal } from 'antd';
import { PasswordResetSchema, type User } from '@wj/domain/schemas';
import { useUsers } from '../../api/get-users';
import { useResetPassword } from '../../api/reset-password';
import { placeFieldErrors, type FieldPath } from '@/lib/form-errors';
import { useSaveError } from '@/components/use-save-error';
import { PASSWORD_HINT } from './user-create-modal';

interface ResetValues {
  password?: string;
  confirm?: string;
}

const isField = (name: FieldPath) => name.length === 1 && (name[0] === 'password' || name[0] === 'confirm');

/** 重置密码: the user's sessions end and a login lock is lifted (apps/api/src/routes/users/service.ts). */
export function PasswordResetModal({ user, onClose }: { user: User; onClose: () => void }) {
  const [form] = Form.useForm<ResetValues>();
  const [version, setVersion] = useState(user.version);
  const { message } = App.useApp();
  const users = useUsers();
  const reset = useResetPassword();
  const onSaveError = useSaveError();

  const reload = async () => {
    const fresh = (await users.refetch()).data?.find((u) => u.id === user.id);
    if (fresh) setVersion(fresh.version);
  };

  const submit = async () => {
    const { password, confirm } = form.getFieldsValue();
    const parsed = PasswordResetSchema.safeParse({ password, version });
    if (!parsed.success) {
      placeFieldErrors(form, parsed.error.issues, isField);
      return;
    }
    if (password !== confirm) {
      form.setFields([{ name: 'confirm', errors: ['两次输入的密码不一致'] }]);
      return;
    }
    try {
      await reset.mutateAsync({ id: user.id, body: parsed.data });
      message.success(`已重置 ${user.username} 的密码，该账号需用新密码重新登录`);
      onClose();
    } catch (error) {
      onSaveError(error, { form, isField, onReload: () => void reload() });
    }
  };

  return (
    <Modal
      open
      title={`重置密码：${user.username}（${user.displayName}）`}
      okText="重置"
      cancelText="取消"
      confirmLoading={reset.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<ResetValues> form={form} layout="vertical">
        <Form.Item name="password" label="新密码" required extra={PASSWORD_HINT}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="confirm" label="确认新密码" required>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
