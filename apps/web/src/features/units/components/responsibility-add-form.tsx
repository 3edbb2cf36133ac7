import { App, Button, Form, Input, Space } from 'antd';
import { ResponsibilityItemInputSchema } from '@wj/domain/schemas';
import { useSaveError } from '@/components/use-save-error';
import { clearChangedErrors, validateWith } from '@/lib/form-errors';
import { useSaveItem } from '../api/responsibility-items';

/** Adds one item to the year's list. */
export function ResponsibilityAddForm({ unitId, year }: { unitId: number; year: number }) {
  const [form] = Form.useForm<{ title?: string }>();
  const save = useSaveItem(unitId);
  const onSaveError = useSaveError();
  const { message } = App.useApp();

  const submit = (values: { title?: string }) => {
    const checked = validateWith(form, ResponsibilityItemInputSchema, { year, title: values.title, done: false });
    if (!checked.data) {
      checked.other.forEach((m) => void message.error(m));
      return;
    }
    save.mutate({ id: null, body: checked.data }, {
      onSuccess: () => form.resetFields(),
      onError: (error) => onSaveError(error, { form }),
    });
  };

  return (
    <Form
      name="responsibility-add"
      form={form}
      onFinish={submit}
      onValuesChange={(changed) => clearChangedErrors(form, changed)}
      layout="inline"
    >
      <Space.Compact style={{ width: '100%', maxWidth: 560 }}>
        <Form.Item name="title" style={{ flex: 1, marginInlineEnd: 0 }}>
          <Input placeholder={`新增${year}年度责任事项`} aria-label="新增责任事项" maxLength={200} />
        </Form.Item>
        <Button htmlType="submit" loading={save.isPending}>添加</Button>
      </Space.Compact>
    </Form>
  );
}
