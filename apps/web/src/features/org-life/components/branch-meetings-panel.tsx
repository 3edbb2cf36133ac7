import { useMemo, useState } from 'react';
import { App, Button, Flex, Select, Skeleton, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { MEETING_TYPE_LABELS, MEETING_TYPES, type MeetingType } from '@wj/domain';
import { todayIso, type Meeting } from '@wj/domain/schemas';
import { QueryError } from '@/components/query-error';
import { useSaveError } from '@/components/use-save-error';
import { useOrgWriteAccess } from '@/lib/use-org-write-access';
import { useComplianceInputs } from '../api/get-compliance-inputs';
import { useMeetings } from '../api/get-meetings';
import { useDeleteMeeting } from '../api/save-meeting';
import { meetingCompliance } from '../lib/compliance';
import { ComplianceStrip } from './compliance-strip';
import { MeetingFormModal } from './meeting-form-modal';
import { MeetingsTable } from './meetings-table';

const YEARS_BACK = 5;

/** 组织生活 of one branch: this year's 三会一课 against the rules, and the records behind it. */
export function BranchMeetingsPanel({ orgId }: { orgId: number }) {
  const today = todayIso();
  const thisYear = Number(today.slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [type, setType] = useState<MeetingType | 'all'>('all');
  // null: closed; 'new': a new record; a Meeting: editing it.
  const [editing, setEditing] = useState<Meeting | 'new' | null>(null);
  const canEdit = useOrgWriteAccess(orgId);
  const { message } = App.useApp();
  const saveError = useSaveError();
  const meetings = useMeetings(orgId, year);
  const inputs = useComplianceInputs(orgId);
  const remove = useDeleteMeeting();

  const compliance = useMemo(() => {
    if (!meetings.data || !inputs.data) return null;
    const { rules, org, fullCount } = inputs.data;
    const hasGroups = org.children.some((c) => c.kind === 'party_group');
    return meetingCompliance({ meetings: meetings.data, rules, year, asOf: today, foundedDate: org.foundedDate, hasGroups, fullCount });
  }, [meetings.data, inputs.data, year, today]);

  const reloadEditing = async () => {
    const { data } = await meetings.refetch();
    const id = editing !== null && editing !== 'new' ? editing.id : null;
    const fresh = data?.find((m) => m.id === id);
    if (fresh) setEditing(fresh);
    else {
      setEditing(null);
      void message.warning('该记录已被他人删除');
    }
  };
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
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} style={{ marginInlineStart: 'auto' }}>
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
          {...(canEdit ? { onEdit: setEditing, onDelete } : {})}
        />
      )}
      {editing !== null && (
        <MeetingFormModal
          orgId={orgId}
          record={editing === 'new' ? null : editing}
          defaultExpected={inputs.data?.org.counts.members ?? 0}
          onClose={() => setEditing(null)}
          onReload={() => void reloadEditing()}
        />
      )}
    </Flex>
  );
}
