import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import type { Permission } from '../api/types.ts';
import { useCan } from '../auth/session-queries.ts';

export function RequirePermission({ permission }: { permission: Permission }) {
  const { t } = useTranslation();
  const allowed = useCan(permission);
  if (!allowed)
    return <Result status="403" title={t('errors.forbiddenTitle')} subTitle={t('errors.forbidden', { permission })} />;
  return <Outlet />;
}
