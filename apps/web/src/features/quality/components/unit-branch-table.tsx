import { Link } from 'react-router';
import { Flex, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { BRANCH_DIMENSIONS, DIMENSION_LABELS } from '@wj/domain/quality';
import type { BranchScoreRow } from '@wj/domain/schemas';
import { GradeTag } from '@/components/grade-tag';
import { gradeHex } from '@/lib/quality-colors';

/** The unit's branches, lowest score first, each linking to its own page. */
export function UnitBranchTable({ branches }: { branches: BranchScoreRow[] }) {
  const columns: TableColumnsType<BranchScoreRow> = [
    { title: '党支部', dataIndex: 'name', fixed: 'left', render: (name: string, row) => <Link to={`/orgs/${row.orgId}`}>{name}</Link> },
    {
      title: '得分',
      dataIndex: 'total',
      width: 120,
      sorter: (a, b) => a.total - b.total,
      defaultSortOrder: 'ascend',
      render: (total: number, row) => (
        <Flex gap={8} align="center">
          <span style={{ color: gradeHex(row.grade), fontWeight: 600, minWidth: 32 }}>{total}</span>
          <GradeTag grade={row.grade} />
        </Flex>
      ),
    },
    ...BRANCH_DIMENSIONS.map((d) => ({
      title: DIMENSION_LABELS[d],
      key: d,
      width: 110,
      align: 'right' as const,
      sorter: (a: BranchScoreRow, b: BranchScoreRow) => a.dimensions[d].score - b.dimensions[d].score,
      render: (_: unknown, row: BranchScoreRow) => (row.dimensions[d].applicable ? row.dimensions[d].score : '不适用'),
    })),
    {
      title: '问题',
      dataIndex: 'gapCount',
      width: 110,
      sorter: (a, b) => a.gapCount - b.gapCount,
      render: (n: number, row) =>
        n === 0 ? <Typography.Text type="secondary">无</Typography.Text> : `${n} 处${row.redCount > 0 ? `（红色 ${row.redCount}）` : ''}`,
    },
    { title: '党员数', dataIndex: 'memberCount', width: 80, align: 'right' },
  ];
  return (
    <Table<BranchScoreRow>
      rowKey="orgId"
      size="small"
      columns={columns}
      dataSource={branches}
      pagination={{ pageSize: 30, hideOnSinglePage: true }}
      scroll={{ x: 900 }}
      locale={{ emptyText: '该单位暂无党支部' }}
    />
  );
}
