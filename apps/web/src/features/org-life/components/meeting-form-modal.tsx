import { App, Alert, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { MEETING_TYPE_LABELS, MEETING_TYPES, type MeetingType } from '@wj/domain';
import { MeetingInputSchema, type Meeting } from '@wj/domain/schemas';
import { useSaveError } from '@/components/use-save-error';
import { errorMessage } from '@/lib/api-client';
import { clearChangedErrors, validateWith } from '@/lib/form-errors';
import { uploadMeetingFile, useActiveMembers } from '../api/attachments';
import { meetingKeys } from '../api/keys';
import { useSaveMeeting } from '../api/save-meeting';
import { AttendanceFields, attendeesOf, type AttendanceValues } from './attendance-fields';
import { EvidenceFiles } from './evidence-files';

interface FormValues extends AttendanceValues {
  type?: MeetingType;
  date?: Dayjs | null;
  topic?: string;
  minutes?: string;
  notes?: string;
}

const TYPE_OPTIONS = MEETING_TYPES.map((t) => ({ value: t, label: MEETING_TYPE_LABELS[t] }));

const toValues = (m: Meeting): FormValues => ({
  type: m.type, date: dayjs(m.date), topic: m.topic, notes: m.notes ?? '', minutes: m.minutes ?? '',
  hostId: m.hostId, recorderId: m.recorderId,
  attendeeIds: m.attendees.map((a) => a.memberId),
  absentIds: m.attendees.filter((a) => !a.present).map((a) => a.memberId),
  reasons: Object.fromEntries(m.attendees.filter((a) => !a.present).map((a) => [a.memberId, { absenceReason: a.absenceReason, absenceNote: a.absenceNote ?? '' }])),
  // A count-only record (no list) keeps its typed counts.
  expected: m.attendees.length ? undefined : m.expected,
  present: m.attendees.length ? undefined : m.present,
});

interface MeetingFormModalProps {
  orgId: number;
  /** The record to edit; null to record a new meeting. */
  record: Meeting | null;
  /** Expected count offered for a new record when no list is picked (a branch with no members on the roll). */
  defaultExpected?: number;
  /** A new record's type and date, when opened from a 待办 ("登记12月支委会"). */
  preset?: { type: MeetingType; date: string };
  onClose: () => void;
  /** After a 409: fetch the record again and reset the form from it. */
  onReload: () => void;
}

/**
 * 登记/修改组织生活 with its evidence: 主持人, 记录人, attendees with
 * absentees and reasons, minutes, and photos of the sign-in sheet. Checked
 * with the API's own schema before it is sent; files go after the record.
 */
export function MeetingFormModal({ orgId, record, defaultExpected, preset, onClose, onReload }: MeetingFormModalProps) {
  const [form] = Form.useForm<FormValues>();
  const { message } = App.useApp();
  const saveError = useSaveError();
  const save = useSaveMeeting(orgId);
  const members = useActiveMembers(orgId);
  const queryClient = useQueryClient();
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  const [pending, setPending] = useState<File[]>([]);
  const [uploading, setUploading] = useState(false);
  // A reload after a 409 brings a newer version of the record: show it instead of the stale edit.
  useEffect(() => form.resetFields(), [form, record?.id, record?.version]);
  const memberList = (members.data?.items ?? []).map((m) => ({ id: m.id, name: m.name }));

  const uploadAll = async (meetingId: number) => {
    const failed: string[] = [];
    setUploading(true);
    for (const file of pending) {
      try { await uploadMeetingFile(meetingId, file); } catch (e) { failed.push(`${file.name}：${errorMessage(e)}`); }
    }
    setUploading(false);
    // The list was refreshed when the record was saved: once more, with its files.
    await queryClient.invalidateQueries({ queryKey: meetingKeys.all });
    return failed;
  };

  const submit = () => {
    const v = form.getFieldsValue(true) as FormValues;
    const attendees = attendeesOf(v);
    const input = {
      type: v.type, date: v.date?.format('YYYY-MM-DD'), topic: v.topic ?? '',
      hostId: v.hostId ?? null, recorderId: v.recorderId ?? null, attendees,
      ...(attendees ? {} : { expected: v.expected ?? undefined, present: v.present ?? undefined }),
      minutes: v.minutes || null, notes: v.notes || null,
    };
    const { data, other } = validateWith(form, MeetingInputSchema, input);
    // Per-absentee reasons are fields of their own rows: put the schema's message there.
    const missing = (attendees ?? []).filter((a) => !a.present && !a.absenceReason).map((a) => a.memberId);
    form.setFields(missing.map((id) => ({ name: ['reasons', id, 'absenceReason'], errors: ['请选择缺席原因'] })));
    setOtherErrors(missing.length ? other.filter((m) => !m.includes('缺席原因')) : other);
    if (!data) return;
    save.mutate({ id: record?.id ?? null, input: data, version: record?.version }, {
      onSuccess: async (saved) => {
        const failed = pending.length ? await uploadAll(saved.id) : [];
        setPending([]);
        if (failed.length) void message.error(`记录已保存，但以下附件未能上传：${failed.join('；')}`, 8);
        else void message.success(record ? '组织生活记录已保存' : '组织生活已登记');
        onClose();
      },
      onError: (error) => saveError(error, { form, onReload }),
    });
  };

  return (
    <Modal
      open
      title={record ? '修改组织生活记录' : '登记组织生活'}
      okText={record ? '保存' : '登记'}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={save.isPending || uploading}
      destroyOnHidden
      width={600}
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={record ? toValues(record) : { type: preset?.type ?? 'general_meeting', date: preset ? dayjs(preset.date) : dayjs(), expected: defaultExpected || undefined }}
        onValuesChange={(changed) => clearChangedErrors(form, changed)}
        onFinish={submit}
      >
        {otherErrors.length > 0 && <Alert type="error" showIcon title={otherErrors.join('；')} style={{ marginBottom: 16 }} />}
        <Form.Item name="type" label="会议类型" required>
          <Select options={TYPE_OPTIONS} placeholder="请选择会议类型" />
        </Form.Item>
        <Form.Item name="date" label="会议日期" required>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), "day")} />
        </Form.Item>
        <Form.Item name="topic" label="会议主题" required>
          <Input maxLength={200} placeholder="如：学习贯彻党的二十届三中全会精神" />
        </Form.Item>
        {members.isError && <Typography.Text type="danger">本支部党员名单加载失败：{errorMessage(members.error)}</Typography.Text>}
        <AttendanceFields form={form} members={memberList} />
        <Form.Item name="minutes" label="会议记录">
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={20000} placeholder="议程、发言要点、会议决定事项等" />
        </Form.Item>
        <Form.Item label="签到表、会议记录照片">
          <EvidenceFiles existing={record?.attachments ?? []} pending={pending} onPendingChange={setPending} />
        </Form.Item>
        <Form.Item name="notes" label="备注">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
