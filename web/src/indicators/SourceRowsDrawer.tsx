import { useQuery } from '@tanstack/react-query';
import { Drawer, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { cellColumns } from '../common/export-excel.ts';
import { ExportButton } from '../common/ExportButton.tsx';
import { sourceRowsQuery } from './indicator-queries.ts';

/** Click-through: the entered values a figure is made of, exportable to Excel. */
export function SourceRowsDrawer({
  query,
  onClose,
  container,
}: {
  query: { indicator: string; unit: string; period: string } | undefined;
  onClose: () => void;
  /** Where the drawer opens: inside the full-screen cockpit it must be within the full-screen element. */
  container?: () => HTMLElement;
}) {
  const { t } = useTranslation();
  const rows = useQuery({
    ...sourceRowsQuery(query ?? { indicator: '', unit: '', period: '' }),
    enabled: query !== undefined,
  });
  const items = rows.data ?? [];
  return (
    <Drawer
      open={query !== undefined}
      onClose={onClose}
      title={t('indicators.rows')}
      size="large"
      getContainer={container}
      extra={
        <ExportButton
          name={query ? `${query.indicator}-${query.unit}-${query.period}` : 'rows'}
          columns={cellColumns([
            t('indicators.indicator'),
            t('indicators.unit'),
            t('indicators.period'),
            t('indicators.category'),
            t('indicators.value'),
            t('indicators.comment'),
            t('indicators.enteredBy'),
            t('indicators.enteredAt'),
          ])}
          rows={items.map((r) => [
            r.indicator,
            r.unitName,
            r.period,
            r.category,
            r.value,
            r.comment,
            r.enteredBy,
            r.enteredAt,
          ])}
        />
      }
    >
      <Table
        size="small"
        rowKey={(r) => `${r.indicator}|${r.unit}|${r.period}|${r.category}`}
        loading={rows.isLoading}
        dataSource={items}
        data-testid="source-rows"
        columns={[
          { title: t('indicators.indicator'), dataIndex: 'indicator' },
          { title: t('indicators.unit'), dataIndex: 'unitName' },
          { title: t('indicators.period'), dataIndex: 'period' },
          { title: t('indicators.category'), dataIndex: 'category' },
          { title: t('indicators.value'), dataIndex: 'value' },
          { title: t('indicators.comment'), dataIndex: 'comment' },
          { title: t('indicators.enteredBy'), dataIndex: 'enteredBy' },
        ]}
      />
    </Drawer>
  );
}
