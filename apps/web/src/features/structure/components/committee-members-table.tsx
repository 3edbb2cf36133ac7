import { Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { COMMITTEE_ROLE_LABELS, TITLE_LEVEL_LABELS } from '@wj/domain';
import type { CommitteeView } from '@wj/domain/schemas';
import { yearsSince } from '@/lib/format';
import { sortSeats } from '../lib/committee-form';
import { isDualLeader } from '@wj/domain/quality';

type CommitteeMember = CommitteeView['members'][number];

const columns: TableColumnsType<CommitteeMember> = [
  { title: '姓名', dataIndex: 'name', width: 110 },
  {
    title: '职务', key: 'role', width: 150,
    render: (_, m) => [m.role, ...(m.alsoRoles ?? [])].map((r, i) => (i === 0 ? COMMITTEE_ROLE_LABELS[r] : `兼${COMMITTEE_ROLE_LABELS[r]}`)).join('、'),
  },
  {
    title: '专职/兼职',
    key: 'fullTime',
    width: 160,
    render: (_, m) => (
      <Space size={4}>
        {m.fullTime ? <Tag color="green">专职</Tag> : <Tag>兼职</Tag>}
        {m.otherPosts > 0 && <Typography.Text type="secondary">另兼 {m.otherPosts} 职</Typography.Text>}
      </Space>
    ),
  },
  { title: '年龄', dataIndex: 'birthDate', width: 80, render: (birthDate: string) => `${yearsSince(birthDate)}岁` },
  { title: '职称', dataIndex: 'titleLevel', width: 90, render: (level: CommitteeMember['titleLevel']) => TITLE_LEVEL_LABELS[level] },
  {
    title: '双带头人',
    key: 'doubleLeader',
    width: 100,
    // The rule binds the secretary; for other members it is shown for information only.
    render: (_, m) => {
      const yes = isDualLeader(m);
      if (m.role !== 'secretary') return yes ? '是' : '否';
      return yes ? <Tag color="success">是</Tag> : <Tag color="warning">否</Tag>;
    },
  },
];

/** Who sits on a committee, in which role, 专职 or 兼职, and whether the secretary is a 双带头人. */
export function CommitteeMembersTable({ members }: { members: CommitteeMember[] }) {
  return (
    <Table<CommitteeMember>
      rowKey="memberId"
      size="small"
      columns={columns}
      dataSource={sortSeats(members)}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: '支委会暂无成员' }}
    />
  );
}
