import { useState } from 'react';
import { Alert, App, Checkbox, DatePicker, Flex, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  GENDER_LABELS, GENDERS, JOB_CATEGORIES, JOB_CATEGORY_LABELS, TITLE_LEVEL_LABELS, TITLE_LEVELS,
  type Gender, type JobCategory, type TitleLevel,
} from '@wj/domain';
import { RecruitInputSchema } from '@wj/domain/schemas';
import { useSaveError } from '@/components/use-save-error';
import { clearChangedErrors, validateWith } from '@/lib/form-errors';
import { useCreateRecruit } from '../api/save-recruit';

interface FormValues {
  name?: string;
  gender?: Gender;
  birthDate?: Dayjs | null;
  jobCategory?: JobCategory | null;
  titleLevel?: TitleLevel;
  isTalent?: boolean;
  applicationDate?: Dayjs | null;
}

const notFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');

/** 登记入党申请人: the start of the pipeline (年满十八岁 at application, 细则第四条). */
export function RecruitCreateModal({ orgId, onClose }: { orgId: number; onClose: () => void }) {
  const [form] = Form.useForm<FormValues>();
  const { message } = App.useApp();
  const saveError = useSaveError();
  const create = useCreateRecruit(orgId);
  const [other, setOther] = useState<string[]>([]);

  const submit = () => {
    const v = form.getFieldsValue();
    const { data, other: rest } = validateWith(form, RecruitInputSchema, {
      name: v.name ?? '', gender: v.gender, birthDate: v.birthDate?.format('YYYY-MM-DD'), jobCategory: v.jobCategory ?? null,
      titleLevel: v.titleLevel, isTalent: v.isTalent ?? false, applicationDate: v.applicationDate?.format('YYYY-MM-DD'),
    });
    setOther(rest);
    if (!data) return;
    create.mutate(data, {
      onSuccess: () => {
        void message.success(`已登记入党申请人 ${data.name}`);
        onClose();
      },
      onError: (error) => saveError(error, { form }),
    });
  };

  return (
    <Modal open title="登记入党申请人" okText="登记" onOk={submit} onCancel={onClose} confirmLoading={create.isPending} destroyOnHidden width={560}>
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={{ titleLevel: 'none', isTalent: false, applicationDate: dayjs() }}
        onValuesChange={(changed) => clearChangedErrors(form, changed)}
      >
        {other.length > 0 && <Alert type="error" showIcon title={other.join('；')} style={{ marginBottom: 16 }} />}
        <Flex gap={16}>
          <Form.Item name="name" label="姓名" required style={{ flex: 1 }}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="gender" label="性别" required>
            <Radio.Group options={GENDERS.map((g) => ({ value: g, label: GENDER_LABELS[g] }))} />
          </Form.Item>
        </Flex>
        <Flex gap={16}>
          <Form.Item name="birthDate" label="出生日期" required style={{ flex: 1 }}>
            <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
          </Form.Item>
          <Form.Item name="applicationDate" label="入党申请日期" required style={{ flex: 1 }}>
            <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
          </Form.Item>
        </Flex>
        <Flex gap={16}>
          <Form.Item name="jobCategory" label="岗位类别" style={{ flex: 1 }}>
            <Select allowClear placeholder="请选择" options={JOB_CATEGORIES.map((c) => ({ value: c, label: JOB_CATEGORY_LABELS[c] }))} />
          </Form.Item>
          <Form.Item name="titleLevel" label="职称级别" required style={{ flex: 1 }}>
            <Select options={TITLE_LEVELS.map((t) => ({ value: t, label: TITLE_LEVEL_LABELS[t] }))} />
          </Form.Item>
        </Flex>
        <Form.Item name="isTalent" valuePropName="checked" extra="把业务骨干培养成党员（双培养），高层次人才单独统计">
          <Checkbox>高层次人才</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
