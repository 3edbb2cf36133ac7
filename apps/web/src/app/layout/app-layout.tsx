import { useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { Layout, Menu, Typography } from 'antd';
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

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header style={{ display: 'flex', alignItems: 'center', paddingInline: 24, position: 'sticky', top: 0, zIndex: 10 }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, letterSpacing: 2 }}>
          {PRODUCT_NAME}
        </Typography.Title>
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
              items={NAV_ITEMS.map((item) => ({ key: item.path, icon: item.icon, label: item.label }))}
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
