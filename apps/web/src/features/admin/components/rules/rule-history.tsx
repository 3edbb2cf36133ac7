import { Collapse, Empty, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { QueryError } from '@/components/query-error';
import { useRuleHistory } from '../../api/get-rule-history';
import type { RuleSetVersion } from '../../api/get-rules';
import { auditDiff } from '../../lib/audit-diff';
import { formatDateTime } from '../../lib/format-time';

function ChangesFrom({ prev, next }: { prev: RuleSetVersion | undefined; next: RuleSetVersion }) {
  if (!prev) return <Typography.Text type="secondary">初始版本</Typography.Text>;
  const changes = auditDiff(prev.rules, next.rules).filter((r) => r.changed);
  if (changes.length === 0) return <Typography.Text type="secondary">与第 {prev.version} 版相同</Typography.Text>;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
      {changes.map((c) => (
        <li key={c.path}>
          {c.label}：{c.before} → <Typography.Text strong>{c.after}</Typography.Text>
        </li>
      ))}
    </ul>
  );
}

const columns = (currentVersion: number): TableColumnsType<RuleSetVersion> => [
  {
    title: '版本',
    dataIndex: 'version',
    width: 120,
    render: (v: number) => (
      <>
        第 {v} 版 {v === currentVersion && <Tag color="green">现行</Tag>}
      </>
    ),
  },
  { title: '保存人', dataIndex: 'createdBy', width: 120, render: (by: string | null) => by ?? '—' },
  { title: '保存时间', dataIndex: 'createdAt', width: 160, render: (at: string) => formatDateTime(at) },
  { title: '说明', dataIndex: 'note', render: (n: string | null) => n || <Typography.Text type="secondary">—</Typography.Text> },
];

/** 版本记录: every saved rule set, newest first; a row opens what it changed against the version before. */
export function RuleHistory({ currentVersion }: { currentVersion: number }) {
  const history = useRuleHistory();
  if (history.isError) return <QueryError error={history.error} onRetry={() => void history.refetch()} title="版本记录加载失败" />;
  const rows = history.data ?? [];
  const prevOf = (v: RuleSetVersion) => rows.find((r) => r.version < v.version);

  const table = (
    <Table<RuleSetVersion>
      rowKey="version"
      size="small"
      loading={history.isPending}
      dataSource={rows}
      columns={columns(currentVersion)}
      pagination={rows.length > 10 ? { pageSize: 10 } : false}
      locale={{ emptyText: history.isPending ? '正在加载…' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无版本记录" /> }}
      expandable={{ expandedRowRender: (v) => <ChangesFrom prev={prevOf(v)} next={v} />, expandRowByClick: true }}
    />
  );
  const label = history.isPending ? '版本记录' : `版本记录（共 ${rows.length} 版，点开一行查看该版改了什么）`;
  return <Collapse size="small" items={[{ key: 'history', label, children: table }]} />;
}
