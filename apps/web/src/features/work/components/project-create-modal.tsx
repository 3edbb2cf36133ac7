import { useState } from 'react';
import { Alert, App, Button, DatePicker, Flex, Form, Input, InputNumber, Modal } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { ProjectInputSchema } from '@wj/domain/schemas';
import { useSaveError } from '@/components/use-save-error';
import { clearChangedErrors, validateWith } from '@/lib/form-errors';
import { useCreateProject } from '../api/save-project';

interface FormValues {
  year?: number | null;
  title?: string;
  goal?: string;
  businessGoal?: string;
  milestones?: { title?: string; dueDate?: Dayjs | null }[];
}

/** 立项书记项目: goal, the business goal it serves and at least one milestone within the year. */
export function ProjectCreateModal({ orgId, year, onClose }: { orgId: number; year: number; onClose: () => void }) {
  const [form] = Form.useForm<FormValues>();
  const { message } = App.useApp();
  const saveError = useSaveError();
  const create = useCreateProject(orgId);
  const [other, setOther] = useState<string[]>([]);

  const submit = () => {
    const v = form.getFieldsValue(true) as FormValues;
    const input = {
      year: v.year ?? undefined, title: v.title ?? '', goal: v.goal ?? '', businessGoal: v.businessGoal ?? '',
      milestones: (v.milestones ?? []).map((m) => ({ title: m?.title ?? '', dueDate: m?.dueDate?.format('YYYY-MM-DD'), doneDate: null })),
    };
    const { data, other: rest } = validateWith(form, ProjectInputSchema, input);
    setOther(rest);
    if (!data) return;
    create.mutate(data, {
      onSuccess: () => {
        void message.success('书记项目已立项');
        onClose();
      },
      onError: (error) => saveError(error, { form }),
    });
  };

  return (
    <Modal open title="新建书记项目" okText="立项" onOk={submit} onCancel={onClose} confirmLoading={create.isPending} destroyOnHidden width={640}>
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={{ year, milestones: [{ title: '制定项目实施方案' }, { title: '总结验收' }] }}
        onValuesChange={(changed) => clearChangedErrors(form, changed)}
      >
        {other.length > 0 && <Alert type="error" showIcon title={other.join('；')} style={{ marginBottom: 16 }} />}
        <Flex gap={16}>
          <Form.Item name="year" label="项目年度" required>
            <InputNumber min={2000} precision={0} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="title" label="项目名称" required style={{ flex: 1 }}>
            <Input maxLength={100} placeholder="如：急诊科党建引领基层帮扶" />
          </Form.Item>
        </Flex>
        <Form.Item name="goal" label="项目目标" required>
          <Input.TextArea rows={2} maxLength={2000} placeholder="可衡量的目标，如：对口帮扶乡镇卫生院 2 家" />
        </Form.Item>
        <Form.Item name="businessGoal" label="服务的业务目标" required>
          <Input maxLength={500} placeholder="党建与业务融合的落脚点，如：提升基层医疗服务能力" />
        </Form.Item>
        <Form.Item label="项目节点" required style={{ marginBottom: 0 }}>
          <Form.List name="milestones">
            {(fields, { add, remove }, { errors }) => (
              <>
                {fields.map((field, i) => (
                  <Flex key={field.key} gap={8} align="start">
                    <Form.Item name={[field.name, 'title']} style={{ flex: 1 }}>
                      <Input maxLength={100} placeholder={`节点 ${i + 1} 名称`} aria-label={`节点 ${i + 1} 名称`} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'dueDate']}>
                      <DatePicker placeholder="计划完成日期" aria-label={`节点 ${i + 1} 计划完成日期`} />
                    </Form.Item>
                    <Button type="text" icon={<MinusCircleOutlined />} aria-label={`删除节点 ${i + 1}`} onClick={() => remove(field.name)} disabled={fields.length === 1} />
                  </Flex>
                ))}
                <Form.ErrorList errors={errors} />
                <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({})} style={{ marginBottom: 16 }}>增加节点</Button>
              </>
            )}
          </Form.List>
        </Form.Item>
      </Form>
    </Modal>
  );
}
