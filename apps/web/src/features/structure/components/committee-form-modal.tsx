import { App, DatePicker, Form, InputNumber, Modal } from 'antd';
import { CommitteeInputSchema, CommitteeUpdateSchema, committeeSizeProblem, type CommitteeHistory } from '@wj/domain/schemas';
import { useSaveError } from '@/components/use-save-error';
import { clearChangedErrors, validateWith } from '@/lib/form-errors';
import { useBranchRoster } from '../api/get-branch-roster';
import { useSaveCommittee } from '../api/save-committee';
import { chosenAlsoRoles, chosenRoles, initialCommitteeValues, toSeats, type CommitteeFormValues } from '../lib/committee-form';
import { disableFuture, toIsoDate } from '../lib/dates';
import { CommitteeSeatsField } from './committee-seats-field';

interface CommitteeFormModalProps {
  orgId: number;
  /** 换届选举 records a new committee; 调整委员 corrects the one in office. */
  mode: 'elect' | 'adjust';
  data: CommitteeHistory;
  open: boolean;
  onClose: () => void;
  /**
   * Refetches the committee after a 409; the panel keys this modal on the
   * committee's version, so the form starts again from what is stored.
   */
  onReload: () => Promise<unknown>;
}

export function CommitteeFormModal({ orgId, mode, data, open, onClose, onReload }: CommitteeFormModalProps) {
  const [form] = Form.useForm<CommitteeFormValues>();
  const roster = useBranchRoster(orgId, open);
  const save = useSaveCommittee(orgId);
  const onSaveError = useSaveError();
  const { message } = App.useApp();
  const current = data.current;

  const submit = (values: CommitteeFormValues) => {
    const members = toSeats(values.members);
    const checked = mode === 'elect'
      ? validateWith(form, CommitteeInputSchema, { electedDate: toIsoDate(values.electedDate), termYears: values.termYears ?? undefined, members })
      : validateWith(form, CommitteeUpdateSchema, { termYears: values.termYears ?? undefined, members, version: current?.version });
    // 《中国共产党支部工作条例（试行）》第九条: the size depends on the branch's 正式党员, which the schema cannot know.
    const sizeProblem = committeeSizeProblem(data.fullMembers, chosenRoles(values.members), chosenAlsoRoles(values.members));
    // The rule's message already shows live under the seats; say it once more where the eye is.
    if (!checked.data || sizeProblem) {
      [...checked.other, ...(sizeProblem ? [sizeProblem] : [])].forEach((m) => void message.error(m));
      return;
    }
    const request = 'electedDate' in checked.data
      ? { mode: 'elect' as const, body: checked.data }
      : { mode: 'adjust' as const, committeeId: current!.id, body: checked.data };
    save.mutate(request, {
      onSuccess: () => {
        void message.success(mode === 'elect' ? '新一届支委会已登记' : '支委会成员已更新');
        onClose();
      },
      onError: (error) => onSaveError(error, { form, onReload: () => void onReload() }),
    });
  };

  return (
    <Modal
      title={mode === 'elect' ? '换届选举：登记新一届支委会' : '调整本届支委会委员'}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存"
      confirmLoading={save.isPending}
      width={760}
      destroyOnHidden
    >
      <Form
        name="committee"
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={(changed) => clearChangedErrors(form, changed)}
        preserve={false}
        initialValues={initialCommitteeValues(current)}
      >
        {mode === 'elect' && (
          <Form.Item name="electedDate" label="选举日期" required extra={current ? '本届支委会将于选举日期结束，转入往届记录' : undefined}>
            <DatePicker disabledDate={disableFuture} style={{ width: 220 }} />
          </Form.Item>
        )}
        <Form.Item name="termYears" label="任期（年）" required>
          <InputNumber min={1} max={5} precision={0} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item label="委员" required style={{ marginBottom: 0 }}>
          <CommitteeSeatsField
            roster={roster.data ?? []}
            rosterLoading={roster.isPending}
            current={current}
            fullMembers={data.fullMembers}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
