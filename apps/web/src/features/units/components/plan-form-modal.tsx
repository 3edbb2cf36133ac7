import { App, DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { UnitPlanInputSchema, type UnitPlan } from '@wj/domain/schemas';
import { useQueryClient } from '@tanstack/react-query';
import { useSaveError } from '@/components/use-save-error';
import { clearChangedErrors, validateWith } from '@/lib/form-errors';
import { useSavePlan } from '../api/plans';
import { unitKeys } from '../api/keys';
import { disableFuture, fromIsoDate, toIsoDate } from '../lib/dates';

interface PlanValues {
  title?: string;
  submittedDate?: Dayjs;
  content?: string | null;
}

interface PlanFormModalProps {
  unitId: number;
  year: number;
  /** The stored plan when correcting one; undefined when submitting it. */
  plan: UnitPlan | undefined;
  onClose: () => void;
}

/** 报送 or 修改 one year's plan; it is due by 31 March of that year. */
export function PlanFormModal({ unitId, year, plan, onClose }: PlanFormModalProps) {
  const [form] = Form.useForm<PlanValues>();
  const save = useSavePlan(unitId);
  const onSaveError = useSaveError();
  const queryClient = useQueryClient();
  const { message } = App.useApp();

  const submit = (values: PlanValues) => {
    const checked = validateWith(form, UnitPlanInputSchema, {
      title: values.title, content: values.content, fileName: plan?.fileName ?? null,
      submittedDate: toIsoDate(values.submittedDate), version: plan?.version,
    });
    if (!checked.data) {
      checked.other.forEach((m) => void message.error(m));
      return;
    }
    save.mutate({ year, body: checked.data }, {
      onSuccess: () => {
        void message.success(`${year}年度党建工作计划已${plan ? '保存' : '报送'}`);
        onClose();
      },
      onError: (error) => onSaveError(error, {
        form,
        onReload: () => {
          void queryClient.invalidateQueries({ queryKey: unitKeys.plans(unitId) });
          onClose();
        },
      }),
    });
  };

  return (
    <Modal title={`${plan ? '修改' : '报送'}${year}年度党建工作计划`} open onCancel={onClose} onOk={() => form.submit()} okText="保存" confirmLoading={save.isPending} width={640}>
      <Form
        name="plan"
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={(changed) => clearChangedErrors(form, changed)}
        initialValues={{ title: plan?.title, submittedDate: fromIsoDate(plan?.submittedDate), content: plan?.content }}
      >
        <Form.Item name="title" label="计划标题" required>
          <Input maxLength={100} placeholder={`如：${year}年党建工作计划`} />
        </Form.Item>
        <Form.Item name="submittedDate" label="提交日期" required extra={`应于 ${year} 年 3 月 31 日前报送`}>
          <DatePicker disabledDate={disableFuture} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="content" label="计划内容">
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={20000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
