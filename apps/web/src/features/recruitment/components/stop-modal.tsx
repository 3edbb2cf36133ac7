import { useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { RecruitStopSchema, type Recruit } from '@wj/domain/schemas';
import { useSaveError } from '@/components/use-save-error';
import { clearChangedErrors, validateWith } from '@/lib/form-errors';
import { useStopRecruit } from '../api/save-recruit';
import { stageLabel } from '../lib/stage-text';

interface StopModalProps {
  recruit: Recruit;
  onClose: () => void;
  onReload: () => void;
}

/** 终止培养 (e.g. 不再列为入党积极分子, 取消预备党员资格): the entry and its dates stay with the reason. */
export function StopModal({ recruit: r, onClose, onReload }: StopModalProps) {
  const [form] = Form.useForm<{ reason?: string; date?: Dayjs | null }>();
  const { message } = App.useApp();
  const saveError = useSaveError();
  const stop = useStopRecruit();
  const [other, setOther] = useState<string[]>([]);

  const submit = () => {
    const v = form.getFieldsValue();
    const { data, other: rest } = validateWith(form, RecruitStopSchema, {
      reason: v.reason ?? '', date: v.date?.format('YYYY-MM-DD'), version: r.version,
    });
    setOther(rest);
    if (!data) return;
    stop.mutate({ id: r.id, input: data }, {
      onSuccess: () => {
        void message.success(`已终止对 ${r.name} 的培养`);
        onClose();
      },
      onError: (error) => saveError(error, { form, onReload }),
    });
  };

  return (
    <Modal
      open
      title={`终止培养：${r.name}`}
      okText="终止培养"
      okButtonProps={{ danger: true }}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={stop.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        当前阶段：{stageLabel(r.stage)}。终止后记录和各阶段日期保留，不再计入发展党员工作。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ date: dayjs() }} onValuesChange={(changed) => clearChangedErrors(form, changed)}>
        {other.length > 0 && <Alert type="error" showIcon title={other.join('；')} style={{ marginBottom: 16 }} />}
        <Form.Item name="reason" label="终止原因" required>
          <Input.TextArea rows={3} maxLength={500} placeholder="如：本人申请撤回入党申请；考察期间表现不符合条件" />
        </Form.Item>
        <Form.Item name="date" label="终止日期" extra="不填则为今天">
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
