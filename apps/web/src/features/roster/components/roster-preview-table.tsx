import { useState } from 'react';
import { Flex, Switch, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { RosterReport, RosterRow } from '@wj/domain/schemas';
import { OUTCOME_COLORS, OUTCOME_LABELS, outcomeOf } from '../lib/row-action';

function columnsFor(showBranch: boolean): TableColumnsType<RosterRow> {
  const columns: TableColumnsType<RosterRow> = [
    { title: '行号', dataIndex: 'rowNumber', width: 70, render: (n: number) => `第 ${n} 行` },
    { title: '姓名', dataIndex: 'name', width: 100, render: (v: string | null) => v ?? '—' },
    {
      title: '导入操作', key: 'action', width: 90,
      render: (_, row) => { const o = outcomeOf(row); return <Tag color={OUTCOME_COLORS[o]}>{OUTCOME_LABELS[o]}</Tag>; },
    },
    {
      title: '问题 / 变更', key: 'detail',
      render: (_, row) => (
        <Flex vertical gap={2}>
          {row.problems.map((p, i) => (
            <Typography.Text key={`p${i}`} type="danger">第 {row.rowNumber} 行 · {p.column}：{p.message}</Typography.Text>
          ))}
          {row.problems.length === 0 && row.changes.length > 0 && (
            <Typography.Text type="secondary">变更：{row.changes.join('、')}</Typography.Text>
          )}
          {row.notes.map((n, i) => (
            <Typography.Text key={`n${i}`} type="warning">{n.column}：{n.message}</Typography.Text>
          ))}
        </Flex>
      ),
    },
  ];
  // At unit level each row goes to the branch its 所在党支部 names: show where.
  if (showBranch) columns.splice(2, 0, { title: '编入党支部', dataIndex: 'branchName', width: 180, ellipsis: true, render: (v: string | null) => v ?? '—' });
  return columns;
}

/** Every row of the uploaded file with what importing would do and, for a bad row, each problem by column. */
export function RosterPreviewTable({ report, showBranch = false }: { report: RosterReport; showBranch?: boolean }) {
  const hasErrors = report.summary.error > 0;
  // With errors, the rows to fix come first: the good ones are only context.
  const [onlyProblems, setOnlyProblems] = useState(hasErrors);
  const rows = onlyProblems ? report.rows.filter((r) => r.problems.length > 0) : report.rows;

  return (
    <Flex vertical gap={8}>
      {hasErrors && (
        <Flex gap={8} align="center">
          <Switch size="small" checked={onlyProblems} onChange={setOnlyProblems} aria-label="只看有问题的行" />
          <Typography.Text>只看有问题的行</Typography.Text>
        </Flex>
      )}
      <Table<RosterRow>
        rowKey="rowNumber"
        size="small"
        columns={columnsFor(showBranch)}
        dataSource={rows}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 行` }}
        locale={{ emptyText: '没有数据行' }}
      />
    </Flex>
  );
}
