import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, InputNumber, Segmented, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExitOverviewItem } from '../api/types.ts';
import type { ExportColumn } from '../common/export-excel.ts';
import { ExportButton } from '../common/ExportButton.tsx';
import { exportTableColumns } from '../common/export-table-columns.tsx';
import { usePaging } from '../common/use-paging.ts';
import { OrgUnitSelect } from '../org/OrgUnitSelect.tsx';
import { ApplyExitModal } from './ApplyExitModal.tsx';
import { ExitApplicationsTable } from './ExitApplicationsTable.tsx';
import { COUNTY_CHECKS, VILLAGE_CHECKS, describeCheck } from './exit-checks.ts';
import { exitOverviewQuery } from './registry-queries.ts';
import { SampleCheckModal } from './SampleCheckModal.tsx';

/**
 * Village and county exit: every village or county under the chosen unit with its metrics for the year
 * against the thresholds (incidence; for counties also the wrong-exit and missed rates from the recorded
 * sample checks and recognition), the verdict and the latest application; then the applications with their
 * review steps.
 */
export function ExitsTab(props: { defaultUnit: string; canWrite: boolean; canApprove: boolean }) {
  const { t } = useTranslation();
  const [unit, setUnit] = useState(props.defaultUnit);
  const [year, setYear] = useState(2018);
  const [level, setLevel] = useState<'village' | 'county'>('county');
  const paging = usePaging();
  const [applying, setApplying] = useState<ExitOverviewItem>();
  const [sampling, setSampling] = useState<ExitOverviewItem>();
  const overview = useQuery(exitOverviewQuery({ unit, year, level, ...paging.slice }));
  const checkNames = level === 'village' ? VILLAGE_CHECKS : COUNTY_CHECKS;

  const columns: (ExportColumn<ExitOverviewItem> & { key: string })[] = [
    { key: 'unit', title: t('registry.unit'), value: (row) => row.unitName },
    { key: 'code', title: t('registry.exits.code'), value: (row) => row.unitCode },
    ...checkNames.map((name) => ({
      key: name,
      title: t(`registry.exits.checks.${name}`),
      value: (row: ExitOverviewItem) => describeCheck(row.checks.find((c) => c.name === name)),
    })),
    {
      key: 'verdict',
      title: t('registry.exits.verdict'),
      value: (row) => t(row.passed ? 'registry.exits.pass' : 'registry.exits.fail'),
    },
    {
      key: 'application',
      title: t('registry.exits.application'),
      value: (row) =>
        row.application ? t(`registry.exits.status.${row.application.status}`) : t('registry.exits.notApplied'),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex gap={12} wrap align="center">
        <OrgUnitSelect
          value={unit}
          onChange={(value) => {
            setUnit(value ?? props.defaultUnit);
            paging.firstPage();
          }}
          style={{ width: 280 }}
          placeholder={t('registry.unit')}
        />
        <InputNumber
          aria-label={t('registry.year')}
          value={year}
          min={2014}
          max={2030}
          onChange={(value) => value && setYear(value)}
          prefix={t('registry.year')}
        />
        <Segmented<'village' | 'county'>
          value={level}
          onChange={(value) => {
            setLevel(value);
            paging.firstPage();
          }}
          options={[
            { value: 'county', label: t('registry.exits.counties') },
            { value: 'village', label: t('registry.exits.villages') },
          ]}
        />
        <ExportButton name={t('registry.tabs.exits')} columns={columns} rows={overview.data?.items ?? []} />
      </Flex>
      {overview.isError && <Alert type="error" showIcon title={overview.error.message} />}
      <Typography.Text type="secondary">{t('registry.exits.thresholdNote')}</Typography.Text>
      <Table<ExitOverviewItem>
        aria-label={t('registry.exits.overview')}
        rowKey="unitCode"
        size="small"
        loading={overview.isFetching}
        dataSource={overview.data?.items}
        pagination={paging.pagination(overview.data?.total)}
        columns={[
          ...exportTableColumns(columns, (key, row) => {
            const check = row.checks.find((c) => c.name === key);
            if (check) return check.passed ? 'green' : 'red';
            if (key === 'verdict') return row.passed ? 'green' : 'red';
            return undefined;
          }),
          {
            key: 'actions',
            title: t('registry.actions'),
            render: (_: unknown, row: ExitOverviewItem) => (
              <Space>
                {props.canWrite && row.application?.status !== 'approved' && (
                  <Button size="small" type="primary" onClick={() => setApplying(row)}>
                    {t('registry.exits.apply')}
                  </Button>
                )}
                {props.canApprove && row.level === 'county' && (
                  <Button size="small" onClick={() => setSampling(row)}>
                    {t('registry.exits.recordSample')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Typography.Title level={5}>{t('registry.exits.applications')}</Typography.Title>
      <ExitApplicationsTable canApprove={props.canApprove} />
      {applying && <ApplyExitModal unit={applying} onClose={() => setApplying(undefined)} />}
      {sampling && <SampleCheckModal county={sampling} onClose={() => setSampling(undefined)} />}
    </Flex>
  );
}
