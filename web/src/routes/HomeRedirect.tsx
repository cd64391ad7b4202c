import { Navigate } from 'react-router';
import { useCurrentUser } from '../auth/session-queries.ts';
import { appModules } from './app-modules.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';

/** The start page is the first module the user may open. */
export function HomeRedirect() {
  const user = useCurrentUser();
  const first = appModules.find((module) => user.permissions.includes(module.permission));
  return first ? <Navigate to={`/${first.path}`} replace /> : <NotFoundPage />;
}
