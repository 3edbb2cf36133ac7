import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Radio, Typography } from 'antd';
import { MEETING_TYPE_LABELS } from '@wj/domain';
import { MeetingReviewSchema, type Meeting } from '@wj/domain/schemas';
import { useSaveError } from '@/components/use-save-error';
import { clearChangedErrors, validateWith } from '@/lib/form-errors';
import { useReviewMeeting } from '../api/review-meeting';

interface ReviewValues { decision?: 'approved' | 'returned'; reason?: string }

/** 审核 one record: 已审核, or 退回 with a reason the branch will read in its 待办. */
export function ReviewModal({ meeting, onClose, onReload }: { meeting: Meeting; onClose: () => void; onReload: () => void }) {
  const [form] = Form.useForm<ReviewValues>();
  const { message } = App.useApp();
  const saveError = useSaveError();
  const review = useReviewMeeting();
  const [other, setOther] = useState<string[]>([]);
  const decision = Form.useWatch('decision', form);

  const submit = () => {
    const v = form.getFieldsValue();
    const { data, other: rest } = validateWith(form, MeetingReviewSchema, { decision: v.decision, reason: v.reason || null, version: meeting.version });
    setOther(rest);
    if (!data) return;
    review.mutate({ id: meeting.id, review: data }, {
      onSuccess: () => {
        void message.success(data.decision === 'returned' ? '已退回，支部将在待办中看到退回原因' : '已标记为已审核');
        onClose();
      },
      onError: (error) => saveError(error, { form, onReload }),
    });
  };

  return (
    <Modal open title="审核组织生活记录" okText="确定" onOk={submit} onCancel={onClose} confirmLoading={review.isPending} destroyOnHidden>
      <Typography.Paragraph>
        {meeting.date} {MEETING_TYPE_LABELS[meeting.type]}：{meeting.topic}（应到 {meeting.expected}，实到 {meeting.present}）
      </Typography.Paragraph>
      <Form<ReviewValues> form={form} layout="vertical" initialValues={{ decision: 'approved' }} onValuesChange={(c) => clearChangedErrors(form, c)}>
        {other.length > 0 && <Alert type="error" showIcon title={other.join('；')} style={{ marginBottom: 16 }} />}
        <Form.Item name="decision" label="审核结果" required>
          <Radio.Group options={[{ value: 'approved', label: '已审核' }, { value: 'returned', label: '退回' }]} />
        </Form.Item>
        {decision === 'returned' && (
          <Form.Item name="reason" label="退回原因" required extra="退回的记录在支部修改前不计入组织生活">
            <Input.TextArea rows={3} maxLength={200} placeholder="如：缺少会议记录或签到表" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
