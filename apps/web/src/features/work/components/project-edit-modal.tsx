import { useEffect, useState } from 'react';
import { Alert, App, Flex, Form, Input, InputNumber, Modal, Select, Slider } from 'antd';
import { PROJECT_STATUS_LABELS, PROJECT_STATUSES, type ProjectStatus } from '@wj/domain';
import { ProjectUpdateSchema, type Project } from '@wj/domain/schemas';
import { useSaveError } from '@/components/use-save-error';
import { clearChangedErrors, validateWith } from '@/lib/form-errors';
import { useUpdateProject } from '../api/save-project';

interface FormValues {
  year?: number | null;
  title?: string;
  goal?: string;
  businessGoal?: string;
  status?: ProjectStatus;
  progress?: number | null;
  review?: string;
}

interface ProjectEditModalProps {
  project: Project;
  onClose: () => void;
  onReload: () => void;
}

/** Updates a 书记项目: its status and progress along the year, and the closing review (结项评价). */
export function ProjectEditModal({ project, onClose, onReload }: ProjectEditModalProps) {
  const [form] = Form.useForm<FormValues>();
  const { message } = App.useApp();
  const saveError = useSaveError();
  const update = useUpdateProject();
  const [other, setOther] = useState<string[]>([]);
  const status = Form.useWatch('status', form);
  useEffect(() => form.resetFields(), [form, project.version]);

  const submit = () => {
    const v = form.getFieldsValue();
    const input = {
      year: v.year ?? undefined, title: v.title ?? '', goal: v.goal ?? '', businessGoal: v.businessGoal ?? '',
      status: v.status, progress: v.progress ?? undefined, review: v.review || null, version: project.version,
    };
    const { data, other: rest } = validateWith(form, ProjectUpdateSchema, input);
    setOther(rest);
    if (!data) return;
    update.mutate({ id: project.id, input: data }, {
      onSuccess: () => {
        void message.success('书记项目已保存');
        onClose();
      },
      onError: (error) => saveError(error, { form, onReload }),
    });
  };

  return (
    <Modal open title="更新书记项目" okText="保存" onOk={submit} onCancel={onClose} confirmLoading={update.isPending} destroyOnHidden width={640}>
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={{ ...project, review: project.review ?? '' }}
        onValuesChange={(changed) => clearChangedErrors(form, changed)}
      >
        {other.length > 0 && <Alert type="error" showIcon title={other.join('；')} style={{ marginBottom: 16 }} />}
        <Flex gap={16}>
          <Form.Item name="year" label="项目年度" required>
            <InputNumber min={2000} precision={0} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="title" label="项目名称" required style={{ flex: 1 }}>
            <Input maxLength={100} />
          </Form.Item>
        </Flex>
        <Form.Item name="goal" label="项目目标" required>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="businessGoal" label="服务的业务目标" required>
          <Input maxLength={500} />
        </Form.Item>
        <Flex gap={16}>
          <Form.Item name="status" label="项目状态" required style={{ width: 160 }}>
            <Select options={PROJECT_STATUSES.map((s) => ({ value: s, label: PROJECT_STATUS_LABELS[s] }))} />
          </Form.Item>
          <Form.Item name="progress" label="项目进度（%）" required style={{ flex: 1 }}>
            <Slider min={0} max={100} marks={{ 0: '0', 50: '50', 100: '100' }} />
          </Form.Item>
        </Flex>
        <Form.Item name="review" label="结项评价" required={status === 'completed'} extra="项目完成时须填写：目标达成情况、对业务工作的促进">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
