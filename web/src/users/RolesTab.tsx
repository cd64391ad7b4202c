import { CheckOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Permission, RolePermissions } from '../api/types.ts';
import { RoleTag } from './RoleTag.tsx';
import { rolesQuery } from './users-queries.ts';

const permissions: Permission[] = ['org.read', 'org.manage', 'users.read', 'users.manage', 'audit.read'];

/** Which permissions each role grants, as a grid. */
export function RolesTab() {
  const { t } = useTranslation();
  const roles = useQuery(rolesQuery());
  if (roles.isError) return <Alert type="error" showIcon title={roles.error.message} />;
  return (
    <>
      <Typography.Paragraph type="secondary">{t('users.rolesIntro')}</Typography.Paragraph>
      <Table<RolePermissions>
        rowKey="role"
        size="middle"
        pagination={false}
        loading={roles.isPending}
        dataSource={roles.data}
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'role', title: t('users.columns.role'), render: (_, row) => <RoleTag role={row.role} />, width: 140 },
          ...permissions.map((permission) => ({
            key: permission,
            align: 'center' as const,
            title: (
              <span title={permission}>
                {t(`permissions.${permission}`)}
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 11, fontWeight: 'normal' }}>
                  {permission}
                </Typography.Text>
              </span>
            ),
            render: (_: unknown, row: RolePermissions) =>
              row.permissions.includes(permission) ? (
                <CheckOutlined style={{ color: '#389e0d' }} aria-label={permission} />
              ) : null,
          })),
        ]}
      />
    </>
  );
}
