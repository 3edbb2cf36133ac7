import { useEffect, useState } from 'react';
import { Alert, App, Flex, Form, Input, InputNumber, Modal, Select } from 'antd';
import { VanguardPostInputSchema, VanguardPostUpdateSchema, type VanguardPost } from '@wj/domain/schemas';
import { useSaveError } from '@/components/use-save-error';
import { clearChangedErrors, validateWith } from '@/lib/form-errors';
import { useBranchMembers } from '../api/get-branch-members';
import { useSaveVanguardPost } from '../api/save-vanguard-post';

interface FormValues {
  year?: number | null;
  name?: string;
  leaderMemberId?: number | null;
  memberCount?: number | null;
  description?: string;
}

interface VanguardFormModalProps {
  orgId: number;
  year: number;
  record: VanguardPost | null;
  onClose: () => void;
  onReload: () => void;
}

/** 设立/修改党员先锋岗, led by a member of the branch. */
export function VanguardFormModal({ orgId, year, record, onClose, onReload }: VanguardFormModalProps) {
  const [form] = Form.useForm<FormValues>();
  const { message } = App.useApp();
  const saveError = useSaveError();
  const save = useSaveVanguardPost(orgId);
  const members = useBranchMembers(orgId);
  const [other, setOther] = useState<string[]>([]);
  useEffect(() => form.resetFields(), [form, record?.id, record?.version]);

  const submit = () => {
    const v = form.getFieldsValue();
    const base = {
      year: v.year ?? undefined, name: v.name ?? '', leaderMemberId: v.leaderMemberId ?? undefined,
      memberCount: v.memberCount ?? undefined, description: v.description || null,
    };
    const { data, other: rest } = record
      ? validateWith(form, VanguardPostUpdateSchema, { ...base, version: record.version })
      : validateWith(form, VanguardPostInputSchema, base);
    setOther(rest);
    if (!data) return;
    save.mutate({ id: record?.id ?? null, input: data }, {
      onSuccess: () => {
        void message.success(record ? '先锋岗已保存' : '先锋岗已设立');
        onClose();
      },
      onError: (error) => saveError(error, { form, onReload }),
    });
  };

  const options = (members.data?.items ?? []).map((m) => ({ value: m.id, label: m.department ? `${m.name}（${m.department}）` : m.name }));
  // A leader who has since left the branch still shows by name on an old post.
  if (record?.leaderMemberId && !options.some((o) => o.value === record.leaderMemberId)) {
    options.unshift({ value: record.leaderMemberId, label: record.leaderName ?? `党员 ${record.leaderMemberId}` });
  }
  return (
    <Modal open title={record ? '修改党员先锋岗' : '设立党员先锋岗'} okText="保存" onOk={submit} onCancel={onClose} confirmLoading={save.isPending} destroyOnHidden>
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={record ? { ...record, description: record.description ?? '' } : { year, memberCount: 1 }}
        onValuesChange={(changed) => clearChangedErrors(form, changed)}
      >
        {other.length > 0 && <Alert type="error" showIcon title={other.join('；')} style={{ marginBottom: 16 }} />}
        <Flex gap={16}>
          <Form.Item name="year" label="年度" required>
            <InputNumber min={2000} precision={0} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="name" label="先锋岗名称" required style={{ flex: 1 }}>
            <Input maxLength={50} placeholder="如：急诊科党员先锋岗" />
          </Form.Item>
        </Flex>
        <Flex gap={16}>
          <Form.Item name="leaderMemberId" label="负责人" required style={{ flex: 1 }}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={options}
              loading={members.isPending}
              placeholder="从本支部党员中选择"
              notFoundContent={members.isError ? '党员名单加载失败' : '没有匹配的党员'}
            />
          </Form.Item>
          <Form.Item name="memberCount" label="岗位党员人数" required>
            <InputNumber min={1} precision={0} style={{ width: 140 }} />
          </Form.Item>
        </Flex>
        <Form.Item name="description" label="岗位简介">
          <Input.TextArea rows={3} maxLength={2000} placeholder="岗位职责与党员承诺" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
