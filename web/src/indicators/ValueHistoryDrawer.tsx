import { useQuery } from '@tanstack/react-query';
import { Drawer, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../common/dates.ts';
import { ExportButton } from '../common/ExportButton.tsx';
import { exportTableColumns } from '../common/export-table-columns.tsx';
import type { ExportColumn } from '../common/export-excel.ts';
import { type ValueChange, valueHistoryQuery } from './indicator-queries.ts';

/**
 * The unit's logged value changes for the period — grid saves and imports alike — with the old and the new
 * value, who and when: the values' own audit trail, exportable to Excel.
 */
export function ValueHistoryDrawer({
  unit,
  unitName,
  period,
  open,
  onClose,
}: {
  unit: string;
  unitName: string;
  period: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const history = useQuery({ ...valueHistoryQuery({ unit, period }), enabled: open });
  const items = history.data ?? [];
  const columns: (ExportColumn<ValueChange> & { key: string })[] = [
    { key: 'changedAt', title: t('indicators.changedAt'), value: (c) => formatInstant(c.changedAt) },
    { key: 'indicator', title: t('indicators.indicator'), value: (c) => c.indicator },
    { key: 'category', title: t('indicators.category'), value: (c) => c.category },
    { key: 'oldValue', title: t('indicators.oldValue'), value: (c) => c.oldValue },
    { key: 'newValue', title: t('indicators.newValue'), value: (c) => c.newValue },
    { key: 'comment', title: t('indicators.comment'), value: (c) => c.comment },
    { key: 'changedBy', title: t('indicators.changedBy'), value: (c) => c.changedBy ?? t('common.system') },
  ];
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('indicators.history', { unit: unitName, period })}
      size="large"
      extra={<ExportButton name={`${t('indicators.historyFile')}-${unit}-${period}`} columns={columns} rows={items} />}
    >
      <Table
        size="small"
        rowKey={(c) => `${c.changedAt}|${c.indicator}|${c.category}|${c.newValue}`}
        loading={history.isLoading}
        dataSource={items}
        data-testid="value-history"
        locale={{ emptyText: t('indicators.historyEmpty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={exportTableColumns(columns, () => undefined)}
      />
    </Drawer>
  );
}
