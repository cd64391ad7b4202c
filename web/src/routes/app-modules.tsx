import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  ClusterOutlined,
  DashboardOutlined,
  HomeOutlined,
  LineChartOutlined,
  ProfileOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { LazyRouteFunction, RouteObject } from 'react-router';
import type { Permission } from '../api/types.ts';

/** One feature area: its route, its menu entry and the permission that unlocks both. */
type AppModule = {
  path: string;
  /** Key under `nav` in the message catalogues. */
  label:
    | 'org'
    | 'users'
    | 'audit'
    | 'plans'
    | 'tasks'
    | 'supervision'
    | 'assessment'
    | 'indicators'
    | 'dashboards'
    | 'registry';
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
  // The closed work loop
  {
    path: 'plans',
    label: 'plans',
    icon: <ClusterOutlined />,
    permission: 'plans.read',
    page: async () => ({ Component: (await import('../plans/PlansPage.tsx')).PlansPage }),
  },
  {
    path: 'tasks',
    label: 'tasks',
    icon: <ProfileOutlined />,
    permission: 'tasks.read',
    page: async () => ({ Component: (await import('../tasks/TasksPage.tsx')).TasksPage }),
  },
  {
    path: 'supervision',
    label: 'supervision',
    icon: <AlertOutlined />,
    permission: 'tasks.read',
    page: async () => ({ Component: (await import('../supervision/SupervisionPage.tsx')).SupervisionPage }),
  },
  {
    path: 'assessment',
    label: 'assessment',
    icon: <TrophyOutlined />,
    permission: 'assessment.read',
    page: async () => ({ Component: (await import('../assessment/AssessmentPage.tsx')).AssessmentPage }),
  },
  {
    path: 'indicators',
    label: 'indicators',
    icon: <LineChartOutlined />,
    permission: 'indicators.read',
    page: async () => ({ Component: (await import('../indicators/IndicatorsPage.tsx')).IndicatorsPage }),
  },
  {
    path: 'dashboards',
    label: 'dashboards',
    icon: <DashboardOutlined />,
    permission: 'indicators.read',
    page: async () => ({ Component: (await import('../dashboards/DashboardPage.tsx')).DashboardPage }),
  },
  {
    path: 'registry',
    label: 'registry',
    icon: <HomeOutlined />,
    permission: 'registry.read',
    page: async () => ({ Component: (await import('../registry/RegistryPage.tsx')).RegistryPage }),
  },
];
