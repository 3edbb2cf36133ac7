import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, InputNumber, Modal, Radio } from 'antd';
import { BrandInputSchema, BrandUpdateSchema, todayIso, type Brand } from '@wj/domain/schemas';
import { useSaveError } from '@/components/use-save-error';
import { clearChangedErrors, validateWith } from '@/lib/form-errors';
import { useCreateBrand, useUpdateBrand } from '../api/save-brand';

interface FormValues {
  name?: string;
  createdYear?: number | null;
  description?: string;
  active?: boolean;
}

interface BrandFormModalProps {
  orgId: number;
  record: Brand | null;
  onClose: () => void;
  onReload: () => void;
}

/** 创建/修改支部品牌; a brand is retired (停用), never deleted. */
export function BrandFormModal({ orgId, record, onClose, onReload }: BrandFormModalProps) {
  const [form] = Form.useForm<FormValues>();
  const { message } = App.useApp();
  const saveError = useSaveError();
  const create = useCreateBrand(orgId);
  const update = useUpdateBrand();
  const [other, setOther] = useState<string[]>([]);
  useEffect(() => form.resetFields(), [form, record?.id, record?.version]);

  const submit = () => {
    const v = form.getFieldsValue();
    const base = { name: v.name ?? '', createdYear: v.createdYear ?? undefined, description: v.description || null };
    const handlers = {
      onSuccess: () => {
        void message.success(record ? '支部品牌已保存' : '支部品牌已创建');
        onClose();
      },
      onError: (error: unknown) => saveError(error, { form, onReload }),
    };
    if (record) {
      const { data, other: rest } = validateWith(form, BrandUpdateSchema, { ...base, active: v.active, version: record.version });
      setOther(rest);
      if (data) update.mutate({ id: record.id, input: data }, handlers);
    } else {
      const { data, other: rest } = validateWith(form, BrandInputSchema, base);
      setOther(rest);
      if (data) create.mutate(data, handlers);
    }
  };

  return (
    <Modal
      open
      title={record ? '修改支部品牌' : '创建支部品牌'}
      okText={record ? '保存' : '创建'}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={record ? { ...record, description: record.description ?? '' } : { createdYear: Number(todayIso().slice(0, 4)) }}
        onValuesChange={(changed) => clearChangedErrors(form, changed)}
      >
        {other.length > 0 && <Alert type="error" showIcon title={other.join('；')} style={{ marginBottom: 16 }} />}
        <Form.Item name="name" label="品牌名称" required>
          <Input maxLength={50} placeholder="如：120救(就)在身边" />
        </Form.Item>
        <Form.Item name="createdYear" label="创建年份" required>
          <InputNumber min={2000} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="description" label="品牌简介">
          <Input.TextArea rows={4} maxLength={2000} placeholder="品牌内涵、载体和与业务工作的结合点" />
        </Form.Item>
        {record && (
          <Form.Item name="active" label="品牌状态" required>
            <Radio.Group options={[{ value: true, label: '在用' }, { value: false, label: '已停用' }]} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
