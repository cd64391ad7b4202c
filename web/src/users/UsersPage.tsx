import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { RolesTab } from './RolesTab.tsx';
import { UsersTab } from './UsersTab.tsx';

export function UsersPage() {
  const { t } = useTranslation();
  return (
    <Card styles={{ body: { paddingTop: 8 } }}>
      <Tabs
        items={[
          { key: 'users', label: t('users.tabs.users'), children: <UsersTab /> },
          { key: 'roles', label: t('users.tabs.roles'), children: <RolesTab /> },
        ]}
      />
    </Card>
  );
}
