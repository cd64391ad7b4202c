import { ApiOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { appModules } from '../routes/app-modules.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { UserMenu } from './UserMenu.tsx';
import { NotificationBell } from '../notifications/NotificationBell.tsx';

export function AppHeader() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const current = appModules.find((module) => pathname.startsWith(`/${module.path}`));
  return (
    <Flex align="center" justify="space-between" style={{ height: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {current ? t(`nav.${current.label}`) : t('app.name')}
      </Typography.Title>
      <Flex align="center" gap={8}>
        <Button type="text" icon={<ApiOutlined />} href="/api/docs" target="_blank" rel="noopener">
          {t('header.apiDocs')}
        </Button>
        <NotificationBell />
        <LanguageSwitch />
        <UserMenu />
      </Flex>
    </Flex>
  );
}
