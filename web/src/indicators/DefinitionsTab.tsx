import { useQuery } from '@tanstack/react-query';
import { Button, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../auth/session-queries.ts';
import { cellColumns } from '../common/export-excel.ts';
import { ExportButton } from '../common/ExportButton.tsx';
import { type Indicator, indicatorsQuery } from './indicator-queries.ts';
import { IndicatorEditor } from './IndicatorEditor.tsx';

const formulaOf = (i: Indicator) =>
  i.source === 'formula' ? `${i.numeratorCode} ÷ ${i.denominatorCode} × ${i.factor}` : '';

/** Every indicator definition; those who define indicators create and edit them here. */
export function DefinitionsTab() {
  const { t, i18n } = useTranslation();
  const indicators = useQuery(indicatorsQuery());
  const canDefine = useCan('indicators.define');
  // undefined: closed; null: a new indicator; a code: that indicator.
  const [editing, setEditing] = useState<string | null>();
  const rows = indicators.data ?? [];
  const nameOf = (i: Indicator) => (i18n.language === 'en' ? i.nameEn : i.nameZh);
  const choice = (group: string, value: string) => t(`indicators.choices.${group}.${value}` as 'indicators.code');
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        {canDefine && (
          <Button type="primary" onClick={() => setEditing(null)}>
            {t('indicators.newIndicator')}
          </Button>
        )}
        <ExportButton
          name="indicators"
          columns={cellColumns([
            t('indicators.code'),
            t('indicators.nameZh'),
            t('indicators.nameEn'),
            t('indicators.measureUnit'),
            t('indicators.valueType'),
            t('indicators.source'),
            t('indicators.periodType'),
            t('indicators.unitAggregation'),
            t('indicators.periodAggregation'),
            t('indicators.formula'),
          ])}
          rows={rows.map((i) => [
            i.code,
            i.nameZh,
            i.nameEn,
            i.measureUnit,
            choice('valueType', i.valueType),
            choice('source', i.source),
            choice('periodType', i.periodType),
            choice('unitAggregation', i.unitAggregation),
            choice('periodAggregation', i.periodAggregation),
            formulaOf(i),
          ])}
        />
      </Space>
      <Table
        size="small"
        rowKey="code"
        loading={indicators.isLoading}
        dataSource={rows}
        pagination={{ pageSize: 50 }}
        columns={[
          { title: t('indicators.code'), dataIndex: 'code' },
          { title: t('indicators.indicator'), key: 'name', render: (_, i) => nameOf(i) },
          { title: t('indicators.measureUnit'), dataIndex: 'measureUnit' },
          {
            title: t('indicators.source'),
            dataIndex: 'source',
            render: (s: string) => <Tag>{choice('source', s)}</Tag>,
          },
          {
            title: t('indicators.periodType'),
            dataIndex: 'periodType',
            render: (p: string) => choice('periodType', p),
          },
          {
            title: t('indicators.unitAggregation'),
            dataIndex: 'unitAggregation',
            render: (a: string) => choice('unitAggregation', a),
          },
          { title: t('indicators.entryLevel'), dataIndex: 'entryLevel' },
          { title: t('indicators.formula'), key: 'formula', render: (_, i) => formulaOf(i) },
          { title: t('indicators.alertLine'), dataIndex: 'alertLine' },
          ...(canDefine
            ? [
                {
                  title: t('common.actions'),
                  key: 'edit',
                  render: (_: unknown, i: Indicator) => (
                    <Button size="small" data-testid={`edit-${i.code}`} onClick={() => setEditing(i.code)}>
                      {t('common.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <IndicatorEditor open={editing !== undefined} code={editing ?? undefined} onClose={() => setEditing(undefined)} />
    </>
  );
}
