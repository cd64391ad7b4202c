import { useQuery } from '@tanstack/react-query';
import { Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { cellColumns } from '../common/export-excel.ts';
import { ExportButton } from '../common/ExportButton.tsx';
import { alertsQuery } from './indicator-queries.ts';

/** Threshold crossings ("structural breakthroughs") in the unit's subtree. */
export function AlertsTab({ unit }: { unit: string }) {
  const { t } = useTranslation();
  const alerts = useQuery(alertsQuery(unit));
  const crossing = (crossed: 'up' | 'down') =>
    crossed === 'up' ? t('indicators.crossedUp') : t('indicators.crossedDown');
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <ExportButton
        name={`alerts-${unit}`}
        columns={cellColumns([
          t('indicators.indicator'),
          t('indicators.unit'),
          t('indicators.period'),
          t('indicators.alertLine'),
          t('indicators.previous'),
          t('indicators.value'),
          '',
        ])}
        rows={(alerts.data ?? []).map((a) => [
          a.indicatorName,
          a.unitName,
          a.period,
          a.line,
          a.previousValue,
          a.value,
          crossing(a.crossed),
        ])}
      />
      <Table
        size="small"
        rowKey="id"
        loading={alerts.isLoading}
        dataSource={alerts.data ?? []}
        columns={[
          { title: t('indicators.indicator'), dataIndex: 'indicatorName' },
          { title: t('indicators.unit'), dataIndex: 'unitName' },
          { title: t('indicators.period'), dataIndex: 'period' },
          { title: t('indicators.alertLine'), dataIndex: 'line' },
          {
            title: t('indicators.previous'),
            dataIndex: 'previousValue',
            render: (v: number | null) => v?.toFixed(2) ?? '—',
          },
          { title: t('indicators.value'), dataIndex: 'value', render: (v: number) => v.toFixed(2) },
          {
            title: '',
            dataIndex: 'crossed',
            render: (crossed: 'up' | 'down') => (
              <Tag color={crossed === 'up' ? 'green' : 'red'}>{crossing(crossed)}</Tag>
            ),
          },
        ]}
      />
    </Space>
  );
}
