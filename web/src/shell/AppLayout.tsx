import { Layout } from 'antd';
import { useState } from 'react';
import { Outlet } from 'react-router';
import { AppHeader } from './AppHeader.tsx';
import { BrandMark } from './BrandMark.tsx';
import { SideMenu } from './SideMenu.tsx';

const COLLAPSED_KEY = 'bihuan.menuCollapsed';

export function AppLayout() {
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(COLLAPSED_KEY) === 'true');
  function toggle(next: boolean, cause: 'clickTrigger' | 'responsive') {
    // A narrow window folds the menu for now; only the user's own click is remembered.
    if (cause === 'clickTrigger') localStorage.setItem(COLLAPSED_KEY, String(next));
    setCollapsed(next);
  }
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={toggle}
        width={216}
        breakpoint="lg"
        style={{ position: 'sticky', top: 0, height: '100vh', overflowY: 'auto' }}
      >
        <div
          style={{
            height: 64,
            display: 'flex',
            alignItems: 'center',
            padding: collapsed ? '0 24px' : '0 20px',
            overflow: 'hidden',
          }}
        >
          <BrandMark tone="dark" withName={!collapsed} />
        </div>
        <SideMenu />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ borderBottom: '1px solid #e8ebf0', position: 'sticky', top: 0, zIndex: 10 }}>
          <AppHeader />
        </Layout.Header>
        <Layout.Content style={{ padding: 24, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
