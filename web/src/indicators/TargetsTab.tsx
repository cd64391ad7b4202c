import { useQuery } from '@tanstack/react-query';
import { Alert, Button, InputNumber, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../auth/session-queries.ts';
import { targetsQuery, usePutTarget } from './indicator-queries.ts';
import type { IndicatorView } from './use-indicator-view.ts';

/** Targets of the unit; sets the target of the chosen indicator and period (with the version read). */
export function TargetsTab({ view }: { view: IndicatorView }) {
  const { t } = useTranslation();
  const targets = useQuery(targetsQuery(view.unit));
  const put = usePutTarget();
  const canSet = useCan('indicators.target');
  const [value, setValue] = useState<number | null>(null);
  const existing = targets.data?.find((x) => x.indicator === view.indicator && x.period === view.period);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {canSet && (
        <Space>
          <InputNumber
            aria-label={t('indicators.target')}
            value={value}
            onChange={setValue}
            placeholder={String(existing?.target ?? '')}
          />
          <Button
            disabled={value === null}
            loading={put.isPending}
            onClick={() =>
              value !== null &&
              put.mutate({
                indicator: view.indicator,
                unit: view.unit,
                period: view.period,
                target: value,
                version: existing?.version,
              })
            }
          >
            {t('indicators.setTarget')}
          </Button>
        </Space>
      )}
      {put.isError && <Alert type="error" showIcon title={put.error.message} />}
      <Table
        size="small"
        rowKey={(r) => `${r.indicator}|${r.period}`}
        dataSource={targets.data ?? []}
        loading={targets.isLoading}
        columns={[
          { title: t('indicators.indicator'), dataIndex: 'indicator' },
          { title: t('indicators.period'), dataIndex: 'period' },
          { title: t('indicators.target'), dataIndex: 'target' },
          { title: 'green / amber', key: 'thresholds', render: (_, r) => `${r.greenAt} / ${r.amberAt}` },
        ]}
      />
    </Space>
  );
}
