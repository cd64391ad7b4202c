import { Card, DatePicker, Flex, Switch, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isFutureDay, toDay } from '../common/dates.ts';
import { ImportDivisionsButton } from './import/ImportDivisionsButton.tsx';
import { OrgSearchBox } from './OrgSearchBox.tsx';
import { OrgTree } from './OrgTree.tsx';
import { useOrgView } from './use-org-view.ts';

/**
 * The left pane: search, the day to view the tree as of, whether to show ended units, the tree, and for
 * managers a way to load more of the national divisions into it.
 */
export function OrgTreePanel() {
  const { t } = useTranslation();
  const { unitCode, asOf, includeEnded, selectUnit, setAsOf, setIncludeEnded } = useOrgView();
  return (
    <Card
      style={{ width: 380, flex: 'none' }}
      styles={{ body: { height: '100%', display: 'flex', flexDirection: 'column', gap: 12, padding: 16 } }}
    >
      <OrgSearchBox onPick={selectUnit} />
      <Flex gap={12} align="center" justify="space-between" wrap>
        <DatePicker
          aria-label={t('org.asOf')}
          placeholder={t('org.asOfToday')}
          value={asOf ? dayjs(asOf) : null}
          onChange={(date) => setAsOf(date ? toDay(date) : undefined)}
          disabledDate={isFutureDay}
          prefix={<Typography.Text type="secondary">{t('org.asOf')}</Typography.Text>}
          style={{ flex: 1, minWidth: 180 }}
        />
        <Flex gap={6} align="center">
          <Switch size="small" checked={includeEnded} onChange={setIncludeEnded} aria-label={t('org.showEnded')} />
          <Typography.Text style={{ whiteSpace: 'nowrap' }}>{t('org.showEnded')}</Typography.Text>
        </Flex>
      </Flex>
      <OrgTree asOf={asOf} includeEnded={includeEnded} selectedCode={unitCode} onSelect={selectUnit} />
      <ImportDivisionsButton />
    </Card>
  );
}
