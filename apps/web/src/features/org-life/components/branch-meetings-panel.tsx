import { useMemo, useState } from 'react';
import { App, Button, Flex, Select, Skeleton, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { MEETING_TYPE_LABELS, MEETING_TYPES, type MeetingType } from '@wj/domain';
import { todayIso, type Meeting } from '@wj/domain/schemas';
import { QueryError } from '@/components/query-error';
import { useSaveError } from '@/components/use-save-error';
import { useEditing } from '@/lib/use-editing';
import { useOrgWriteAccess } from '@/lib/use-org-write-access';
import { useComplianceInputs } from '../api/get-compliance-inputs';
import { useMeetings } from '../api/get-meetings';
import { useDeleteMeeting } from '../api/save-meeting';
import { meetingCompliance } from '../lib/compliance';
import { ComplianceStrip } from './compliance-strip';
import { MeetingFormModal } from './meeting-form-modal';
import { MeetingsTable } from './meetings-table';
import { ReviewModal } from './review-modal';
import { useMe } from '@/lib/auth';

const YEARS_BACK = 5;

/** 组织生活 of one branch: this year's 三会一课 against the rules, and the records behind it. */
export function BranchMeetingsPanel({ orgId }: { orgId: number }) {
  const today = todayIso();
  const thisYear = Number(today.slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [type, setType] = useState<MeetingType | 'all'>('all');
  const canEdit = useOrgWriteAccess(orgId);
  const { message } = App.useApp();
  const saveError = useSaveError();
  const meetings = useMeetings(orgId, year);
  const inputs = useComplianceInputs(orgId);
  const remove = useDeleteMeeting();
  const editing = useEditing<Meeting>(() => meetings.refetch());
  // The unit reviews its branches' records; a branch secretary does not review their own.
  const me = useMe();
  const canReview = canEdit && (me.data?.role === 'unit_secretary' || me.data?.role === 'admin');
  const [reviewing, setReviewing] = useState<Meeting | null>(null);

  const compliance = useMemo(() => {
    if (!meetings.data || !inputs.data) return null;
    const { rules, org, fullCount } = inputs.data;
    const hasGroups = org.children.some((c) => c.kind === 'party_group');
    // A returned record does not count until corrected, as in the score.
    return meetingCompliance({ meetings: meetings.data.filter((m) => m.reviewStatus !== 'returned'), rules, year, asOf: today, foundedDate: org.foundedDate, hasGroups, fullCount });
  }, [meetings.data, inputs.data, year, today]);

  const onDelete = (m: Meeting) =>
    remove.mutate({ id: m.id, version: m.version }, {
      onSuccess: () => void message.success('记录已删除'),
      onError: (error) => saveError(error, { onReload: () => void meetings.refetch() }),
    });

  const items = (meetings.data ?? []).filter((m) => type === 'all' || m.type === type);
  const yearOptions = Array.from({ length: YEARS_BACK + 1 }, (_, i) => ({ value: thisYear - i, label: `${thisYear - i}年` }));

  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={12} wrap>
        <Select aria-label="年度" value={year} onChange={setYear} options={yearOptions} style={{ width: 110 }} />
        <Select
          aria-label="会议类型"
          value={type}
          onChange={setType}
          style={{ width: 160 }}
          options={[{ value: 'all', label: '全部类型' }, ...MEETING_TYPES.map((t) => ({ value: t, label: MEETING_TYPE_LABELS[t] }))]}
        />
        <Typography.Text type="secondary">
          {year === thisYear ? `截至 ${today}，按现行规则计算已到期的次数` : `${year}年全年`}
        </Typography.Text>
        {canEdit && (
          <Button type="primary" icon={<PlusOutlined />} onClick={editing.openNew} style={{ marginInlineStart: 'auto' }}>
            登记组织生活
          </Button>
        )}
      </Flex>
      {inputs.error ? (
        <QueryError error={inputs.error} onRetry={() => void inputs.refetch()} title="三会一课执行情况加载失败" />
      ) : compliance ? (
        <ComplianceStrip items={compliance} />
      ) : (
        <Skeleton active paragraph={{ rows: 2 }} title={false} />
      )}
      {meetings.isError ? (
        <QueryError error={meetings.error} onRetry={() => void meetings.refetch()} title="组织生活记录加载失败" />
      ) : (
        <MeetingsTable
          items={items}
          loading={meetings.isFetching}
          emptyText={meetings.isPending ? '正在加载…' : type === 'all' ? `${year}年尚未登记组织生活` : `${year}年没有${MEETING_TYPE_LABELS[type]}记录`}
          attendanceMin={inputs.data?.rules.params.attendanceMin ?? 0.8}
          {...(canEdit ? { onEdit: editing.open, onDelete } : {})}
          {...(canReview ? { onReview: setReviewing } : {})}
        />
      )}
      {editing.isOpen && (
        <MeetingFormModal
          orgId={orgId}
          record={editing.record}
          defaultExpected={inputs.data?.org.counts.members ?? 0}
          onClose={editing.close}
          onReload={editing.reload}
        />
      )}
      {reviewing && <ReviewModal meeting={reviewing} onClose={() => setReviewing(null)} onReload={() => { setReviewing(null); void meetings.refetch(); }} />}
    </Flex>
  );
}
