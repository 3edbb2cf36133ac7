import { Card, Empty, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { CommitteeView } from '@wj/domain/schemas';
import { COMMITTEE_ROLE_LABELS, COMMITTEE_ROLES, TITLE_LEVEL_LABELS } from '@wj/domain';
import { formatDate, isPast, yearsSince } from '@/lib/format';
import { isDoubleLeader } from '../lib/double-leader';

type CommitteeMember = CommitteeView['members'][number];

const columns: TableColumnsType<CommitteeMember> = [
  { title: '姓名', dataIndex: 'name', width: 110 },
  { title: '职务', dataIndex: 'role', width: 110, render: (role: CommitteeMember['role']) => COMMITTEE_ROLE_LABELS[role] },
  {
    title: '专职/兼职',
    key: 'fullTime',
    width: 150,
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
      const yes = isDoubleLeader(m);
      if (m.role !== 'secretary') return yes ? '是' : '否';
      return yes ? <Tag color="success">是</Tag> : <Tag color="warning">否</Tag>;
    },
  },
];

const roleOrder = (m: CommitteeMember) => COMMITTEE_ROLES.indexOf(m.role);

function TermSummary({ committee }: { committee: CommitteeView }) {
  const expired = isPast(committee.termEndsOn);
  return (
    <Space size={12} wrap>
      <span>选举日期 {formatDate(committee.electedDate)}</span>
      <span>任期 {committee.termYears} 年</span>
      <span>任期届满 {formatDate(committee.termEndsOn)}</span>
      {expired ? <Tag color="error">任期已届满</Tag> : <Tag color="success">任期内</Tag>}
    </Space>
  );
}

/** 支委会: who sits on it, in which role, and whether its term still runs. */
export function CommitteeCard({ committee }: { committee: CommitteeView | null }) {
  if (!committee) {
    return (
      <Card title="支委会">
        <Empty description="尚未建立支委会" />
      </Card>
    );
  }
  const members = [...committee.members].sort((a, b) => roleOrder(a) - roleOrder(b));
  return (
    <Card title="支委会" extra={<TermSummary committee={committee} />}>
      <Table<CommitteeMember>
        rowKey="memberId"
        size="small"
        columns={columns}
        dataSource={members}
        pagination={false}
        locale={{ emptyText: '支委会暂无成员' }}
      />
    </Card>
  );
}
