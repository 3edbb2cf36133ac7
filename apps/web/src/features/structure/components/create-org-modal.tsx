import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { BRANCH_CATEGORIES, BRANCH_CATEGORY_LABELS, ORG_KIND_LABELS, type BranchCategory } from '@wj/domain';
import { OrgCreateSchema, type OrgDetail } from '@wj/domain/schemas';
import { useSaveError } from '@/components/use-save-error';
import { clearChangedErrors, validateWith } from '@/lib/form-errors';
import { useCreateOrg } from '../api/create-org';
import { disableFuture, toIsoDate } from '../lib/dates';

interface CreateOrgValues {
  name?: string;
  branchCategory?: BranchCategory;
  department?: string;
  foundedDate?: Dayjs;
}

const categoryOptions = BRANCH_CATEGORIES.map((c) => ({ value: c, label: BRANCH_CATEGORY_LABELS[c] }));

interface CreateOrgModalProps {
  parent: OrgDetail;
  kind: 'branch' | 'party_group';
  open: boolean;
  onClose: () => void;
}

/** 新建党支部 under a unit's 党委/党总支, or 新建党小组 under a 党支部; opens the new org's page when done. */
export function CreateOrgModal({ parent, kind, open, onClose }: CreateOrgModalProps) {
  const [form] = Form.useForm<CreateOrgValues>();
  const create = useCreateOrg(parent.id);
  const onSaveError = useSaveError();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const label = ORG_KIND_LABELS[kind];

  const submit = (values: CreateOrgValues) => {
    const checked = validateWith(form, OrgCreateSchema, {
      kind, name: values.name, department: values.department,
      branchCategory: kind === 'branch' ? values.branchCategory : undefined,
      foundedDate: toIsoDate(values.foundedDate),
    });
    if (!checked.data) {
      checked.other.forEach((m) => void message.error(m));
      return;
    }
    create.mutate(checked.data, {
      onSuccess: (org) => {
        void message.success(`已在${parent.name}下设立${org.name}`);
        onClose();
        navigate(`/orgs/${org.id}`);
      },
      onError: (error) => onSaveError(error, { form }),
    });
  };

  return (
    <Modal
      title={`新建${label}`}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存"
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form
        name="org-create"
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={(changed) => clearChangedErrors(form, changed)}
        preserve={false}
        initialValues={{ branchCategory: 'in_service' }}
      >
        <Form.Item label="上级组织">{parent.name}</Form.Item>
        <Form.Item name="name" label={`${label}名称`} required>
          <Input placeholder={kind === 'branch' ? '如：康复医学科党支部' : '如：第一党小组'} maxLength={50} />
        </Form.Item>
        {kind === 'branch' && (
          <Form.Item name="branchCategory" label="支部类别" required>
            <Select options={categoryOptions} />
          </Form.Item>
        )}
        <Form.Item name="department" label="所在科室（部门）">
          <Input placeholder="选填" maxLength={50} />
        </Form.Item>
        <Form.Item name="foundedDate" label="成立日期" required>
          <DatePicker disabledDate={disableFuture} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
