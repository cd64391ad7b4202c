import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/session-queries.ts';
import { HouseholdsTab } from './HouseholdsTab.tsx';
import { RegistryDashboard } from './RegistryDashboard.tsx';

/** Xinzhou, the demo city, for users with the whole tree; otherwise the top of the user's scope. */
const DEFAULT_UNIT = '140900000000';

export function RegistryPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canWrite = user.permissions.includes('registry.write');
  const unit = user.scopes?.[0]?.code ?? DEFAULT_UNIT;
  return (
    <Tabs
      items={[
        { key: 'dashboard', label: t('registry.tabs.dashboard'), children: <RegistryDashboard defaultUnit={unit} /> },
        { key: 'households', label: t('registry.tabs.households'), children: <HouseholdsTab canWrite={canWrite} /> },
      ]}
    />
  );
}
