import { useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Radio, type FormRule } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { MEMBER_STATUS_LABELS } from '@wj/domain';
import { LEAVE_STATUSES, MemberLeaveSchema, type MemberDetail } from '@wj/domain/schemas';
import { useSaveError } from '@/components/use-save-error';
import { placeFieldErrors } from '@/lib/form-errors';
import { formatDate } from '@/lib/format';
import { useReloadMember } from '../api/get-member';
import { useLeaveMember } from '../api/leave-member';
import { LEFT_PHRASES } from '../lib/left-status';
import { toIso } from '../lib/member-form-values';

interface LeaveValues { status?: (typeof LEAVE_STATUSES)[number]; leftDate?: Dayjs | null; leftReason?: string }

/** Each field checked by the shared schema as it changes, so a fixed field loses its message. */
const rule = (name: 'status' | 'leftDate' | 'leftReason'): FormRule => ({
  validator: async (_, value: unknown) => {
    const result = MemberLeaveSchema.shape[name].safeParse(name === 'leftDate' ? toIso(value as Dayjs | null) : value);
    if (!result.success) throw new Error(result.error.issues[0]?.message);
  },
});

const STATUS_HINTS = { transferred_out: '组织关系转往本委以外', deceased: '党员去世', expelled: '除名、开除党籍或自行脱党' } as const;

/** 减少党员: 转出（本委以外）/ 死亡 / 出党. The record is kept as history with its status, date and reason. */
export function LeaveMemberModal({ member, onClose }: { member: MemberDetail; onClose: () => void }) {
  const [form] = Form.useForm<LeaveValues>();
  const [version, setVersion] = useState(member.version);
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const leave = useLeaveMember(member.id);
  const { message } = App.useApp();
  const reload = useReloadMember(member.id, (fresh) => setVersion(fresh.version));
  const saveError = useSaveError();

  const submit = async () => {
    setFormErrors([]);
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const parsed = MemberLeaveSchema.safeParse({ status: v.status, leftDate: toIso(v.leftDate), leftReason: v.leftReason, version });
    if (!parsed.success) return setFormErrors(placeFieldErrors(form, parsed.error.issues));
    try {
      const saved = await leave.mutateAsync(parsed.data);
      message.success(`${saved.name}${saved.status === 'active' ? '' : LEFT_PHRASES[saved.status]}，记录已保留`);
      onClose();
    } catch (error) {
      saveError(error, { form, onReload: () => void reload(), onFormErrors: setFormErrors });
    }
  };

  return (
    <Modal open title={`减少党员：${member.name}`} okText="确认办理" okButtonProps={{ danger: true }} cancelText="取消"
      onOk={() => void submit()} onCancel={onClose} confirmLoading={leave.isPending} maskClosable={false} destroyOnHidden>
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="记录不会删除"
        description="办理后该党员不再计入党员人数和支部得分；其信息作为历史记录保留，可在名册中选择“转出/死亡/出党”状态查阅。本委内调动请使用“组织关系转接”。" />
      {formErrors.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={formErrors.join('；')} />}
      <Form form={form} layout="vertical">
        <Form.Item name="status" label="减少方式" required rules={[rule('status')]}>
          <Radio.Group options={LEAVE_STATUSES.map((s) => ({ value: s, label: MEMBER_STATUS_LABELS[s], title: STATUS_HINTS[s] }))} />
        </Form.Item>
        <Form.Item name="leftDate" label="离开日期" required rules={[rule('leftDate')]} extra={`不早于入党日期 ${formatDate(member.joinDate)}`}>
          <DatePicker style={{ width: 200 }}
            disabledDate={(d) => d.isAfter(dayjs(), 'day') || d.isBefore(dayjs(member.joinDate), 'day')} />
        </Form.Item>
        <Form.Item name="leftReason" label="离开原因" rules={[rule('leftReason')]}>
          <Input.TextArea rows={3} maxLength={200} showCount placeholder="如：调往外省工作，组织关系转至××党支部" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
