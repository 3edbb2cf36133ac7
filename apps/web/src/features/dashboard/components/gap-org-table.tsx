import { Link } from 'react-router';
import { Flex, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { GapLine } from '@wj/domain/schemas';
import { SeverityMark } from '@/components/severity-mark';
import { scoreHex } from '@/lib/quality-colors';

type GapOrg = GapLine['orgs'][number];

/** Exactly the organisations behind one gap count, lowest score first, each with its own message. */
export function GapOrgTable({ line, passLine }: { line: GapLine; passLine: number }) {
  const isBranch = line.level === 'branch';
  const columns: TableColumnsType<GapOrg> = [
    {
      title: isBranch ? '党支部' : '单位党组织',
      dataIndex: 'name',
      width: isBranch ? 150 : 220,
      render: (name: string, row) => <Link to={`/orgs/${row.orgId}`}>{name}</Link>,
    },
    ...(isBranch ? [{ title: '所属单位', dataIndex: 'unitName', width: 170, ellipsis: true } as const] : []),
    {
      title: '得分',
      dataIndex: 'total',
      width: 76,
      align: 'right',
      sorter: (a, b) => a.total - b.total,
      render: (total: number) => <span style={{ color: scoreHex(total, passLine), fontWeight: 600 }}>{total}</span>,
    },
    {
      title: '具体问题',
      dataIndex: 'message',
      render: (message: string, row) => (
        <Flex gap={8} align="baseline">
          <SeverityMark severity={row.severity} size={8} />
          <Typography.Text>{message}</Typography.Text>
        </Flex>
      ),
    },
  ];
  return (
    <Table<GapOrg>
      rowKey="orgId"
      size="small"
      columns={columns}
      dataSource={line.orgs}
      // The whole list, as the count promises: a few dozen rows at most.
      pagination={false}
      locale={{ emptyText: '没有涉及的组织' }}
    />
  );
}
