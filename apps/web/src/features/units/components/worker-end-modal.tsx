import { App, DatePicker, Form, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import { PartyWorkerUpdateSchema, type PartyWorker } from '@wj/domain/schemas';
import { useSaveError } from '@/components/use-save-error';
import { clearChangedErrors, validateWith } from '@/lib/form-errors';
import { unitKeys } from '../api/keys';
import { useSaveWorker } from '../api/workers';
import { disableFuture, toIsoDate } from '../lib/dates';

/** Ends a post: the worker keeps their row with a 离任日期 (the unit's history is not deleted). */
export function WorkerEndModal({ unitId, worker, onClose }: { unitId: number; worker: PartyWorker; onClose: () => void }) {
  const [form] = Form.useForm<{ endDate?: Dayjs }>();
  const save = useSaveWorker(unitId);
  const onSaveError = useSaveError();
  const queryClient = useQueryClient();
  const { message } = App.useApp();

  const submit = (values: { endDate?: Dayjs }) => {
    const { id, name, position, fullTime, startDate, version } = worker;
    const checked = validateWith(form, PartyWorkerUpdateSchema, { name, position, fullTime, startDate, version, endDate: toIsoDate(values.endDate) });
    if (!checked.data) {
      checked.other.forEach((m) => void message.error(m));
      return;
    }
    save.mutate({ id, body: checked.data }, {
      onSuccess: () => {
        void message.success(`${name}已离任`);
        onClose();
      },
      onError: (error) => onSaveError(error, {
        form,
        onReload: () => {
          void queryClient.invalidateQueries({ queryKey: unitKeys.workers(unitId) });
          onClose();
        },
      }),
    });
  };

  return (
    <Modal title={`${worker.name}离任`} open onCancel={onClose} onOk={() => form.submit()} okText="确认离任" confirmLoading={save.isPending}>
      <Typography.Paragraph type="secondary">
        {worker.position}，{worker.fullTime ? '专职' : '兼职'}，{worker.startDate} 起任职。离任后记录仍保留在党务干部名单中。
      </Typography.Paragraph>
      <Form
        name="worker-end"
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={(changed) => clearChangedErrors(form, changed)}
        initialValues={{ endDate: dayjs() }}
      >
        {/* Ending a post needs its date; the schema alone would read a blank as "still serving". */}
        <Form.Item name="endDate" label="离任日期" rules={[{ required: true, message: '请选择离任日期' }]}>
          <DatePicker disabledDate={(d) => disableFuture(d) || d.isBefore(dayjs(worker.startDate), 'day')} style={{ width: 220 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
