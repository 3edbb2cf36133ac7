import type { ReactNode } from 'react';
import type { Role } from '@wj/domain';
import {
  ApartmentOutlined,
  BellOutlined,
  CalendarOutlined,
  DashboardOutlined,
  FileTextOutlined,
  FlagOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';

export interface NavItem {
  path: string;
  label: string;
  icon: ReactNode;
  /** Shown only to these roles (the API refuses the rest anyway). */
  roles?: Role[];
}

export const NAV_ITEMS: NavItem[] = [
  { path: '/', label: '总览', icon: <DashboardOutlined /> },
  { path: '/todos', label: '待办', icon: <BellOutlined /> },
  { path: '/orgs', label: '组织架构', icon: <ApartmentOutlined /> },
  { path: '/members', label: '党员', icon: <TeamOutlined /> },
  { path: '/org-life', label: '组织生活', icon: <CalendarOutlined /> },
  { path: '/work', label: '品牌与书记项目', icon: <FlagOutlined /> },
  { path: '/reports', label: '报告', icon: <FileTextOutlined />, roles: ['admin', 'viewer', 'unit_secretary'] },
  { path: '/admin', label: '系统管理', icon: <SettingOutlined />, roles: ['admin'] },
];

/** The nav entry a location belongs to: '/orgs/12' highlights 组织架构. */
export function activeNavPath(pathname: string): string {
  if (pathname === '/') return '/';
  const match = NAV_ITEMS.find((item) => item.path !== '/' && (pathname === item.path || pathname.startsWith(`${item.path}/`)));
  return match?.path ?? '';
}
