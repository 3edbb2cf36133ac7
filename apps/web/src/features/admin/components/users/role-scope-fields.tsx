import { Form, Select } from 'antd';
import { ROLE_LABELS, ROLES, type Role } from '@wj/domain';
import { needsScope } from '../../lib/scope-tree';
import { ScopeOrgSelect } from './scope-org-select';

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

/** 角色 and, for secretaries only, the org they keep; admins and 委领导 see everything and take none. */
export function RoleScopeFields({ lockRole = false }: { lockRole?: boolean }) {
  const role = Form.useWatch<Role | undefined>('role');
  return (
    <>
      <Form.Item
        name="role"
        label="角色"
        required
        extra={lockRole ? '不能取消自己的管理员角色，请由其他管理员操作' : undefined}
      >
        <Select options={ROLE_OPTIONS} placeholder="选择角色" disabled={lockRole} />
      </Form.Item>
      {needsScope(role) && (
        <Form.Item
          name="scopeOrgId"
          label={role === 'unit_secretary' ? '所管理的单位' : '所管理的支部'}
          required
          extra="该账号只能查看和维护所选组织及其下级的数据"
        >
          <ScopeOrgSelect role={role} />
        </Form.Item>
      )}
    </>
  );
}
