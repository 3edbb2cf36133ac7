import { Button, Popconfirm, Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ROLE_LABELS } from '@wj/domain';
import type { User } from '@wj/domain/schemas';
import { formatDateTime } from '../../lib/format-time';

interface UserColumnActions {
  meId: number | undefined;
  onEdit: (user: User) => void;
  onResetPassword: (user: User) => void;
  onUnlock: (user: User) => void;
}

export function userColumns({ meId, onEdit, onResetPassword, onUnlock }: UserColumnActions): TableColumnsType<User> {
  return [
    {
      title: '用户名',
      dataIndex: 'username',
      render: (username: string, u) => (
        <Space size={6}>
          <Typography.Text strong>{username}</Typography.Text>
          {u.id === meId && <Tag>当前账号</Tag>}
        </Space>
      ),
    },
    { title: '姓名', dataIndex: 'displayName' },
    { title: '角色', dataIndex: 'role', render: (role: User['role']) => ROLE_LABELS[role] },
    {
      title: '管理范围',
      dataIndex: 'scopeOrgName',
      render: (name: string | null, u) => name ?? (u.scopeOrgId ? `组织 #${u.scopeOrgId}` : <Typography.Text type="secondary">全部组织</Typography.Text>),
    },
    {
      title: '状态',
      dataIndex: 'disabled',
      render: (disabled: boolean, u) => (
        <Space size={4}>
          {disabled ? <Tag color="default">已停用</Tag> : <Tag color="green">正常</Tag>}
          {u.loginBlocked > 0 && <Tag color="orange">{`登录受限（${u.loginBlocked} 个地址）`}</Tag>}
        </Space>
      ),
    },
    { title: '更新时间', dataIndex: 'updatedAt', render: (at: string) => formatDateTime(at) },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      render: (_, u) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => onEdit(u)} aria-label={`编辑 ${u.username}`}>
            编辑
          </Button>
          <Button type="link" size="small" onClick={() => onResetPassword(u)} aria-label={`重置 ${u.username} 的密码`}>
            重置密码
          </Button>
          {u.loginBlocked > 0 && (
            <Popconfirm
              title="解除登录限制"
              description={`因多次输错密码被暂停的 ${u.loginBlocked} 个地址将可再次登录 ${u.username}`}
              okText="解除"
              cancelText="取消"
              onConfirm={() => onUnlock(u)}
            >
              <Button type="link" size="small" aria-label={`解除 ${u.username} 的登录限制`}>
                解除登录限制
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];
}
