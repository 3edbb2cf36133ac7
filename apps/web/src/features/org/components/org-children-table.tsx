import { Link } from 'react-router';
import { Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { OrgDetail } from '@wj/domain/schemas';
import { ORG_KIND_LABELS } from '@wj/domain';
import { ORG_KIND_COLORS } from '../lib/kind-colors';

type Child = OrgDetail['children'][number];

const byCount = (key: keyof Child['counts']) => (a: Child, b: Child) => a.counts[key] - b.counts[key];

const columns: TableColumnsType<Child> = [
  { title: '组织名称', dataIndex: 'name', render: (name: string, row) => <Link to={`/orgs/${row.id}`}>{name}</Link> },
  {
    title: '类型',
    dataIndex: 'kind',
    width: 100,
    render: (kind: Child['kind']) => <Tag color={ORG_KIND_COLORS[kind]}>{ORG_KIND_LABELS[kind]}</Tag>,
  },
  { title: '单位 / 科室', key: 'place', render: (_, row) => row.department ?? row.institutionName ?? '—' },
  { title: '支部数', key: 'branches', align: 'right', width: 100, sorter: byCount('branches'), render: (_, row) => row.counts.branches },
  { title: '党员数', key: 'members', align: 'right', width: 100, sorter: byCount('members'), render: (_, row) => row.counts.members },
  { title: '在职', key: 'inService', align: 'right', width: 90, sorter: byCount('inService'), render: (_, row) => row.counts.inService },
  { title: '离退休', key: 'retired', align: 'right', width: 90, sorter: byCount('retired'), render: (_, row) => row.counts.retired },
];

/** The org's direct sub-organisations, each linking to its own page. */
export function OrgChildrenTable({ items }: { items: Child[] }) {
  return (
    <Table<Child>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      // A unit has a few dozen sub-organisations at most: one page reads better than paging.
      pagination={false}
      locale={{ emptyText: '暂无下级组织' }}
    />
  );
}
