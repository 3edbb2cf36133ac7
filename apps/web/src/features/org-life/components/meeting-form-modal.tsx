import { App, Alert, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { MEETING_TYPE_LABELS, MEETING_TYPES, type MeetingType } from '@wj/domain';
import { MeetingInputSchema, type Meeting } from '@wj/domain/schemas';
import { useSaveError } from '@/components/use-save-error';
import { clearChangedErrors, validateWith } from '@/lib/schema-validate';
import { useSaveMeeting } from '../api/save-meeting';

interface FormValues {
  type?: MeetingType;
  date?: Dayjs | null;
  topic?: string;
  expected?: number | null;
  present?: number | null;
  notes?: string;
}

const TYPE_OPTIONS = MEETING_TYPES.map((t) => ({ value: t, label: MEETING_TYPE_LABELS[t] }));

const toValues = (m: Meeting): FormValues => ({ ...m, date: dayjs(m.date), notes: m.notes ?? '' });

interface MeetingFormModalProps {
  orgId: number;
  /** The record to edit; null to record a new meeting. */
  record: Meeting | null;
  /** Expected count offered for a new record: the branch's members. */
  defaultExpected: number;
  /** A new record's type and date, when opened from a 待办 ("登记12月支委会"). */
  preset?: { type: MeetingType; date: string };
  onClose: () => void;
  /** After a 409: fetch the record again and reset the form from it. */
  onReload: () => void;
}

/** 登记/修改组织生活, checked with the API's own schema before it is sent. */
export function MeetingFormModal({ orgId, record, defaultExpected, preset, onClose, onReload }: MeetingFormModalProps) {
  const [form] = Form.useForm<FormValues>();
  const { message } = App.useApp();
  const saveError = useSaveError();
  const save = useSaveMeeting(orgId);
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  // A reload after a 409 brings a newer version of the record: show it instead of the stale edit.
  useEffect(() => form.resetFields(), [form, record?.id, record?.version]);

  const submit = () => {
    const v = form.getFieldsValue();
    const input = {
      type: v.type, date: v.date?.format('YYYY-MM-DD'), topic: v.topic ?? '',
      expected: v.expected ?? undefined, present: v.present ?? undefined, notes: v.notes || null,
    };
    const { data, other } = validateWith(form, MeetingInputSchema, input);
    setOtherErrors(other);
    if (!data) return;
    save.mutate({ id: record?.id ?? null, input: data, version: record?.version }, {
      onSuccess: () => {
        void message.success(record ? '组织生活记录已保存' : '组织生活已登记');
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
      confirmLoading={save.isPending}
      destroyOnHidden
      width={560}
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
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="topic" label="会议主题" required>
          <Input maxLength={200} placeholder="如：学习贯彻党的二十届三中全会精神" />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16 }}>
          <Form.Item name="expected" label="应到人数" required style={{ flex: 1 }}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="present" label="实到人数" required style={{ flex: 1 }}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item name="notes" label="备注">
          <Input.TextArea rows={3} maxLength={2000} placeholder="缺席人员及原因、会议决定事项等" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
