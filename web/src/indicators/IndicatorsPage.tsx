import { Card, Space, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { AlertsTab } from './AlertsTab.tsx';
import { AnalyticsTab } from './AnalyticsTab.tsx';
import { ApprovalTab } from './ApprovalTab.tsx';
import { DefinitionsTab } from './DefinitionsTab.tsx';
import { EntryTab } from './EntryTab.tsx';
import { TargetsTab } from './TargetsTab.tsx';
import { useIndicatorView } from './use-indicator-view.ts';
import { ViewToolbar } from './ViewToolbar.tsx';

export function IndicatorsPage() {
  const { t } = useTranslation();
  const view = useIndicatorView({ period: '2021' });
  // `?tab=alerts` opens a tab directly: the inbox links threshold alerts there.
  const [search] = useSearchParams();
  return (
    <Card>
      <Space direction="vertical" style={{ width: '100%' }}>
        <ViewToolbar view={view} />
        <Tabs
          destroyOnHidden
          defaultActiveKey={search.get('tab') ?? 'analytics'}
          items={[
            { key: 'analytics', label: t('indicators.tabs.analytics'), children: <AnalyticsTab view={view} /> },
            { key: 'entry', label: t('indicators.tabs.entry'), children: <EntryTab view={view} /> },
            { key: 'approval', label: t('indicators.tabs.approval'), children: <ApprovalTab view={view} /> },
            { key: 'targets', label: t('indicators.tabs.targets'), children: <TargetsTab view={view} /> },
            { key: 'alerts', label: t('indicators.tabs.alerts'), children: <AlertsTab unit={view.unit} /> },
            { key: 'definitions', label: t('indicators.tabs.definitions'), children: <DefinitionsTab /> },
          ]}
        />
      </Space>
    </Card>
  );
}
