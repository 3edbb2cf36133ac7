import { Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { MemberListItem } from '@wj/domain/schemas';
import {
  EDUCATION_LABELS, EMPLOYMENT_LABELS, GENDER_LABELS, JOB_CATEGORY_LABELS, MEMBER_CATEGORY_LABELS, MEMBER_STATUS_LABELS,
  PARTY_STANDING_LABELS, probationState, TITLE_LEVEL_LABELS,
} from '@wj/domain';
import { todayIso } from '@wj/domain/schemas';
import { formatDate } from '@/lib/format';
import { STATUS_TAG_COLORS } from '../lib/left-status';

type Flagged = Pick<MemberListItem, 'isTalent' | 'isDeptHead' | 'partyStanding' | 'lostContact' | 'floating' | 'category' | 'joinDate'>;

/**
 * The talent and department-head flags (read by the quality model's 双带头人
 * and 双培养 checks), what the national system records (党籍状态 other than
 * 正常, 失联, 流动), and a 预备党员 whose year is over (党章第七条).
 */
export function MemberFlags({ member, empty = null }: { member: Flagged; empty?: string | null }) {
  const probationDue = member.category === 'probationary' && probationState(member.joinDate, todayIso()) !== 'within';
  const any = member.isTalent || member.isDeptHead || member.partyStanding !== 'normal' || member.lostContact || member.floating || probationDue;
  if (!any) return empty;
  return (
    <Space size={4} wrap>
      {member.partyStanding !== 'normal' && <Tag color="red">{PARTY_STANDING_LABELS[member.partyStanding]}</Tag>}
      {member.lostContact && <Tag color="volcano">失联党员</Tag>}
      {member.floating && <Tag color="cyan">流动党员</Tag>}
      {probationDue && <Tag color="orange">预备期已满</Tag>}
      {member.isTalent && <Tag color="gold">高层次人才</Tag>}
      {member.isDeptHead && <Tag color="geekblue">内设机构负责人</Tag>}
    </Space>
  );
}

interface ColumnOptions {
  showOrg: boolean;
  showStatus: boolean;
  onOpen: (id: number) => void;
}

export function memberColumns({ showOrg, showStatus, onOpen }: ColumnOptions): TableColumnsType<MemberListItem> {
  const columns: TableColumnsType<MemberListItem> = [
    {
      title: '姓名',
      dataIndex: 'name',
      fixed: 'left',
      width: 100,
      render: (name: string, m) => <Typography.Link onClick={() => onOpen(m.id)}>{name}</Typography.Link>,
    },
    { title: '性别', dataIndex: 'gender', width: 60, render: (v: MemberListItem['gender']) => GENDER_LABELS[v] },
    { title: '出生日期', dataIndex: 'birthDate', width: 110, render: formatDate },
    { title: '学历', dataIndex: 'education', width: 110, render: (v: MemberListItem['education']) => EDUCATION_LABELS[v] },
    { title: '入党日期', dataIndex: 'joinDate', width: 110, render: formatDate },
    { title: '类别', dataIndex: 'category', width: 90, render: (v: MemberListItem['category']) => MEMBER_CATEGORY_LABELS[v] },
    { title: '在职/离退休', dataIndex: 'employment', width: 100, render: (v: MemberListItem['employment']) => EMPLOYMENT_LABELS[v] },
    { title: '岗位类别', dataIndex: 'jobCategory', width: 90, render: (v: MemberListItem['jobCategory']) => (v ? JOB_CATEGORY_LABELS[v] : '—') },
    { title: '职称', dataIndex: 'titleLevel', width: 70, render: (v: MemberListItem['titleLevel']) => TITLE_LEVEL_LABELS[v] },
    { title: '科室', dataIndex: 'department', width: 120, ellipsis: true, render: (v: string | null) => v ?? '—' },
    { title: '标识', key: 'flags', width: 200, render: (_, m) => <MemberFlags member={m} /> },
  ];
  // Beside the name: a record that left the roll reads as history at a glance.
  if (showStatus) {
    columns.splice(1, 0, {
      title: '状态', dataIndex: 'status', width: 80,
      render: (v: MemberListItem['status']) => <Tag color={STATUS_TAG_COLORS[v]}>{MEMBER_STATUS_LABELS[v]}</Tag>,
    });
  }
  if (showOrg) columns.splice(1, 0, { title: '所在支部', dataIndex: 'orgName', width: 220, ellipsis: true });
  return columns;
}
