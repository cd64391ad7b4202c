import { createBrowserRouter } from 'react-router';
import { LoginPage } from '../auth/LoginPage.tsx';
import { SessionGuard } from '../auth/SessionGuard.tsx';
import { FullPageSpin } from '../common/FullPageSpin.tsx';
import { AppLayout } from '../shell/AppLayout.tsx';
import { appModules } from './app-modules.tsx';
import { HomeRedirect } from './HomeRedirect.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { RequirePermission } from './RequirePermission.tsx';
import { RouteErrorPage } from './RouteErrorPage.tsx';

export const router = createBrowserRouter([
  { path: '/login', Component: LoginPage },
  {
    path: '/',
    Component: SessionGuard,
    ErrorBoundary: RouteErrorPage,
    HydrateFallback: FullPageSpin,
    children: [
      {
        Component: AppLayout,
        children: [
          { index: true, Component: HomeRedirect },
          ...appModules.map((module) => ({
            path: module.path,
            element: <RequirePermission permission={module.permission} />,
            children: [{ index: true, lazy: module.page }],
          })),
          { path: '*', Component: NotFoundPage },
        ],
      },
    ],
  },
]);
