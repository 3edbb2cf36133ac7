import { useMemo, useState } from 'react';
import { Alert, App, Form, Modal, Skeleton, TreeSelect } from 'antd';
import { MemberTransferSchema, type MemberDetail } from '@wj/domain/schemas';
import { QueryError } from '@/components/query-error';
import { useSaveError } from '@/components/use-save-error';
import { placeFieldErrors } from '@/lib/form-errors';
import { BRANCH_RULES } from '@/components/branch-picker';
import { useLevelTreeSelect, type PickerRules } from '@/lib/org-tree-levels';
import { useReloadMember } from '../api/get-member';
import { useTransferMember } from '../api/transfer-member';

/** 组织关系转接 to another 党支部 in the user's scope; the member keeps their whole record. */
export function TransferMemberModal({ member, onClose }: { member: MemberDetail; onClose: () => void }) {
  const [form] = Form.useForm<{ toOrgId?: number }>();
  const [version, setVersion] = useState(member.version);
  const [formErrors, setFormErrors] = useState<string[]>([]);
  // The tree by level (units open on click, typing searches on the server); the member's own branch is shown but cannot be picked.
  const rules = useMemo<PickerRules>(() => ({
    ...BRANCH_RULES,
    selectable: (n) => n.kind === 'branch' && n.id !== member.orgId,
    title: (n) => (n.id === member.orgId ? `${n.name}（现所在支部）` : n.name),
  }), [member.orgId]);
  const { levels, options, props } = useLevelTreeSelect({ rules });
  const transfer = useTransferMember(member.id);
  const { message } = App.useApp();
  const reload = useReloadMember(member.id, (fresh) => setVersion(fresh.version));
  const saveError = useSaveError();

  const submit = async () => {
    setFormErrors([]);
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const parsed = MemberTransferSchema.safeParse({ toOrgId: values.toOrgId, version });
    if (!parsed.success) return setFormErrors(placeFieldErrors(form, parsed.error.issues));
    try {
      const saved = await transfer.mutateAsync(parsed.data);
      message.success(`${saved.name}的组织关系已转入${saved.orgName}`);
      onClose();
    } catch (error) {
      saveError(error, { form, onReload: () => void reload(), onFormErrors: setFormErrors });
    }
  };

  return (
    <Modal open title={`组织关系转接：${member.name}`} okText="确认转接" cancelText="取消" onOk={() => void submit()}
      onCancel={onClose} confirmLoading={transfer.isPending} maskClosable={false} destroyOnHidden>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`现所在支部：${member.orgName}`}
        description="转接后该党员编入所选党支部，不再列在原支部名册中；其党员信息原样保留，转接记入操作日志。现任支委会成员须先调整支委会再转接。" />
      {formErrors.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={formErrors.join('；')} />}
      {levels.isPending && <Skeleton active paragraph={{ rows: 2 }} />}
      {levels.error && <QueryError error={levels.error} onRetry={levels.refetch} title="组织信息加载失败" />}
      {options && (
        <Form form={form} layout="vertical">
          <Form.Item name="toOrgId" label="转入党支部" required rules={[{ required: true, message: '请选择转入的党支部' }]}>
            <TreeSelect<number>
              aria-label="转入党支部"
              {...props}
              treeNodeLabelProp="label"
              treeDefaultExpandedKeys={options.length === 1 ? [options[0]!.value] : []}
              placeholder="选择本委内的党支部，可输入名称搜索"
              notFoundContent={props.loading ? '正在加载…' : '没有可转入的党支部'}
            />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
