import { Link } from 'react-router';
import { Breadcrumb } from 'antd';
import type { OrgDetail } from '@wj/domain/schemas';

/** 组织架构 / root / … / this org; every ancestor links to its page. */
export function OrgBreadcrumb({ org }: { org: OrgDetail }) {
  // The API's path runs from the root; whether it ends with the org itself or its parent, show the org once, last.
  const ancestors = org.path.filter((step) => step.id !== org.id);
  return (
    <Breadcrumb
      items={[
        { key: 'orgs', title: <Link to="/orgs">组织架构</Link> },
        ...ancestors.map((step) => ({ key: step.id, title: <Link to={`/orgs/${step.id}`}>{step.name}</Link> })),
        { key: org.id, title: org.name },
      ]}
    />
  );
}
