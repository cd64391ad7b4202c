import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Flex, Select, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, dataOf } from '../api/client.ts';
import { useCan } from '../auth/session-queries.ts';
import { ExportButton } from '../common/ExportButton.tsx';
import { FileLinks } from '../loop/EvidenceUpload.tsx';
import type { InspectionListItem } from '../loop/types.ts';
import { InspectionModal } from './supervision-forms.tsx';

type Verdict = InspectionListItem['verdict'];
type Filters = { verdict?: Verdict; from?: string; to?: string };

/**
 * The on-site inspections of every task the user may see that is led inside the unit, newest first, with
 * filters by verdict and day; a row opens its task. Recording one refreshes the list (the form refreshes
 * every supervision query).
 */
export function InspectionsTab({ unit, onOpen }: { unit: string; onOpen: (taskId: string) => void }) {
  const { t } = useTranslation();
  const canSupervise = useCan('tasks.supervise');
  const [inspecting, setInspecting] = useState(false);
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const inspections = useQuery({
    queryKey: ['supervision', 'inspection-list', unit, filters, page, pageSize],
    queryFn: () =>
      dataOf(api.GET('/api/supervision/inspections', { params: { query: { unit, ...filters, page, pageSize } } })),
    placeholderData: keepPreviousData,
  });
  const filter = (next: Filters) => {
    setFilters(next);
    setPage(1);
  };
  const verdictText = (verdict: Verdict) =>
    t(verdict === 'confirmed' ? 'loop.supervise.confirmed' : 'loop.supervise.notAsReported');
  const rows = inspections.data?.items ?? [];
  const columns = [
    { title: t('loop.supervise.inspectedOn'), value: (row: InspectionListItem) => row.inspectedOn },
    { title: t('loop.task.title'), value: (row: InspectionListItem) => row.taskTitle },
    { title: t('loop.task.lead'), value: (row: InspectionListItem) => row.leadUnit.name },
    { title: t('loop.supervise.verdict'), value: (row: InspectionListItem) => verdictText(row.verdict) },
    { title: t('loop.supervise.findings'), value: (row: InspectionListItem) => row.findings },
    { title: t('loop.supervise.photos'), value: (row: InspectionListItem) => row.photos.length },
    { title: t('loop.supervision.inspector'), value: (row: InspectionListItem) => row.recordedBy },
  ];
  return (
    <Flex vertical gap={8}>
      <Flex gap={8} wrap align="center">
        {canSupervise && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setInspecting(true)}>
            {t('loop.supervise.inspect')}
          </Button>
        )}
        <Select<Verdict>
          allowClear
          placeholder={t('loop.supervise.verdict')}
          style={{ width: 140 }}
          value={filters.verdict}
          onChange={(verdict) => filter({ ...filters, verdict })}
          options={(['confirmed', 'not_as_reported'] as const).map((value) => ({ value, label: verdictText(value) }))}
        />
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          placeholder={[t('loop.supervision.inspectedFrom'), t('loop.supervision.inspectedTo')]}
          value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
          onChange={(range) =>
            filter({ ...filters, from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })
          }
        />
        <ExportButton name={t('loop.supervision.inspections')} columns={columns} rows={rows} />
        <Typography.Text type="secondary">{t('loop.supervision.inspectionsHint')}</Typography.Text>
      </Flex>
      <Table<InspectionListItem>
        rowKey="id"
        size="small"
        loading={inspections.isFetching}
        dataSource={rows}
        pagination={{
          current: page,
          pageSize,
          total: inspections.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 500],
          onChange: (nextPage, nextSize) => {
            setPage(nextSize === pageSize ? nextPage : 1);
            setPageSize(nextSize);
          },
        }}
        onRow={(row) => ({ onClick: () => onOpen(row.taskId), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('loop.supervise.inspectedOn'), dataIndex: 'inspectedOn', width: 110 },
          { title: t('loop.task.title'), dataIndex: 'taskTitle' },
          { title: t('loop.task.lead'), dataIndex: ['leadUnit', 'name'], width: 180 },
          {
            title: t('loop.supervise.verdict'),
            dataIndex: 'verdict',
            width: 110,
            render: (verdict: Verdict) => (
              <Tag color={verdict === 'confirmed' ? 'green' : 'red'}>{verdictText(verdict)}</Tag>
            ),
          },
          { title: t('loop.supervise.findings'), dataIndex: 'findings', ellipsis: true },
          {
            title: t('loop.supervise.photos'),
            dataIndex: 'photos',
            width: 160,
            render: (photos: InspectionListItem['photos']) => (
              // The links open the photo, not the task.
              <div onClick={(event) => event.stopPropagation()}>
                <FileLinks files={photos} />
              </div>
            ),
          },
          { title: t('loop.supervision.inspector'), dataIndex: 'recordedBy', width: 120 },
        ]}
      />
      <InspectionModal open={inspecting} onClose={() => setInspecting(false)} />
    </Flex>
  );
}
