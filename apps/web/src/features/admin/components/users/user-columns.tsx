import { Button, Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ROLE_LABELS } from '@wj/domain';
import type { User } from '@wj/domain/schemas';
import { formatDateTime } from '../../lib/format-time';

interface UserColumnActions {
  meId: number | undefined;
  onEdit: (user: User) => void;
  onResetPassword: (user: User) => void;
}

export function userColumns({ meId, onEdit, onResetPassword }: UserColumnActions): TableColumnsType<User> {
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
      render: (disabled: boolean) => (disabled ? <Tag color="default">已停用</Tag> : <Tag color="green">正常</Tag>),
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
        </Space>
      ),
    },
  ];
}
