import { Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DIMENSION_LABELS, TIER_LABELS, type Dimension } from '@wj/domain/quality';
import type { BranchScoreDetail } from '@wj/domain/schemas';
import { StatusTag } from './status-tag';

type Indicator = BranchScoreDetail['indicators'][number];

/** Every indicator of the rule set, met or not, with its points inside its dimension, its tier and its source. */
export function IndicatorTable({ indicators, showDimension = true }: { indicators: Indicator[]; showDimension?: boolean }) {
  const columns: TableColumnsType<Indicator> = [
    ...(showDimension
      ? [{ title: '维度', dataIndex: 'dimension', width: 100, render: (d: string) => DIMENSION_LABELS[d as Dimension] ?? d }]
      : []),
    { title: '指标', dataIndex: 'name', width: 180 },
    { title: '状态', dataIndex: 'status', width: 96, render: (s: Indicator['status']) => <StatusTag status={s} /> },
    {
      title: '得分/分值',
      key: 'points',
      width: 96,
      align: 'right',
      render: (_, row) => (row.status === 'na' ? '—' : `${row.earned}/${row.possible}`),
    },
    { title: '说明', dataIndex: 'detail' },
    {
      title: '性质',
      dataIndex: 'tier',
      width: 110,
      // 党内法规: the regulation's own text; 本委工作要求: the commission's threshold, never a breach of 党内法规.
      render: (tier: Indicator['tier']) => <Tag color={tier === 'regulation' ? 'red' : 'blue'}>{TIER_LABELS[tier]}</Tag>,
    },
    {
      title: '依据',
      dataIndex: 'source',
      width: 260,
      ellipsis: { showTitle: false },
      render: (source: string) => (
        <Tooltip title={source} placement="topLeft">
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{source}</Typography.Text>
        </Tooltip>
      ),
    },
  ];
  return (
    <Table<Indicator>
      rowKey="code"
      size="small"
      columns={columns}
      dataSource={indicators}
      pagination={false}
      tableLayout="fixed"
      scroll={{ x: 1110 }}
      locale={{ emptyText: '没有适用的指标' }}
    />
  );
}
