import { EditOutlined, KeyOutlined, LockOutlined } from '@ant-design/icons';
import { Badge, Button, Flex, Space, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { User } from '../api/types.ts';
import { formatInstant } from '../common/dates.ts';
import { RoleTag } from './RoleTag.tsx';

type Props = {
  users: User[];
  loading: boolean;
  /** Absent for users who may only read accounts. */
  onEdit?: (user: User) => void;
  onResetPassword?: (user: User) => void;
};

function isLocked(user: User): boolean {
  return user.lockedUntil !== null && dayjs(user.lockedUntil).isAfter(dayjs());
}

export function UsersTable({ users, loading, onEdit, onResetPassword }: Props) {
  const { t } = useTranslation();
  return (
    <Table<User>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={users}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      columns={[
        {
          key: 'username',
          title: t('users.columns.username'),
          dataIndex: 'username',
          render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
        },
        { key: 'displayName', title: t('users.columns.displayName'), dataIndex: 'displayName' },
        { key: 'role', title: t('users.columns.role'), render: (_, user) => <RoleTag role={user.role} /> },
        {
          key: 'scopes',
          title: t('users.columns.scopes'),
          render: (_, user) =>
            user.role === 'admin' ? (
              <Typography.Text type="secondary">{t('users.allUnits')}</Typography.Text>
            ) : (
              <Flex gap={4} wrap>
                {user.scopes.map((scope) => (
                  <Tag key={scope.code} title={scope.code}>
                    {scope.name}
                  </Tag>
                ))}
              </Flex>
            ),
        },
        {
          key: 'status',
          title: t('users.columns.status'),
          render: (_, user) => (
            <Space size={4}>
              <Badge
                status={user.active ? 'success' : 'default'}
                text={user.active ? t('users.active') : t('users.inactive')}
              />
              {isLocked(user) && user.lockedUntil && (
                <Tooltip title={t('users.lockedUntil', { until: formatInstant(user.lockedUntil) })}>
                  <Tag color="red" icon={<LockOutlined />}>
                    {t('users.locked')}
                  </Tag>
                </Tooltip>
              )}
            </Space>
          ),
        },
        {
          key: 'language',
          title: t('users.columns.language'),
          dataIndex: 'locale',
          render: (locale: User['locale']) => t(`languages.${locale === 'en' ? 'en' : 'zhCN'}`),
        },
        ...(onEdit && onResetPassword
          ? [
              {
                key: 'actions',
                title: t('common.actions'),
                render: (_: unknown, user: User) => (
                  <Space size={0}>
                    <Button type="link" icon={<EditOutlined />} onClick={() => onEdit(user)}>
                      {t('common.edit')}
                    </Button>
                    <Button type="link" icon={<KeyOutlined />} onClick={() => onResetPassword(user)}>
                      {t('users.resetPassword')}
                    </Button>
                  </Space>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
