import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExcelButton } from './ExcelButton.tsx';
import { Figure, percent, RagTag } from './figures.tsx';
import { levelQuery } from './indicator-queries.ts';
import { SourceRowsDrawer } from './SourceRowsDrawer.tsx';
import type { IndicatorView } from './use-indicator-view.ts';

/** The ranked table: one row per unit at a level under the chosen unit; click a row for the values behind it. */
export function AnalyticsTab({ view }: { view: IndicatorView }) {
  const { t } = useTranslation();
  const [level, setLevel] = useState(3);
  const [opened, setOpened] = useState<string>();
  const query = useQuery(levelQuery({ indicator: view.indicator, unit: view.unit, period: view.period, level }));
  const rows = query.data?.items ?? [];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Select
          aria-label={t('indicators.level')}
          value={level}
          onChange={setLevel}
          style={{ width: 120 }}
          options={[1, 2, 3, 4, 5].map((l) => ({ value: l, label: t(`indicators.levels.l${l as 1}`) }))}
        />
        <ExcelButton
          name={`${view.indicator}-${view.period}`}
          columns={[
            t('indicators.rank'),
            t('indicators.unit'),
            t('indicators.value'),
            t('indicators.target'),
            t('indicators.attainment'),
          ]}
          rows={rows.map((r) => [r.rank, r.unitName, r.value, r.target, r.attainment])}
        />
      </Space>
      {query.isError && <Alert type="error" showIcon title={query.error.message} />}
      <Table
        size="small"
        rowKey="unit"
        loading={query.isLoading}
        dataSource={rows}
        pagination={{ pageSize: 50 }}
        onRow={(row) => ({ onClick: () => setOpened(row.unit), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('indicators.rank'), dataIndex: 'rank', width: 70 },
          {
            title: t('indicators.rankChange'),
            dataIndex: 'rankChange',
            width: 100,
            render: (change: number | null) =>
              change === null || change === 0 ? (
                '—'
              ) : change > 0 ? (
                <span style={{ color: '#3f8600' }}>
                  <ArrowUpOutlined /> {change}
                </span>
              ) : (
                <span style={{ color: '#cf1322' }}>
                  <ArrowDownOutlined /> {-change}
                </span>
              ),
          },
          { title: t('indicators.unit'), dataIndex: 'unitName' },
          {
            title: t('indicators.value'),
            key: 'value',
            render: (_, r) => <Figure value={r.value} reason={r.reason} />,
          },
          { title: t('indicators.target'), dataIndex: 'target', render: (v: number | null) => v ?? '—' },
          { title: t('indicators.attainment'), dataIndex: 'attainment', render: percent },
          { title: t('indicators.rag'), dataIndex: 'rag', render: (rag) => <RagTag rag={rag} /> },
        ]}
      />
      <SourceRowsDrawer
        query={opened ? { indicator: view.indicator, unit: opened, period: view.period } : undefined}
        onClose={() => setOpened(undefined)}
      />
    </Space>
  );
}
