import { useState } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { Button, Dropdown, Flex, Grid, Layout, Menu, Spin, Tag, Typography } from 'antd';
import { LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { ROLE_LABELS } from '@wj/domain';
import { QueryError } from '@/components/query-error';
import { useLogout } from '@/features/auth/api/login';
import { TodoBadge } from '@/features/todos/components/todo-badge';
import { ApiError } from '@/lib/api-client';
import { useMe } from '@/lib/auth';
import { activeNavPath, NAV_ITEMS } from './nav-items';

const { Header, Sider, Content } = Layout;

export const PRODUCT_NAME = '卫健党建质量平台';
/** antd's default Layout.Header height. */
const HEADER_HEIGHT = 64;
/** One line, cut with "…" when it does not fit (the full text in the tooltip). */
const clip = (maxWidth: number) => ({ maxWidth, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' as const, display: 'inline-block', verticalAlign: 'middle' });

export function AppLayout() {
  const location = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(false);
  // Below md (a phone): the header keeps the product name, the 待办 count and a user menu; the navigation folds away.
  const screens = Grid.useBreakpoint();
  const narrow = screens.md === false;
  const selected = activeNavPath(location.pathname);
  const me = useMe();
  const logout = useLogout();

  if (me.isPending) return <Spin fullscreen tip="正在加载…" />;
  if (me.isError) {
    if (me.error instanceof ApiError && me.error.status === 401) {
      return <Navigate to={`/login?from=${encodeURIComponent(location.pathname + location.search)}`} replace />;
    }
    return <div style={{ padding: 48 }}><QueryError error={me.error} onRetry={() => me.refetch()} /></div>;
  }
  const user = me.data;
  const items = NAV_ITEMS.filter((item) => !item.roles || item.roles.includes(user.role));
  const doLogout = () => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header style={{ display: 'flex', alignItems: 'center', gap: 8, paddingInline: narrow ? 12 : 24, position: 'sticky', top: 0, zIndex: 10 }}>
        {narrow && (
          <Button type="text" size="small" icon={<MenuOutlined />} aria-label="导航菜单" onClick={() => setCollapsed((c) => !c)} style={{ color: '#fff' }} />
        )}
        <Typography.Title level={narrow ? 5 : 4} style={{ color: '#fff', margin: 0, letterSpacing: narrow ? 0 : 2, whiteSpace: 'nowrap' }}>
          {PRODUCT_NAME}
        </Typography.Title>
        <Flex align="center" gap={narrow ? 4 : 12} style={{ marginLeft: 'auto', color: '#fff', minWidth: 0 }}>
          <TodoBadge compact={narrow} />
          {narrow ? (
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  { key: 'who', label: `${user.displayName}（${ROLE_LABELS[user.role]}）`, disabled: true },
                  ...(user.scopeOrgName ? [{ key: 'org', label: user.scopeOrgName, disabled: true }] : []),
                  { type: 'divider' as const },
                  { key: 'logout', icon: <LogoutOutlined />, label: '退出' },
                ],
                onClick: ({ key }) => { if (key === 'logout') doLogout(); },
              }}
            >
              <Button type="text" size="small" icon={<UserOutlined />} style={{ color: '#fff', minWidth: 0 }} aria-label="当前用户">
                <span data-testid="current-user" style={clip(96)}>{user.displayName}</span>
              </Button>
            </Dropdown>
          ) : (
            <>
              <span data-testid="current-user" style={clip(200)} title={user.displayName}>{user.displayName}</span>
              <Tag color="gold" style={{ marginInlineEnd: 0 }}>{ROLE_LABELS[user.role]}</Tag>
              {user.scopeOrgName && <span style={{ ...clip(220), opacity: 0.85 }} title={user.scopeOrgName}>{user.scopeOrgName}</span>}
              <Button size="small" icon={<LogoutOutlined />} loading={logout.isPending} onClick={doLogout}>
                退出
              </Button>
            </>
          )}
        </Flex>
      </Header>
      <Layout>
        <Sider
          width={208}
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          breakpoint="lg"
          collapsedWidth={narrow ? 0 : 80}
          // On a phone the header's menu button opens the navigation; no floating tab over the page.
          trigger={narrow ? null : undefined}
          theme="light"
          // Sticky under the header, so the navigation stays in reach on long rosters.
          // On a phone it opens over the page instead of squeezing it.
          style={{ borderRight: '1px solid #f0f0f0', position: narrow ? 'fixed' : 'sticky', top: HEADER_HEIGHT, height: `calc(100vh - ${HEADER_HEIGHT}px)`, overflow: narrow ? 'visible' : 'auto', zIndex: narrow ? 20 : undefined }}
        >
          <nav aria-label="主导航">
            <Menu
              mode="inline"
              selectedKeys={selected ? [selected] : []}
              items={items.map((item) => ({ key: item.path, icon: item.icon, label: item.label }))}
              onClick={({ key }) => { navigate(key); if (narrow) setCollapsed(true); }}
              style={{ borderInlineEnd: 'none', paddingTop: 8 }}
            />
          </nav>
        </Sider>
        <Content style={{ padding: narrow ? 12 : 24, minWidth: 0 }}>
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
