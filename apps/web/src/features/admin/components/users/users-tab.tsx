import { useMemo, useState } from 'react';
import { App, Button, Flex, Input, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ROLE_LABELS } from '@wj/domain';
import type { User } from '@wj/domain/schemas';
import { PageSkeleton } from '@/components/page-skeleton';
import { QueryError } from '@/components/query-error';
import { errorMessage } from '@/lib/api-client';
import { useMe } from '@/lib/auth';
import { useUsers } from '../../api/get-users';
import { useUnlockUser } from '../../api/unlock-user';
import { PasswordResetModal } from './password-reset-modal';
import { userColumns } from './user-columns';
import { UserCreateModal } from './user-create-modal';
import { UserEditModal } from './user-edit-modal';

type Dialog = { kind: 'create' } | { kind: 'edit'; user: User } | { kind: 'password'; user: User } | null;

function matches(u: User, keyword: string): boolean {
  const k = keyword.trim().toLowerCase();
  if (!k) return true;
  return [u.username, u.displayName, u.scopeOrgName ?? '', ROLE_LABELS[u.role]].some((s) => s.toLowerCase().includes(k));
}

/** 用户管理: every account, its role and the org it keeps; create, edit, 停用/启用, reset passwords and lift login blocks. */
export function UsersTab() {
  const users = useUsers();
  const me = useMe();
  const [keyword, setKeyword] = useState('');
  const [dialog, setDialog] = useState<Dialog>(null);
  const { message } = App.useApp();
  const unlock = useUnlockUser();
  const close = () => setDialog(null);
  const { mutateAsync: unlockAsync } = unlock;
  const columns = useMemo(
    () => userColumns({
      meId: me.data?.id,
      onEdit: (user) => setDialog({ kind: 'edit', user }),
      onResetPassword: (user) => setDialog({ kind: 'password', user }),
      onUnlock: (user) => {
        unlockAsync(user.id).then(
          () => void message.success(`已解除 ${user.username} 的登录限制`),
          (error: unknown) => void message.error(errorMessage(error)),
        );
      },
    }),
    [me.data?.id, unlockAsync, message],
  );

  if (users.isPending) return <PageSkeleton rows={8} />;
  if (users.isError) return <QueryError error={users.error} onRetry={() => void users.refetch()} title="用户列表加载失败" />;

  const rows = users.data.filter((u) => matches(u, keyword));
  return (
    <Flex vertical gap={16}>
      <Flex gap={16} align="center" wrap>
        <Input.Search
          allowClear
          placeholder="按用户名、姓名、角色或组织搜索"
          aria-label="搜索用户"
          value={keyword}
          onChange={(e) => setKeyword(e.target.value)}
          style={{ maxWidth: 320 }}
        />
        <Typography.Text type="secondary">共 {users.data.length} 个账号</Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} style={{ marginInlineStart: 'auto' }} onClick={() => setDialog({ kind: 'create' })}>
          新建用户
        </Button>
      </Flex>
      <Table<User>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={users.isFetching && !users.isPending}
        scroll={{ x: 'max-content' }}
        pagination={rows.length > 20 ? { pageSize: 20, showTotal: (t) => `共 ${t} 个账号` } : false}
        locale={{ emptyText: keyword.trim() ? '没有符合条件的用户' : '暂无用户' }}
      />
      {dialog?.kind === 'create' && <UserCreateModal onClose={close} />}
      {dialog?.kind === 'edit' && <UserEditModal user={dialog.user} isSelf={dialog.user.id === me.data?.id} onClose={close} />}
      {dialog?.kind === 'password' && <PasswordResetModal user={dialog.user} onClose={close} />}
    </Flex>
  );
}
