import { Alert, Button, Checkbox, Flex, Form, InputNumber, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { COMMITTEE_ROLE_LABELS, COMMITTEE_ROLES, MEMBER_CATEGORY_LABELS, TITLE_LEVEL_LABELS } from '@wj/domain';
import { committeeSizeProblem, CONCURRENT_ROLES, type CommitteeRecord, type MemberListItem } from '@wj/domain/schemas';
import { yearsSince } from '@/lib/format';
import { chosenAlsoRoles, chosenRoles, type CommitteeFormValues } from '../lib/committee-form';

const roleOptions = COMMITTEE_ROLES.map((r) => ({ value: r, label: COMMITTEE_ROLE_LABELS[r] }));
const alsoOptions = CONCURRENT_ROLES.map((r) => ({ value: r, label: COMMITTEE_ROLE_LABELS[r] }));
const MAX_SEATS = 7;

/**
 * People who may be elected: 正式党员 of the branch (预备党员 have no right to be
 * elected, 《中国共产党章程》第七条 — listed but disabled); a sitting member no
 * longer on the roll keeps their name so the row stays readable.
 */
function memberOptions(roster: MemberListItem[], current: CommitteeRecord | null) {
  const options = roster.map((m) => ({
    value: m.id,
    label: `${m.name}（${TITLE_LEVEL_LABELS[m.titleLevel]}，${yearsSince(m.birthDate)}岁）`,
    disabled: m.category !== 'full',
    title: m.category !== 'full' ? `${MEMBER_CATEGORY_LABELS[m.category]}没有被选举权` : undefined,
  }));
  const onRoll = new Set(roster.map((m) => m.id));
  for (const s of current?.members ?? []) {
    if (!onRoll.has(s.memberId)) options.push({ value: s.memberId, label: `${s.name}（已不在本支部）`, disabled: true, title: undefined });
  }
  return options;
}

interface CommitteeSeatsFieldProps {
  roster: MemberListItem[];
  rosterLoading: boolean;
  current: CommitteeRecord | null;
  fullMembers: number;
}

/** The seats of a committee: member, role, roles held concurrently (兼任), 专职 (书记 only) and other posts held; the size rule checked as you type. */
export function CommitteeSeatsField({ roster, rosterLoading, current, fullMembers }: CommitteeSeatsFieldProps) {
  const form = Form.useFormInstance<CommitteeFormValues>();
  const rows = Form.useWatch('members', form);
  const problem = committeeSizeProblem(fullMembers, chosenRoles(rows), chosenAlsoRoles(rows));
  const options = memberOptions(roster, current);

  return (
    <Form.List name="members">
      {(fields, { add, remove }, { errors }) => (
        <Flex vertical gap={4}>
          <Typography.Text type="secondary">
            本支部现有正式党员 {fullMembers} 名，
            {fullMembers >= 7 ? '应设支部委员会（委员 3 至 7 人）' : '不足 7 名，只设书记 1 名，必要时设副书记 1 名'}
          </Typography.Text>
          {fields.map((field, index) => (
            <Flex key={field.key} gap={8} align="baseline" wrap aria-label={`第 ${index + 1} 位委员`} role="group">
              <Form.Item name={[field.name, 'memberId']} style={{ flex: '1 1 220px', marginBottom: 8 }}>
                <Select
                  aria-label="委员"
                  placeholder="选择本支部正式党员"
                  options={options}
                  loading={rosterLoading}
                  showSearch={{ optionFilterProp: 'label' }}
                  notFoundContent={rosterLoading ? '正在加载党员名单…' : '没有匹配的党员'}
                />
              </Form.Item>
              <Form.Item name={[field.name, 'role']} style={{ width: 130, marginBottom: 8 }}>
                <Select aria-label="职务" placeholder="职务" options={roleOptions} />
              </Form.Item>
              <Form.Item name={[field.name, 'alsoRoles']} style={{ width: 170, marginBottom: 8 }}>
                <Select
                  aria-label="兼任"
                  mode="multiple"
                  placeholder="兼任（可选）"
                  options={alsoOptions.filter((o) => o.value !== rows?.[field.name]?.role)}
                  maxTagCount="responsive"
                />
              </Form.Item>
              <Form.Item name={[field.name, 'fullTime']} valuePropName="checked" style={{ marginBottom: 8 }}>
                <Checkbox disabled={rows?.[field.name]?.role !== 'secretary'}>专职</Checkbox>
              </Form.Item>
              <Form.Item name={[field.name, 'otherPosts']} style={{ width: 150, marginBottom: 8 }}>
                <InputNumber aria-label="另兼职务数" min={0} max={20} precision={0} prefix="另兼" suffix="职" style={{ width: '100%' }} />
              </Form.Item>
              <Button type="text" danger icon={<DeleteOutlined />} aria-label="移除该委员" onClick={() => remove(field.name)} />
            </Flex>
          ))}
          <Form.ErrorList errors={errors} />
          {problem && <Alert type="warning" showIcon title={problem} />}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            disabled={fields.length >= MAX_SEATS}
            onClick={() => add({ role: fields.length === 0 ? 'secretary' : undefined, alsoRoles: [], fullTime: false, otherPosts: 0 })}
          >
            添加委员
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
