import { UploadOutlined } from '@ant-design/icons';
import { Button, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/session-queries.ts';
import { ChangeRequestsTab } from './ChangeRequestsTab.tsx';
import { DuplicatesTab } from './DuplicatesTab.tsx';
import { ExitsTab } from './ExitsTab.tsx';
import { RelocationsTab } from './RelocationsTab.tsx';
import { HouseholdsTab } from './HouseholdsTab.tsx';
import { ImportRegistryModal } from './ImportRegistryModal.tsx';
import { RegistryDashboard } from './RegistryDashboard.tsx';
import type { HouseholdDrill } from './registry-queries.ts';

/** Xinzhou, the demo city, for users with the whole tree; otherwise the top of the user's scope. */
const DEFAULT_UNIT = '140900000000';

export function RegistryPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canWrite = user.permissions.includes('registry.write');
  const canApprove = user.permissions.includes('registry.approve');
  const canImport = user.permissions.includes('registry.manage');
  const [importing, setImporting] = useState(false);
  const [tab, setTab] = useState('dashboard');
  // A click on a breakdown chart opens the households tab filtered to the households behind it.
  const [drill, setDrill] = useState<{ filter: HouseholdDrill; serial: number }>();
  const openHouseholds = (filter: HouseholdDrill) => {
    setDrill((before) => ({ filter, serial: (before?.serial ?? 0) + 1 }));
    setTab('households');
  };
  const unit = user.scopes?.[0]?.code ?? DEFAULT_UNIT;
  return (
    <>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        tabBarExtraContent={
          canImport && (
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              {t('registry.import.button')}
            </Button>
          )
        }
        items={[
          {
            key: 'dashboard',
            label: t('registry.tabs.dashboard'),
            children: <RegistryDashboard defaultUnit={unit} onDrill={openHouseholds} />,
          },
          {
            key: 'households',
            label: t('registry.tabs.households'),
            children: <HouseholdsTab key={drill?.serial} canWrite={canWrite} drill={drill?.filter} />,
          },
          {
            key: 'changeRequests',
            label: t('registry.tabs.changeRequests'),
            children: <ChangeRequestsTab canApprove={canApprove} />,
          },
          {
            key: 'duplicates',
            label: t('registry.tabs.duplicates'),
            children: <DuplicatesTab canApprove={canApprove} />,
          },
          {
            key: 'exits',
            label: t('registry.tabs.exits'),
            children: <ExitsTab defaultUnit={unit} canWrite={canWrite} canApprove={canApprove} />,
          },
          {
            key: 'relocations',
            label: t('registry.tabs.relocations'),
            children: <RelocationsTab defaultUnit={unit} canWrite={canWrite} />,
          },
        ]}
      />
      {canImport && <ImportRegistryModal open={importing} onClose={() => setImporting(false)} />}
    </>
  );
}
