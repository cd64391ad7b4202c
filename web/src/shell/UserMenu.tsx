import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ChangePasswordModal } from '../auth/ChangePasswordModal.tsx';
import { useCurrentUser, useLogout } from '../auth/session-queries.ts';
import { RoleTag } from '../users/RoleTag.tsx';

export function UserMenu() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const logout = useLogout();
  const navigate = useNavigate();
  const [changingPassword, setChangingPassword] = useState(false);

  async function signOut() {
    await logout.mutateAsync().catch(() => {});
    await navigate('/login', { replace: true });
  }

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            {
              key: 'password',
              icon: <KeyOutlined />,
              label: t('header.changePassword'),
              onClick: () => setChangingPassword(true),
            },
            { type: 'divider' },
            { key: 'logout', icon: <LogoutOutlined />, label: t('header.logout'), onClick: () => void signOut() },
          ],
        }}
      >
        <Button type="text" style={{ height: 48 }} aria-label={t('header.account')}>
          <Flex align="center" gap={8}>
            <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1d5fbf' }} />
            <span>{user.displayName}</span>
            <RoleTag role={user.role} />
          </Flex>
        </Button>
      </Dropdown>
      <ChangePasswordModal open={changingPassword} onClose={() => setChangingPassword(false)} />
    </>
  );
}
