import { ApartmentOutlined, AuditOutlined, HomeOutlined, TeamOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { LazyRouteFunction, RouteObject } from 'react-router';
import type { Permission } from '../api/types.ts';

/** One feature area: its route, its menu entry and the permission that unlocks both. */
type AppModule = {
  path: string;
  /** Key under `nav` in the message catalogues. */
  label: 'org' | 'users' | 'audit' | 'registry';
  icon: ReactNode;
  permission: Permission;
  page: LazyRouteFunction<RouteObject>;
};

/**
 * The modules of the app, in menu order. Adding one (plans, tasks, supervision, assessment, indicators, the
 * poverty registry) is one entry here plus its `nav` label; the menu and the router both read this list.
 */
export const appModules: AppModule[] = [
  {
    path: 'org',
    label: 'org',
    icon: <ApartmentOutlined />,
    permission: 'org.read',
    page: async () => ({ Component: (await import('../org/OrgPage.tsx')).OrgPage }),
  },
  {
    path: 'users',
    label: 'users',
    icon: <TeamOutlined />,
    permission: 'users.read',
    page: async () => ({ Component: (await import('../users/UsersPage.tsx')).UsersPage }),
  },
  {
    path: 'audit',
    label: 'audit',
    icon: <AuditOutlined />,
    permission: 'audit.read',
    page: async () => ({ Component: (await import('../audit/AuditPage.tsx')).AuditPage }),
  },
  {
    path: 'registry',
    label: 'registry',
    icon: <HomeOutlined />,
    permission: 'registry.read',
    page: async () => ({ Component: (await import('../registry/RegistryPage.tsx')).RegistryPage }),
  },
];
