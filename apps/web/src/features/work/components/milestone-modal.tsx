import { useEffect, useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { MilestoneWriteSchema, type Milestone, type Project } from '@wj/domain/schemas';
import { useSaveError } from '@/components/use-save-error';
import { clearChangedErrors, validateWith } from '@/lib/form-errors';
import { useSaveMilestone } from '../api/save-project';

interface FormValues {
  title?: string;
  dueDate?: Dayjs | null;
  doneDate?: Dayjs | null;
}

interface MilestoneModalProps {
  project: Project;
  /** The milestone to complete or change; null to add one. */
  milestone: Milestone | null;
  onClose: () => void;
  onReload: () => void;
}

/** Adds a milestone, or records when one was done; the write carries the project's version. */
export function MilestoneModal({ project, milestone, onClose, onReload }: MilestoneModalProps) {
  const [form] = Form.useForm<FormValues>();
  const { message } = App.useApp();
  const saveError = useSaveError();
  const save = useSaveMilestone();
  const [other, setOther] = useState<string[]>([]);
  useEffect(() => form.resetFields(), [form, project.version]);

  const submit = () => {
    const v = form.getFieldsValue();
    const input = {
      title: v.title ?? '', dueDate: v.dueDate?.format('YYYY-MM-DD'), doneDate: v.doneDate?.format('YYYY-MM-DD') ?? null, version: project.version,
    };
    const { data, other: rest } = validateWith(form, MilestoneWriteSchema, input);
    setOther(rest);
    if (!data) return;
    save.mutate({ projectId: project.id, milestoneId: milestone?.id ?? null, input: data }, {
      onSuccess: () => {
        void message.success(milestone ? '项目节点已保存' : '项目节点已增加');
        onClose();
      },
      onError: (error) => saveError(error, { form, onReload }),
    });
  };

  const initial: FormValues = milestone
    ? { title: milestone.title, dueDate: dayjs(milestone.dueDate), doneDate: milestone.doneDate ? dayjs(milestone.doneDate) : dayjs() }
    : { doneDate: null };
  return (
    <Modal
      open
      title={milestone ? (milestone.doneDate ? '修改项目节点' : '登记节点完成') : '增加项目节点'}
      okText="保存"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<FormValues> form={form} layout="vertical" initialValues={initial} onValuesChange={(changed) => clearChangedErrors(form, changed)}>
        {other.length > 0 && <Alert type="error" showIcon title={other.join('；')} style={{ marginBottom: 16 }} />}
        <Form.Item name="title" label="节点名称" required>
          <Input maxLength={100} placeholder="如：完成中期推进评估" />
        </Form.Item>
        <Form.Item name="dueDate" label="计划完成日期" required extra={`应在 ${project.year} 年内`}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="doneDate" label="实际完成日期" extra="尚未完成的留空">
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
