import { App, DatePicker, Form, Input, Modal, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { PartyWorkerInputSchema } from '@wj/domain/schemas';
import { useSaveError } from '@/components/use-save-error';
import { clearChangedErrors, validateWith } from '@/lib/form-errors';
import { useSaveWorker } from '../api/workers';
import { disableFuture, toIsoDate } from '../lib/dates';

interface WorkerValues {
  name?: string;
  position?: string;
  fullTime?: boolean;
  startDate?: Dayjs;
}

/** 登记党务干部: a person who takes up party work in the unit, 专职 or 兼职. */
export function WorkerFormModal({ unitId, onClose }: { unitId: number; onClose: () => void }) {
  const [form] = Form.useForm<WorkerValues>();
  const save = useSaveWorker(unitId);
  const onSaveError = useSaveError();
  const { message } = App.useApp();

  const submit = (values: WorkerValues) => {
    const checked = validateWith(form, PartyWorkerInputSchema, {
      name: values.name, position: values.position, fullTime: values.fullTime, startDate: toIsoDate(values.startDate), endDate: null,
    });
    if (!checked.data) {
      checked.other.forEach((m) => void message.error(m));
      return;
    }
    save.mutate({ id: null, body: checked.data }, {
      onSuccess: (w) => {
        void message.success(`已登记党务干部${w.name}`);
        onClose();
      },
      onError: (error) => onSaveError(error, { form }),
    });
  };

  return (
    <Modal title="登记党务干部" open onCancel={onClose} onOk={() => form.submit()} okText="保存" confirmLoading={save.isPending}>
      <Form
        name="worker"
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={(changed) => clearChangedErrors(form, changed)}
        initialValues={{ fullTime: true }}
      >
        <Form.Item name="name" label="姓名" required>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="position" label="职务" required>
          <Input maxLength={50} placeholder="如：党委办公室主任、组织干事" />
        </Form.Item>
        <Form.Item name="fullTime" label="专职/兼职" required>
          <Radio.Group options={[{ value: true, label: '专职' }, { value: false, label: '兼职' }]} />
        </Form.Item>
        <Form.Item name="startDate" label="任职日期" required>
          <DatePicker disabledDate={disableFuture} style={{ width: 220 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
