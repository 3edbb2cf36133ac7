import { useSearchParams } from 'react-router';
import { Card, Result, Tabs } from 'antd';
import { useMe } from '@/lib/auth';
import { AuditTab } from '../components/audit/audit-tab';
import { RulesTab } from '../components/rules/rules-tab';
import { UsersTab } from '../components/users/users-tab';
import { YearsTab } from '../components/years/years-tab';

const TABS = [
  { key: 'users', label: '用户管理', children: <UsersTab /> },
  { key: 'audit', label: '审计日志', children: <AuditTab /> },
  { key: 'rules', label: '评分规则', children: <RulesTab /> },
  { key: 'years', label: '年度结账', children: <YearsTab /> },
];
type TabKey = 'users' | 'audit' | 'rules' | 'years';

function isTabKey(value: string | null): value is TabKey {
  return TABS.some((t) => t.key === value);
}

/** 系统管理 (admin only): users, the audit log, the scoring rules and 年度结账; the open tab lives in the URL (?tab=). */
export function AdminPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab');
  const active: TabKey = isTabKey(tab) ? tab : 'users';

  // The layout has already loaded the user; the API refuses non-admins (403) whatever the UI shows.
  if (me.data?.role !== 'admin') {
    return <Result status="403" title="无权访问" subTitle="系统管理仅对委机关党委管理员开放。如需使用，请联系管理员。" />;
  }

  return (
    <Card title="系统管理">
      <Tabs
        activeKey={active}
        // Only the open tab is mounted, so each tab loads its data when first opened.
        destroyOnHidden
        items={TABS}
        onChange={(key) => setParams({ tab: key })}
      />
    </Card>
  );
}
