import { Card, Empty, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { OrgTreePanel } from './OrgTreePanel.tsx';
import { UnitDetail } from './UnitDetail.tsx';
import { useOrgView } from './use-org-view.ts';

/** Header (64) and the content padding (2 × 24) leave the rest of the window to the two panes. */
const PANE_HEIGHT = 'calc(100vh - 112px)';

export function OrgPage() {
  const { t } = useTranslation();
  const { unitCode, asOf } = useOrgView();
  return (
    <Flex gap={16} align="stretch" style={{ height: PANE_HEIGHT, minHeight: 480 }}>
      <OrgTreePanel />
      <div style={{ flex: 1, minWidth: 0, overflowY: 'auto' }}>
        {unitCode ? (
          <UnitDetail key={unitCode} code={unitCode} asOf={asOf} />
        ) : (
          <Card style={{ height: '100%' }}>
            <Empty style={{ marginTop: 120 }} description={t('org.pickUnit')} />
          </Card>
        )}
      </div>
    </Flex>
  );
}
