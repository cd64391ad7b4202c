import { Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useCurrentUser } from '../auth/session-queries.ts';
import { appModules } from '../routes/app-modules.tsx';

/** The modules the user may open, highlighted by the current path. */
export function SideMenu() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const visible = appModules.filter((module) => user.permissions.includes(module.permission));
  const selected = visible.find((module) => pathname === `/${module.path}` || pathname.startsWith(`/${module.path}/`));
  return (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={selected ? [selected.path] : []}
      items={visible.map((module) => ({ key: module.path, icon: module.icon, label: t(`nav.${module.label}`) }))}
      onClick={({ key }) => void navigate(`/${key}`)}
    />
  );
}
