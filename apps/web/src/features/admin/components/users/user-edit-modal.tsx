import { useState } from 'react';
import { App, Form, Input, Modal, Switch } from 'antd';
import type { Role } from '@wj/domain';
import { UserUpdateSchema, type User, type UserUpdate } from '@wj/domain/schemas';
import { useUsers } from '../../api/get-users';
import { useUpdateUser } from '../../api/update-user';
import { placeFieldErrors, type FieldPath } from '@/lib/form-errors';
import { needsScope } from '../../lib/scope-tree';
import { useSaveError } from '@/components/use-save-error';
import { RoleScopeFields } from './role-scope-fields';

interface EditValues {
  displayName: string;
  role: Role;
  scopeOrgId: number | null;
  disabled: boolean;
}

const FIELDS = new Set(['displayName', 'role', 'scopeOrgId', 'disabled']);
const isField = (name: FieldPath) => name.length === 1 && FIELDS.has(String(name[0]));
const toValues = (u: User): EditValues => ({ displayName: u.displayName, role: u.role, scopeOrgId: u.scopeOrgId, disabled: u.disabled });

interface UserEditModalProps {
  user: User;
  /** The signed-in admin may not lock themselves out (the API refuses it too). */
  isSelf: boolean;
  onClose: () => void;
}

/** 编辑用户: role, scope and 停用/启用, saved against the version the form was opened at. */
export function UserEditModal({ user, isSelf, onClose }: UserEditModalProps) {
  const [form] = Form.useForm<EditValues>();
  const [base, setBase] = useState(user);
  const { message } = App.useApp();
  const users = useUsers();
  const update = useUpdateUser();
  const onSaveError = useSaveError();

  const reload = async () => {
    const fresh = (await users.refetch()).data?.find((u) => u.id === user.id);
    if (!fresh) return;
    setBase(fresh);
    form.resetFields();
    form.setFieldsValue(toValues(fresh));
  };

  const submit = async () => {
    const values = form.getFieldsValue();
    const input = { ...values, scopeOrgId: needsScope(values.role) ? (values.scopeOrgId ?? null) : null, version: base.version };
    const parsed = UserUpdateSchema.safeParse(input);
    if (!parsed.success) {
      placeFieldErrors(form, parsed.error.issues, isField);
      return;
    }
    try {
      await update.mutateAsync({ id: user.id, body: parsed.data as UserUpdate });
      message.success(`已保存用户 ${user.username} 的修改`);
      onClose();
    } catch (error) {
      onSaveError(error, { form, isField, onReload: () => void reload() });
    }
  };

  return (
    <Modal
      open
      title={`编辑用户：${user.username}`}
      okText="保存"
      cancelText="取消"
      confirmLoading={update.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<EditValues>
        form={form}
        layout="vertical"
        initialValues={toValues(base)}
        onValuesChange={(changed) => {
          if ('role' in changed) form.setFieldValue('scopeOrgId', null);
        }}
      >
        <Form.Item name="displayName" label="姓名" required>
          <Input />
        </Form.Item>
        <RoleScopeFields lockRole={isSelf} />
        <Form.Item
          name="disabled"
          label="账号状态"
          // The switch reads 启用 when on; the record stores the opposite, `disabled`.
          valuePropName="checked"
          getValueProps={(disabled: boolean) => ({ checked: !disabled })}
          normalize={(checked: boolean) => !checked}
          extra={isSelf ? '不能停用自己的账号' : '停用后该账号立即退出登录，且不能再登录'}
        >
          <Switch checkedChildren="启用" unCheckedChildren="停用" disabled={isSelf} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
