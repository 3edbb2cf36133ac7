import { Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { AuditEntry } from '../../api/get-audit';
import { actionLabel, AUDIT_ACTION_COLORS, entityLabel } from '../../lib/audit-labels';
import { formatDateTime } from '../../lib/format-time';

/** Columns of the audit table; `orgName` turns an org id into its name (unknown ids show the id). */
export function auditColumns(orgName: (id: number) => string | undefined): TableColumnsType<AuditEntry> {
  return [
    { title: '时间', dataIndex: 'at', width: 176, render: (at: string) => formatDateTime(at, true) },
    { title: '用户', dataIndex: 'username', width: 120 },
    {
      title: '操作',
      dataIndex: 'action',
      width: 120,
      render: (action: string) => <Tag color={AUDIT_ACTION_COLORS[action] ?? 'default'}>{actionLabel(action)}</Tag>,
    },
    {
      title: '对象类型',
      dataIndex: 'entityType',
      width: 140,
      render: (type: string) => {
        const label = entityLabel(type);
        return label === type ? <Typography.Text code>{type}</Typography.Text> : label;
      },
    },
    { title: '对象编号', dataIndex: 'entityId', width: 100, render: (id: string | null) => id ?? '—' },
    {
      title: '所属组织',
      dataIndex: 'orgId',
      render: (id: number | null) => (id == null ? <Typography.Text type="secondary">—</Typography.Text> : orgName(id) ?? `组织 #${id}`),
    },
  ];
}
