import { useState } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { Button, Flex, Layout, Menu, Spin, Tag, Typography } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { ROLE_LABELS } from '@wj/domain';
import { QueryError } from '@/components/query-error';
import { useLogout } from '@/features/auth/api/login';
import { ApiError } from '@/lib/api-client';
import { useMe } from '@/lib/auth';
import { activeNavPath, NAV_ITEMS } from './nav-items';

const { Header, Sider, Content } = Layout;

export const PRODUCT_NAME = '卫健党建质量平台';
/** antd's default Layout.Header height. */
const HEADER_HEIGHT = 64;

export function AppLayout() {
  const location = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(false);
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

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header style={{ display: 'flex', alignItems: 'center', paddingInline: 24, position: 'sticky', top: 0, zIndex: 10 }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, letterSpacing: 2 }}>
          {PRODUCT_NAME}
        </Typography.Title>
        <Flex align="center" gap={12} style={{ marginLeft: 'auto', color: '#fff' }}>
          <span data-testid="current-user">{user.displayName}</span>
          <Tag color="gold" style={{ marginInlineEnd: 0 }}>{ROLE_LABELS[user.role]}</Tag>
          {user.scopeOrgName && <span style={{ opacity: 0.85 }}>{user.scopeOrgName}</span>}
          <Button
            size="small"
            icon={<LogoutOutlined />}
            loading={logout.isPending}
            onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })}
          >
            退出
          </Button>
        </Flex>
      </Header>
      <Layout>
        <Sider
          width={208}
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          breakpoint="lg"
          theme="light"
          // Sticky under the header, so the navigation stays in reach on long rosters.
          style={{ borderRight: '1px solid #f0f0f0', position: 'sticky', top: HEADER_HEIGHT, height: `calc(100vh - ${HEADER_HEIGHT}px)`, overflow: 'auto' }}
        >
          <nav aria-label="主导航">
            <Menu
              mode="inline"
              selectedKeys={selected ? [selected] : []}
              items={items.map((item) => ({ key: item.path, icon: item.icon, label: item.label }))}
              onClick={({ key }) => navigate(key)}
              style={{ borderInlineEnd: 'none', paddingTop: 8 }}
            />
          </nav>
        </Sider>
        <Content style={{ padding: 24, minWidth: 0 }}>
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
