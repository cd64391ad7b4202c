import { useQuery } from '@tanstack/react-query';
import { Button, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../auth/session-queries.ts';
import { indicatorsQuery } from './indicator-queries.ts';
import { IndicatorEditor } from './IndicatorEditor.tsx';

export function DefinitionsTab() {
  const { t, i18n } = useTranslation();
  const indicators = useQuery(indicatorsQuery());
  const canDefine = useCan('indicators.define');
  const [editing, setEditing] = useState(false);
  return (
    <>
      {canDefine && (
        <Button type="primary" onClick={() => setEditing(true)} style={{ marginBottom: 12 }}>
          {t('indicators.newIndicator')}
        </Button>
      )}
      <Table
        size="small"
        rowKey="code"
        loading={indicators.isLoading}
        dataSource={indicators.data ?? []}
        pagination={{ pageSize: 50 }}
        columns={[
          { title: t('indicators.code'), dataIndex: 'code' },
          {
            title: t('indicators.indicator'),
            key: 'name',
            render: (_, i) => (i18n.language === 'en' ? i.nameEn : i.nameZh),
          },
          { title: t('indicators.measureUnit'), dataIndex: 'measureUnit' },
          { title: t('indicators.source'), dataIndex: 'source', render: (s: string) => <Tag>{s}</Tag> },
          { title: t('indicators.periodType'), dataIndex: 'periodType' },
          { title: t('indicators.entryLevel'), dataIndex: 'entryLevel' },
          {
            title: `${t('indicators.numerator')} ÷ ${t('indicators.denominator')}`,
            key: 'formula',
            render: (_, i) => (i.source === 'formula' ? `${i.numeratorCode} ÷ ${i.denominatorCode} × ${i.factor}` : ''),
          },
          { title: t('indicators.alertLine'), dataIndex: 'alertLine' },
        ]}
      />
      <IndicatorEditor open={editing} onClose={() => setEditing(false)} />
    </>
  );
}
