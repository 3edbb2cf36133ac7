import { Alert, Descriptions, Drawer, Flex, Skeleton } from 'antd';
import type { DescriptionsProps } from 'antd';
import type { MemberDetail } from '@wj/domain/schemas';
import {
  EDUCATION_LABELS, EMPLOYMENT_LABELS, GENDER_LABELS, JOB_CATEGORY_LABELS, MEMBER_CATEGORY_LABELS, MEMBER_STATUS_LABELS,
  PARTY_STANDING_LABELS, TITLE_LEVEL_LABELS,
} from '@wj/domain';
import { QueryError } from '@/components/query-error';
import { formatDate } from '@/lib/format';
import { useMember } from '../api/get-member';
import { LEFT_PHRASES } from '../lib/left-status';
import { MemberActions } from './member-actions';
import { MemberFlags } from './member-columns';

function detailItems(m: MemberDetail): DescriptionsProps['items'] {
  const items: DescriptionsProps['items'] = [
    { key: 'name', label: '姓名', children: m.name },
    { key: 'gender', label: '性别', children: GENDER_LABELS[m.gender] },
    { key: 'ethnicity', label: '民族', children: m.ethnicity },
    { key: 'birthDate', label: '出生日期', children: formatDate(m.birthDate) },
    { key: 'idNumber', label: '公民身份号码', children: m.idNumber, span: 2 },
    { key: 'phone', label: '联系电话', children: m.phone ?? '—' },
    { key: 'education', label: '学历', children: EDUCATION_LABELS[m.education] },
    { key: 'org', label: '所在支部', children: m.orgName, span: 2 },
    { key: 'joinDate', label: '入党日期', children: formatDate(m.joinDate) },
    { key: 'fullDate', label: '转正日期', children: formatDate(m.fullDate) },
    { key: 'category', label: '党员类别', children: MEMBER_CATEGORY_LABELS[m.category] },
    { key: 'partyStanding', label: '党籍状态', children: PARTY_STANDING_LABELS[m.partyStanding] },
    { key: 'status', label: '名册状态', children: MEMBER_STATUS_LABELS[m.status] },
    { key: 'lostContact', label: '失联党员', children: m.lostContact ? '是' : '否' },
    { key: 'floating', label: '流动党员', children: m.floating ? '是' : '否' },
    { key: 'employment', label: '在职/离退休', children: EMPLOYMENT_LABELS[m.employment] },
    { key: 'jobCategory', label: '岗位类别', children: m.jobCategory ? JOB_CATEGORY_LABELS[m.jobCategory] : '—' },
    { key: 'titleLevel', label: '职称', children: TITLE_LEVEL_LABELS[m.titleLevel] },
    { key: 'department', label: '科室', children: m.department ?? '—' },
    { key: 'position', label: '职务', children: m.position ?? '—' },
    { key: 'studyHours', label: '本年度学习学时', children: m.studyHours === null ? '未登记' : `${m.studyHours} 学时` },
    { key: 'flags', label: '标识', children: <MemberFlags member={m} empty="—" />, span: 2 },
  ];
  if (m.status !== 'active') {
    items.push(
      { key: 'leftDate', label: '离开日期', children: formatDate(m.leftDate) },
      { key: 'leftReason', label: '离开原因', children: m.leftReason ?? '—' },
    );
  }
  return items;
}

interface MemberDetailDrawerProps {
  memberId: number | null;
  open: boolean;
  onClose: () => void;
}

/** A record that left the roll stays as history: say so, with when and why. */
function LeftNotice({ member }: { member: MemberDetail }) {
  if (member.status === 'active') return null;
  const reason = member.leftReason ? `，原因：${member.leftReason}` : '';
  return (
    <Alert type="warning" showIcon title={`${LEFT_PHRASES[member.status]}（${formatDate(member.leftDate)}）${reason}`}
      description="该党员已不在党员名册中，记录作为历史保留，仅供查阅。" />
  );
}

/** One member's full record with what the user may do to it; the 公民身份号码 arrives already masked. */
export function MemberDetailDrawer({ memberId, open, onClose }: MemberDetailDrawerProps) {
  const member = useMember(memberId);
  return (
    <Drawer open={open} onClose={onClose} size={640} title={member.data?.name ?? '党员信息'}
      extra={member.data && <MemberActions member={member.data} />}>
      <Flex vertical gap={16}>
        {member.isPending && <Skeleton active paragraph={{ rows: 10 }} />}
        {member.isError && <QueryError error={member.error} onRetry={() => void member.refetch()} title="党员信息加载失败" />}
        {member.data && <LeftNotice member={member.data} />}
        {member.data && (
          <Descriptions bordered size="small" column={2} items={detailItems(member.data)} styles={{ label: { whiteSpace: 'nowrap' } }} />
        )}
      </Flex>
    </Drawer>
  );
}
