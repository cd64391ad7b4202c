import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Drawer, Space, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { UserForm } from './UserForm.tsx';
import { userKeys, userQuery } from './users-queries.ts';

type Props = { open: boolean; /** Absent when creating an account. */ userId: number | undefined; onClose: () => void };

const FORM_ID = 'user-form';

/** Creates an account, or edits one loaded fresh from the server so its version is current. */
export function UserDrawer({ open, userId, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const user = useQuery({ ...userQuery(userId ?? 0), enabled: open && userId !== undefined });
  const editing = userId !== undefined;

  function body() {
    if (!editing) return <UserForm formId={FORM_ID} onSaved={onClose} />;
    if (user.isError) return <Alert type="error" showIcon title={user.error.message} />;
    if (!user.data) return <Spin />;
    return (
      <UserForm
        key={user.data.version}
        formId={FORM_ID}
        user={user.data}
        onSaved={onClose}
        onReload={() => void queryClient.invalidateQueries({ queryKey: userKeys.detail(user.data.id) })}
      />
    );
  }

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={520}
      title={editing ? t('users.editTitle', { username: user.data?.username ?? '' }) : t('users.create')}
      destroyOnHidden
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" form={FORM_ID}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {body()}
    </Drawer>
  );
}
