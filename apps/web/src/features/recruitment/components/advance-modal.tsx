import { useState } from 'react';
import { Alert, App, DatePicker, Form, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { checkAdvance, formatDateZh, nextStage } from '@wj/domain';
import { RecruitAdvanceSchema, todayIso, type Recruit } from '@wj/domain/schemas';
import { useSaveError } from '@/components/use-save-error';
import { validateWith } from '@/lib/form-errors';
import { useAdvanceRecruit } from '../api/save-recruit';
import { STAGE_DATE_LABELS, stageLabel } from '../lib/stage-text';

interface AdvanceModalProps {
  recruit: Recruit;
  onClose: () => void;
  onReload: () => void;
}

/**
 * 推进到下一阶段. The earliest allowed date is shown before anything is typed,
 * and every date picked is judged at once by the same rule the API applies
 * (recruitment-rules.ts), so a refusal reads the same words in both places.
 */
export function AdvanceModal({ recruit: r, onClose, onReload }: AdvanceModalProps) {
  const [form] = Form.useForm<{ date?: Dayjs | null }>();
  const { message } = App.useApp();
  const saveError = useSaveError();
  const advance = useAdvanceRecruit();
  const [stageProblem, setStageProblem] = useState<string | null>(null);
  const today = todayIso();
  const to = nextStage(r.stage);
  const earliest = r.nextStepFrom;
  const ready = earliest !== null && earliest <= today;

  /** The 细则's verdict on a date, put on the date field (or above the form when it is about the stage). */
  const judge = (date: string | undefined): boolean => {
    if (!to) return false;
    if (!date) {
      form.setFields([{ name: 'date', errors: [] }]);
      return true;
    }
    const problem = checkAdvance(r, to, date, today);
    setStageProblem(problem?.field === 'toStage' ? problem.message : null);
    form.setFields([{ name: 'date', errors: problem?.field === 'date' ? [problem.message] : [] }]);
    return problem === null;
  };

  const submit = () => {
    if (!to) return;
    const date = form.getFieldValue('date')?.format('YYYY-MM-DD');
    const { data } = validateWith(form, RecruitAdvanceSchema, { toStage: to, date, version: r.version });
    if (!data || !judge(data.date)) return;
    advance.mutate({ id: r.id, input: data }, {
      onSuccess: () => {
        void message.success(`${r.name} 已进入${stageLabel(to)}阶段`);
        onClose();
      },
      onError: (error) => saveError(error, { form, onReload }),
    });
  };

  return (
    <Modal open title={`推进到下一阶段：${r.name}`} okText="确认推进" onOk={submit} onCancel={onClose} confirmLoading={advance.isPending} destroyOnHidden>
      {to ? (
        <Form form={form} layout="vertical" initialValues={{ date: ready ? dayjs() : null }} onValuesChange={(_, v) => judge(v.date?.format('YYYY-MM-DD'))}>
          <Typography.Paragraph>
            当前阶段：{stageLabel(r.stage)}，将进入：<Typography.Text strong>{stageLabel(to)}</Typography.Text>
          </Typography.Paragraph>
          {earliest && (
            <Alert
              showIcon
              type={ready ? 'info' : 'warning'}
              style={{ marginBottom: 16 }}
              title={`按《中国共产党发展党员工作细则》，最早可于 ${formatDateZh(earliest)} 进入${stageLabel(to)}阶段`}
              description={ready ? undefined : `尚未到期：${formatDateZh(earliest)} 前不能推进。`}
            />
          )}
          {stageProblem && <Alert type="error" showIcon title={stageProblem} style={{ marginBottom: 16 }} />}
          <Form.Item name="date" label={STAGE_DATE_LABELS[to]} required>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
        </Form>
      ) : (
        <Alert type="success" showIcon title="已转为正式党员，发展流程已经完成" />
      )}
    </Modal>
  );
}
