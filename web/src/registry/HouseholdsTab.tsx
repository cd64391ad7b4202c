import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Flex, Input, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistryHouseholdStatus, RegistryHouseholdSummary } from '../api/types.ts';
import { useDebouncedValue } from '../common/use-debounced-value.ts';
import { usePaging } from '../common/use-paging.ts';
import { OrgUnitSelect } from '../org/OrgUnitSelect.tsx';
import { HouseholdDrawer } from './HouseholdDrawer.tsx';
import { NewHouseholdModal } from './NewHouseholdModal.tsx';
import {
  causeLabel,
  MEASURE_TYPES,
  type MeasureType,
  POVERTY_CAUSES,
  type PovertyCause,
} from './causes-and-measures.ts';
import { type HouseholdDrill, householdsQuery } from './registry-queries.ts';

const STATUSES: RegistryHouseholdStatus[] = ['identified', 'registered', 'exited', 'monitored', 'risk_eliminated'];

/** The households in the user's scope, filtered; `drill` opens it on the households behind a breakdown figure. */
export function HouseholdsTab({ canWrite, drill }: { canWrite: boolean; drill?: HouseholdDrill }) {
  const { t } = useTranslation();
  const [unit, setUnit] = useState<string | undefined>(drill?.unit);
  const [status, setStatus] = useState<RegistryHouseholdStatus>();
  const [cause, setCause] = useState<PovertyCause | undefined>(drill?.cause);
  const [measure, setMeasure] = useState<MeasureType | undefined>(drill?.measure);
  const [year, setYear] = useState<number | undefined>(drill?.year);
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 300);
  const paging = usePaging();
  const [open, setOpen] = useState<string>();
  const [creating, setCreating] = useState(false);
  const list = useQuery(householdsQuery({ unit, status, cause, measure, year, q: q || undefined, ...paging.slice }));

  return (
    <Flex vertical gap={16}>
      <Flex gap={12} wrap>
        <OrgUnitSelect value={unit} onChange={setUnit} style={{ width: 280 }} placeholder={t('registry.unit')} />
        <Select
          allowClear
          placeholder={t('registry.allStatuses')}
          value={status}
          onChange={setStatus}
          style={{ width: 160 }}
          options={STATUSES.map((s) => ({ value: s, label: t(`registry.status.${s}`) }))}
        />
        <Select
          allowClear
          aria-label={t('registry.breakdown.cause')}
          placeholder={t('registry.allCauses')}
          value={cause}
          onChange={setCause}
          style={{ width: 170 }}
          options={POVERTY_CAUSES.map((c) => ({ value: c, label: t(`registry.causes.${c}`) }))}
        />
        <Select
          allowClear
          aria-label={t('registry.breakdown.measure')}
          placeholder={t('registry.allMeasures')}
          value={measure}
          onChange={setMeasure}
          style={{ width: 170 }}
          options={MEASURE_TYPES.map((m) => ({ value: m, label: t(`registry.measureTypes.${m}`) }))}
        />
        {year !== undefined && (
          <Tag closable onClose={() => setYear(undefined)} style={{ alignSelf: 'center' }}>
            {t(measure ? 'registry.drillYear.assisted' : 'registry.drillYear.registered', { year })}
          </Tag>
        )}
        <Input.Search
          allowClear
          placeholder={t('registry.search')}
          value={text}
          onChange={(event) => setText(event.target.value)}
          style={{ width: 260 }}
        />
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('registry.newHousehold')}
          </Button>
        )}
      </Flex>
      <Table<RegistryHouseholdSummary>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items}
        onRow={(row) => ({ onClick: () => setOpen(row.id), style: { cursor: 'pointer' } })}
        pagination={paging.pagination(list.data?.total)}
        columns={[
          { title: t('registry.columns.number'), dataIndex: 'number' },
          { title: t('registry.columns.village'), dataIndex: 'villageName' },
          {
            title: t('registry.columns.head'),
            render: (_, row) => `${row.headName ?? '—'} ${row.headIdNumber ?? ''}`,
          },
          { title: t('registry.columns.members'), dataIndex: 'memberCount', align: 'right' },
          {
            title: t('registry.columns.cause'),
            render: (_, row) => causeLabel(t, row.mainCause),
          },
          {
            title: t('registry.columns.status'),
            render: (_, row) => <Tag>{t(`registry.status.${row.status}`)}</Tag>,
          },
        ]}
      />
      {open && <HouseholdDrawer id={open} canWrite={canWrite} onClose={() => setOpen(undefined)} />}
      {creating && (
        <NewHouseholdModal
          onClose={(createdId) => {
            setCreating(false);
            if (createdId) setOpen(createdId);
          }}
        />
      )}
    </Flex>
  );
}
