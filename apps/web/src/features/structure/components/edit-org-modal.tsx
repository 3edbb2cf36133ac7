import { App, Form, Input, Modal, Select } from 'antd';
import { BRANCH_CATEGORIES, BRANCH_CATEGORY_LABELS, type BranchCategory } from '@wj/domain';
import { OrgUpdateSchema, type OrgDetail } from '@wj/domain/schemas';
import { useQueryClient } from '@tanstack/react-query';
import { useSaveError } from '@/components/use-save-error';
import { clearChangedErrors, validateWith } from '@/lib/form-errors';
import { useUpdateOrg } from '../api/update-org';
import { orgKeys } from '../api/keys';

interface EditOrgValues {
  name?: string;
  branchCategory?: BranchCategory;
  department?: string | null;
}

const categoryOptions = BRANCH_CATEGORIES.map((c) => ({ value: c, label: BRANCH_CATEGORY_LABELS[c] }));

/** 重命名/编辑: name, 支部类别 (branches only) and department, saved against the version shown. */
export function EditOrgModal({ org, open, onClose }: { org: OrgDetail; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<EditOrgValues>();
  const update = useUpdateOrg(org.id);
  const onSaveError = useSaveError();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const isBranch = org.kind === 'branch';

  const submit = (values: EditOrgValues) => {
    const checked = validateWith(form, OrgUpdateSchema, {
      name: values.name, department: values.department,
      ...(isBranch ? { branchCategory: values.branchCategory } : {}),
      version: org.version,
    });
    if (!checked.data) {
      checked.other.forEach((m) => void message.error(m));
      return;
    }
    update.mutate(checked.data, {
      onSuccess: () => {
        void message.success('组织信息已保存');
        onClose();
      },
      onError: (error) =>
        onSaveError(error, {
          form,
          // The page refetches the org; the form reopens with what is stored now.
          onReload: () => {
            void queryClient.invalidateQueries({ queryKey: orgKeys.all });
            onClose();
          },
        }),
    });
  };

  return (
    <Modal title={`编辑${org.name}`} open={open} onCancel={onClose} onOk={() => form.submit()} okText="保存" confirmLoading={update.isPending} destroyOnHidden>
      <Form
        name="org-edit"
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={(changed) => clearChangedErrors(form, changed)}
        preserve={false}
        initialValues={{ name: org.name, branchCategory: org.branchCategory ?? undefined, department: org.department }}
      >
        <Form.Item name="name" label="组织名称" required>
          <Input maxLength={50} />
        </Form.Item>
        {isBranch && (
          <Form.Item name="branchCategory" label="支部类别">
            <Select options={categoryOptions} />
          </Form.Item>
        )}
        <Form.Item name="department" label="所在科室（部门）">
          <Input placeholder="选填" maxLength={50} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
