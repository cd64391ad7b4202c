import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Input, Segmented, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateCase, DuplicateStatus } from '../api/types.ts';
import { formatInstant } from '../common/dates.ts';
import { useDebouncedValue } from '../common/use-debounced-value.ts';
import type { ExportColumn } from '../common/export-excel.ts';
import { ExportButton } from '../common/ExportButton.tsx';
import { exportTableColumns } from '../common/export-table-columns.tsx';
import { usePaging } from '../common/use-paging.ts';
import { OrgUnitSelect } from '../org/OrgUnitSelect.tsx';
import { DecideDuplicateModal } from './DecideDuplicateModal.tsx';
import { duplicatesQuery } from './registry-queries.ts';

const STATUSES: DuplicateStatus[] = ['pending', 'kept_existing', 'kept_new', 'corrected'];
const STATUS_COLORS: Record<DuplicateStatus, string> = {
  pending: 'gold',
  kept_existing: 'blue',
  kept_new: 'green',
  corrected: 'purple',
};

/**
 * The deduplication queue: members claimed by a household while another household holds their ID number (or
 * repeated within one), with the count per status. Approvers decide the pending ones.
 */
export function DuplicatesTab({ canApprove }: { canApprove: boolean }) {
  const { t } = useTranslation();
  const [unit, setUnit] = useState<string>();
  const [status, setStatus] = useState<DuplicateStatus>('pending');
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 300);
  const paging = usePaging();
  const [deciding, setDeciding] = useState<DuplicateCase>();
  const list = useQuery(duplicatesQuery({ unit, status, q: q || undefined, ...paging.slice }));
  const counts = list.data?.counts;

  const holder = (row: DuplicateCase) =>
    row.sameHousehold
      ? t('registry.duplicates.sameHousehold')
      : `${row.existingHouseholdNumber ?? '—'} ${row.existingVillageName ?? ''}`;
  const columns: (ExportColumn<DuplicateCase> & { key: string })[] = [
    { key: 'flaggedAt', title: t('registry.duplicates.flaggedAt'), value: (row) => formatInstant(row.createdAt) },
    { key: 'name', title: t('registry.name'), value: (row) => row.name },
    { key: 'idNumber', title: t('registry.idNumber'), value: (row) => row.idNumber },
    {
      key: 'relation',
      title: t('registry.relation'),
      value: (row) => t(`registry.relations.${row.relation}`, { defaultValue: row.relation }),
    },
    {
      key: 'claimedBy',
      title: t('registry.duplicates.claimedBy'),
      value: (row) => `${row.householdNumber} ${row.villageName}`,
    },
    { key: 'heldBy', title: t('registry.duplicates.heldBy'), value: holder },
    {
      key: 'source',
      title: t('registry.duplicates.source'),
      value: (row) => t(`registry.duplicates.sources.${row.source}`),
    },
    {
      key: 'status',
      title: t('registry.columns.status'),
      value: (row) => t(`registry.duplicates.status.${row.status}`),
    },
    { key: 'decidedOn', title: t('registry.effectiveOn'), value: (row) => row.decidedOn },
    { key: 'reason', title: t('registry.reason'), value: (row) => row.reason },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex gap={12} wrap align="center">
        <Segmented<DuplicateStatus>
          aria-label={t('registry.columns.status')}
          value={status}
          onChange={(value) => {
            setStatus(value);
            paging.firstPage();
          }}
          options={STATUSES.map((s) => ({
            value: s,
            label: `${t(`registry.duplicates.status.${s}`)} (${counts?.[s] ?? 0})`,
          }))}
        />
        <OrgUnitSelect value={unit} onChange={setUnit} style={{ width: 280 }} placeholder={t('registry.unit')} />
        <Input.Search
          allowClear
          placeholder={t('registry.duplicates.search')}
          value={text}
          onChange={(event) => setText(event.target.value)}
          style={{ width: 260 }}
        />
        <ExportButton name={t('registry.tabs.duplicates')} columns={columns} rows={list.data?.items ?? []} />
      </Flex>
      {list.isError && <Alert type="error" showIcon title={list.error.message} />}
      <Table<DuplicateCase>
        aria-label={t('registry.tabs.duplicates')}
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items}
        locale={{ emptyText: t('registry.duplicates.empty') }}
        pagination={paging.pagination(list.data?.total)}
        columns={[
          ...exportTableColumns(columns, (key, row) => (key === 'status' ? STATUS_COLORS[row.status] : undefined)),
          ...(canApprove
            ? [
                {
                  key: 'decide',
                  title: t('registry.actions'),
                  render: (_: unknown, row: DuplicateCase) =>
                    row.status === 'pending' && (
                      <Button size="small" type="primary" onClick={() => setDeciding(row)}>
                        {t('registry.duplicates.decide')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      {deciding && <DecideDuplicateModal duplicate={deciding} onClose={() => setDeciding(undefined)} />}
    </Flex>
  );
}
