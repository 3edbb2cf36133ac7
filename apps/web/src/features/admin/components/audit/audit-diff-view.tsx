import { useState } from 'react';
import { Empty, Flex, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import type { AuditEntry } from '../../api/get-audit';
import { auditDiff, MASKED, type DiffRow, type OrgNameOf } from '../../lib/audit-diff';

/** Long snapshots (a whole rule set) open on their changed fields only. */
const LONG = 20;

function Value({ text }: { text: string }) {
  if (text === MASKED) {
    return (
      <Tooltip title="敏感信息不记录明文">
        <Typography.Text type="secondary">{MASKED}</Typography.Text>
      </Tooltip>
    );
  }
  return <span style={{ wordBreak: 'break-all' }}>{text}</span>;
}

/** One audit row's before/after, field by field, with the changed ones highlighted. */
export function AuditDiffView({ entry, orgName }: { entry: AuditEntry; orgName?: OrgNameOf }) {
  const rows = auditDiff(entry.before, entry.after, orgName);
  const changedCount = rows.filter((r) => r.changed).length;
  const [onlyChanged, setOnlyChanged] = useState(changedCount > 0 && rows.length > LONG);

  if (rows.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="该操作未记录修改前后的内容" />;
  const isUpdate = entry.before != null && entry.after != null;
  const shown = onlyChanged ? rows.filter((r) => r.changed) : rows;

  return (
    <Flex vertical gap={8}>
      {isUpdate && (
        <Flex gap={8} align="center">
          <Typography.Text>共 {changedCount} 个字段有变化</Typography.Text>
          <Switch size="small" checked={onlyChanged} onChange={setOnlyChanged} aria-label="仅显示变化的字段" />
          <Typography.Text type="secondary">仅显示变化的字段</Typography.Text>
        </Flex>
      )}
      <Table<DiffRow>
        rowKey="path"
        size="small"
        pagination={false}
        dataSource={shown}
        onRow={(r) => ({ style: r.changed ? { background: '#fffbe6' } : undefined })}
        columns={[
          {
            title: '字段',
            dataIndex: 'label',
            width: 240,
            render: (label: string, r) => (
              <Flex gap={6} align="center">
                <Tooltip title={r.path}>{label}</Tooltip>
                {r.changed && <Tag color="orange">已修改</Tag>}
              </Flex>
            ),
          },
          ...(entry.before != null ? [{ title: isUpdate ? '修改前' : '原内容', dataIndex: 'before', render: (t: string) => <Value text={t} /> }] : []),
          ...(entry.after != null ? [{ title: isUpdate ? '修改后' : '内容', dataIndex: 'after', render: (t: string) => <Value text={t} /> }] : []),
        ]}
      />
    </Flex>
  );
}
