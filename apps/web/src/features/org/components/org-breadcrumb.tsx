import { Link } from 'react-router';
import { Breadcrumb } from 'antd';
import type { OrgDetail } from '@wj/domain/schemas';
import { useMe } from '@/lib/auth';
import { idsAboveScope } from '@/lib/org-scope';

/** 组织架构 / root / … / this org; every ancestor the user may open links to its page. */
export function OrgBreadcrumb({ org }: { org: OrgDetail }) {
  const me = useMe();
  // The API's path runs from the root; whether it ends with the org itself or its parent, show the org once, last.
  const ancestors = org.path.filter((step) => step.id !== org.id);
  const contextOnly = idsAboveScope(org.path, me.data?.scopeOrgId ?? null);
  return (
    <Breadcrumb
      items={[
        { key: 'orgs', title: <Link to="/orgs">组织架构</Link> },
        ...ancestors.map((step) => ({
          key: step.id,
          title: contextOnly.has(step.id) ? step.name : <Link to={`/orgs/${step.id}`}>{step.name}</Link>,
        })),
        { key: org.id, title: org.name },
      ]}
    />
  );
}
