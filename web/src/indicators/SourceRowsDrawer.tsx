import { useQuery } from '@tanstack/react-query';
import { Drawer, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { sourceRowsQuery } from './indicator-queries.ts';

/** Click-through: the entered values a figure is made of. */
export function SourceRowsDrawer({
  query,
  onClose,
}: {
  query: { indicator: string; unit: string; period: string } | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const rows = useQuery({
    ...sourceRowsQuery(query ?? { indicator: '', unit: '', period: '' }),
    enabled: query !== undefined,
  });
  return (
    <Drawer open={query !== undefined} onClose={onClose} title={t('indicators.rows')} size="large">
      <Table
        size="small"
        rowKey={(r) => `${r.indicator}|${r.unit}|${r.period}|${r.category}`}
        loading={rows.isLoading}
        dataSource={rows.data ?? []}
        columns={[
          { title: t('indicators.indicator'), dataIndex: 'indicator' },
          { title: t('indicators.unit'), dataIndex: 'unitName' },
          { title: t('indicators.period'), dataIndex: 'period' },
          { title: t('indicators.value'), dataIndex: 'value' },
          { title: t('indicators.comment'), dataIndex: 'comment' },
          { title: t('indicators.enteredBy'), dataIndex: 'enteredBy' },
        ]}
      />
    </Drawer>
  );
}
