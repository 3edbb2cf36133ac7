import { Button, Flex, Form, Input, InputNumber, Select, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { ABSENCE_REASON_LABELS, ABSENCE_REASONS, attendanceCounts } from '@wj/domain/schemas';

export interface AttendanceValues {
  hostId?: number | null;
  recorderId?: number | null;
  attendeeIds?: number[];
  absentIds?: number[];
  reasons?: Record<number, { absenceReason?: string | null; absenceNote?: string }>;
  expected?: number | null;
  present?: number | null;
}

const REASON_OPTIONS = ABSENCE_REASONS.map((r) => ({ value: r, label: ABSENCE_REASON_LABELS[r] }));
const searchable = { showSearch: { optionFilterProp: 'label' as const }, allowClear: true };

/**
 * 主持人, 记录人, who was expected (应到会人员, from the branch's members) and
 * who was absent with a reason. 应到/实到 are the list's counts; a record
 * without a list (older records) keeps its typed counts.
 */
export function AttendanceFields({ form, members }: { form: FormInstance; members: { id: number; name: string }[] }) {
  const attendeeIds: number[] = Form.useWatch('attendeeIds', form) ?? [];
  const absentIds: number[] = Form.useWatch('absentIds', form) ?? [];
  const options = members.map((m) => ({ value: m.id, label: m.name }));
  const nameOf = new Map(members.map((m) => [m.id, m.name]));
  const listed = new Set(attendeeIds);
  const absent = absentIds.filter((id) => listed.has(id));
  const counts = attendanceCounts(attendeeIds.map((id) => ({ present: !absent.includes(id) })));

  return (
    <>
      <Flex gap={12} wrap>
        <Form.Item name="hostId" label="主持人" style={{ flex: '1 1 140px', minWidth: 0 }}>
          <Select options={options} placeholder="选择主持人" {...searchable} />
        </Form.Item>
        <Form.Item name="recorderId" label="记录人" style={{ flex: '1 1 140px', minWidth: 0 }}>
          <Select options={options} placeholder="选择记录人" {...searchable} />
        </Form.Item>
      </Flex>
      <Form.Item label="应到会人员" extra="选择应到会的党员后，应到、实到人数按名单计算">
        <Flex gap={8} align="start">
          <Form.Item name="attendeeIds" noStyle>
            <Select mode="multiple" options={options} placeholder="选择应到会的党员" maxTagCount={3} {...searchable} aria-label="应到会人员" data-testid="attendees" style={{ flex: 1, minWidth: 0 }} />
          </Form.Item>
          <Button onClick={() => form.setFieldValue('attendeeIds', members.map((m) => m.id))} disabled={members.length === 0}>全体党员</Button>
        </Flex>
      </Form.Item>
      {attendeeIds.length > 0 ? (
        <>
          <Form.Item name="absentIds" label="缺席人员">
            <Select mode="multiple" options={options.filter((o) => listed.has(o.value))} placeholder="无人缺席可不选" {...searchable} aria-label="缺席人员" data-testid="absentees" />
          </Form.Item>
          {absent.map((id) => (
            <Flex key={id} gap={8} align="start" wrap data-testid="absence-row">
              <Typography.Text style={{ minWidth: 56, lineHeight: '32px' }}>{nameOf.get(id) ?? id}</Typography.Text>
              <Form.Item name={['reasons', id, 'absenceReason']} style={{ flex: '1 1 96px', marginBottom: 12 }} rules={[{ required: true, message: '请选择缺席原因' }]}>
                <Select options={REASON_OPTIONS} placeholder="缺席原因" aria-label={`${nameOf.get(id) ?? ''}缺席原因`} />
              </Form.Item>
              <Form.Item name={['reasons', id, 'absenceNote']} style={{ flex: '2 1 140px', marginBottom: 12 }}>
                <Input maxLength={100} placeholder="说明（选填）" />
              </Form.Item>
            </Flex>
          ))}
          <Typography.Paragraph data-testid="attendance-counts">
            应到 <b>{counts.expected}</b> 人，实到 <b>{counts.present}</b> 人{absent.length ? `，缺席 ${absent.length} 人` : ''}
          </Typography.Paragraph>
        </>
      ) : (
        <Flex gap={16}>
          <Form.Item name="expected" label="应到人数" required style={{ flex: 1 }}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="present" label="实到人数" required style={{ flex: 1 }}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
      )}
    </>
  );
}

/** The API's attendees from the form's lists (undefined: a count-only record). */
export function attendeesOf(v: AttendanceValues) {
  if (!v.attendeeIds?.length) return undefined;
  const absent = new Set(v.absentIds ?? []);
  return v.attendeeIds.map((memberId) => absent.has(memberId)
    ? { memberId, present: false, absenceReason: (v.reasons?.[memberId]?.absenceReason ?? null) as never, absenceNote: v.reasons?.[memberId]?.absenceNote || null }
    : { memberId, present: true });
}
