import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../api/types.ts';
import { useCan } from '../auth/session-queries.ts';
import { useDebouncedValue } from '../common/use-debounced-value.ts';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';
import { UserDrawer } from './UserDrawer.tsx';
import { UsersTable } from './UsersTable.tsx';
import { usersQuery } from './users-queries.ts';

/** Which account the drawer is showing: a new one, or an existing one being edited. */
type Editing = { mode: 'create' } | { mode: 'edit'; user: User };

export function UsersTab() {
  const { t } = useTranslation();
  const canManage = useCan('users.manage');
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 300);
  const users = useQuery({ ...usersQuery(q), placeholderData: keepPreviousData });
  const [editing, setEditing] = useState<Editing>();
  const [resetting, setResetting] = useState<User>();

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" gap={12} wrap>
        <Input.Search
          allowClear
          placeholder={t('users.searchPlaceholder')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          style={{ maxWidth: 320 }}
        />
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create' })}>
            {t('users.create')}
          </Button>
        )}
      </Flex>
      {users.isError ? (
        <Alert type="error" showIcon title={users.error.message} />
      ) : (
        <UsersTable
          users={users.data ?? []}
          loading={users.isFetching}
          onEdit={canManage ? (user) => setEditing({ mode: 'edit', user }) : undefined}
          onResetPassword={canManage ? setResetting : undefined}
        />
      )}
      <UserDrawer
        open={editing !== undefined}
        userId={editing?.mode === 'edit' ? editing.user.id : undefined}
        onClose={() => setEditing(undefined)}
      />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(undefined)} />
    </Flex>
  );
}
