import { AutoComplete, Button, DatePicker, Form, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useUsers } from '../../api/get-users';
import { ACTION_OPTIONS, ENTITY_OPTIONS } from '../../lib/audit-labels';

export interface AuditFilterValues {
  username?: string;
  entityType?: string;
  action?: string;
  from?: string;
  to?: string;
}

interface FormValues {
  username?: string;
  entityType?: string;
  action?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** Filters of the audit log: who, what kind of record, which operation, between which days. */
export function AuditFilters({ onChange }: { onChange: (filters: AuditFilterValues) => void }) {
  const [form] = Form.useForm<FormValues>();
  const users = useUsers();
  const userOptions = (users.data ?? []).map((u) => ({ value: u.username, label: `${u.username}（${u.displayName}）` }));

  const apply = (v: FormValues) => {
    const [from, to] = v.range ?? [];
    onChange({
      username: v.username?.trim() || undefined,
      entityType: v.entityType,
      action: v.action,
      from: from?.format('YYYY-MM-DD'),
      to: to?.format('YYYY-MM-DD'),
    });
  };

  return (
    <Form<FormValues> form={form} layout="inline" onFinish={apply} style={{ rowGap: 12 }}>
      <Form.Item name="username" label="用户">
        <AutoComplete
          options={userOptions}
          placeholder="用户名"
          allowClear
          style={{ width: 160 }}
          showSearch={{ filterOption: (input, option) => String(option?.value ?? '').includes(input.trim().toLowerCase()) }}
        />
      </Form.Item>
      <Form.Item name="entityType" label="对象">
        <Select options={ENTITY_OPTIONS} placeholder="全部对象" allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: 150 }} />
      </Form.Item>
      <Form.Item name="action" label="操作">
        <Select options={ACTION_OPTIONS} placeholder="全部操作" allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: 150 }} />
      </Form.Item>
      <Form.Item name="range" label="日期">
        <DatePicker.RangePicker allowEmpty={[true, true]} />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">查询</Button>
          <Button
            onClick={() => {
              form.resetFields();
              onChange({});
            }}
          >
            重置
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
