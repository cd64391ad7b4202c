import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RelocationProject } from '../api/types.ts';
import type { ExportColumn } from '../common/export-excel.ts';
import { ExportButton } from '../common/ExportButton.tsx';
import { exportTableColumns } from '../common/export-table-columns.tsx';
import { OrgUnitSelect } from '../org/OrgUnitSelect.tsx';
import { CAP_M2_PER_PERSON, NewRelocationModal } from './NewRelocationModal.tsx';
import { relocationsQuery } from './registry-queries.ts';

/** Relocation projects whose destination lies under the chosen unit, with the area per person against 25 m². */
export function RelocationsTab({ defaultUnit, canWrite }: { defaultUnit: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const [unit, setUnit] = useState(defaultUnit);
  const [creating, setCreating] = useState(false);
  const list = useQuery(relocationsQuery(unit));

  const columns: (ExportColumn<RelocationProject> & { key: string })[] = [
    { key: 'name', title: t('registry.relocations.name'), value: (row) => row.name },
    {
      key: 'origins',
      title: t('registry.relocations.origins'),
      value: (row) => row.originVillages.map((village) => village.name).join('、'),
    },
    { key: 'destination', title: t('registry.relocations.destination'), value: (row) => row.destinationVillage.name },
    { key: 'movedOn', title: t('registry.relocations.movedOn'), value: (row) => row.movedOn },
    { key: 'households', title: t('registry.relocations.households'), value: (row) => row.households },
    { key: 'persons', title: t('registry.relocations.persons'), value: (row) => row.persons },
    { key: 'housingArea', title: t('registry.relocations.housingArea'), value: (row) => row.housingAreaM2 },
    {
      key: 'areaPerPerson',
      title: t('registry.relocations.areaPerPerson'),
      value: (row) => Number(row.areaPerPersonM2.toFixed(1)),
    },
    { key: 'reclaimed', title: t('registry.relocations.reclaimed'), value: (row) => row.reclaimedPlotM2 },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex gap={12} wrap>
        <OrgUnitSelect
          value={unit}
          onChange={(value) => setUnit(value ?? defaultUnit)}
          style={{ width: 280 }}
          placeholder={t('registry.unit')}
        />
        <ExportButton name={t('registry.tabs.relocations')} columns={columns} rows={list.data ?? []} />
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('registry.relocations.new')}
          </Button>
        )}
      </Flex>
      {list.isError && <Alert type="error" showIcon title={list.error.message} />}
      <Table<RelocationProject>
        aria-label={t('registry.tabs.relocations')}
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data}
        locale={{ emptyText: t('registry.relocations.empty') }}
        columns={exportTableColumns(columns, (key, row) =>
          key === 'areaPerPerson' ? (row.areaPerPersonM2 > CAP_M2_PER_PERSON ? 'red' : 'green') : undefined,
        )}
      />
      {creating && <NewRelocationModal onClose={() => setCreating(false)} />}
    </Flex>
  );
}
