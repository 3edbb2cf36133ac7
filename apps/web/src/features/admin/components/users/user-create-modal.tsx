import { App, Form, Input, Modal } from 'antd';
import type { Role } from '@wj/domain';
import { UserCreateSchema, type UserCreate } from '@wj/domain/schemas';
import { useCreateUser } from '../../api/create-user';
import { placeFieldErrors, type FieldPath } from '@/lib/form-errors';
import { needsScope } from '../../lib/scope-tree';
import { useSaveError } from '@/components/use-save-error';
import { RoleScopeFields } from './role-scope-fields';

/** The password policy of UserCreateSchema / PasswordResetSchema (@wj/domain/schemas/admin.ts), told before typing. */
export const PASSWORD_HINT = '至少 10 位，含字母和数字';

interface CreateValues {
  username?: string;
  displayName?: string;
  password?: string;
  role?: Role;
  scopeOrgId?: number | null;
}

const FIELDS = new Set(['username', 'displayName', 'password', 'role', 'scopeOrgId']);
const isField = (name: FieldPath) => name.length === 1 && FIELDS.has(String(name[0]));

/** 新建用户: checked with the API's own schema first, then the server's reasons land on the same fields. */
export function UserCreateModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<CreateValues>();
  const { message } = App.useApp();
  const create = useCreateUser();
  const onSaveError = useSaveError();

  const submit = async () => {
    const values = form.getFieldsValue();
    const input = { ...values, scopeOrgId: needsScope(values.role) ? (values.scopeOrgId ?? null) : null };
    const parsed = UserCreateSchema.safeParse(input);
    if (!parsed.success) {
      placeFieldErrors(form, parsed.error.issues, isField);
      return;
    }
    try {
      const user = await create.mutateAsync(parsed.data as UserCreate);
      message.success(`已新建用户 ${user.username}（${user.displayName}）`);
      onClose();
    } catch (error) {
      onSaveError(error, { form, isField });
    }
  };

  return (
    <Modal
      open
      title="新建用户"
      okText="创建"
      cancelText="取消"
      confirmLoading={create.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<CreateValues>
        form={form}
        layout="vertical"
        initialValues={{ role: 'unit_secretary', scopeOrgId: null }}
        // A new role needs a different kind of org: never keep a scope picked for the old one.
        onValuesChange={(changed) => {
          if ('role' in changed) form.setFieldValue('scopeOrgId', null);
        }}
        onFinish={() => void submit()}
      >
        <Form.Item name="username" label="用户名" required extra="3–32 位小写字母、数字或 _ . -，以字母开头；创建后不能修改">
          <Input autoComplete="off" placeholder="如 zhongyi" />
        </Form.Item>
        <Form.Item name="displayName" label="姓名" required>
          <Input placeholder="如 市中医医院党委党务干部" />
        </Form.Item>
        <Form.Item name="password" label="初始密码" required extra={PASSWORD_HINT}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <RoleScopeFields />
      </Form>
    </Modal>
  );
}
