import { useQuery } from '@tanstack/react-query';
import { Card, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, dataOf } from '../api/client.ts';
import { ExportButton } from '../common/ExportButton.tsx';
import type { ExportColumn } from '../common/export-excel.ts';
import type { AssessmentEntries, AssessmentScheme } from '../loop/types.ts';
import type { ItemKind } from './scheme-form.ts';

type Score = AssessmentEntries['enteredScores'][number];
type Value = AssessmentEntries['indicatorValues'][number];
type Veto = AssessmentEntries['vetoes'][number];
type Entry = { unit: { name: string }; itemCode: string };

/** One kind of entry as a table with its Excel export; the same columns serve both. */
function EntryTable<Row extends Entry>({
  title,
  rows,
  rowKey,
  columns,
  loading,
}: {
  title: string;
  rows: Row[];
  rowKey: (row: Row) => string;
  columns: (ExportColumn<Row> & { width?: number })[];
  loading: boolean;
}) {
  const tableColumns: TableColumnsType<Row> = columns.map((column) => ({
    title: column.title,
    ...(column.width ? { width: column.width } : {}),
    render: (_, row) => column.value(row),
  }));
  return (
    <Card size="small" title={title} extra={<ExportButton name={title} columns={columns} rows={rows} />}>
      <Table<Row>
        rowKey={rowKey}
        size="small"
        loading={loading}
        dataSource={rows}
        columns={tableColumns}
        pagination={rows.length > 50 ? { pageSize: 50 } : false}
      />
    </Card>
  );
}

/**
 * What was entered against the scheme, for the units the user may see: evaluation scores, attainment values
 * per year or quarter, one-vote vetoes. Every entry invalidates the assessment queries, so these refresh.
 */
export function EntriesTables({ scheme }: { scheme: AssessmentScheme }) {
  const { t } = useTranslation();
  const entries = useQuery({
    queryKey: ['assessment', 'entries', scheme.id],
    queryFn: () => dataOf(api.GET('/api/assessment/schemes/{id}/entries', { params: { path: { id: scheme.id } } })),
  });
  const items = scheme.definition.categories.flatMap((category) => category.items);
  const kinds = new Set<ItemKind>(items.map((item) => item.kind));
  const names = new Map(items.map((item) => [item.code, item.name]));
  const loading = entries.isLoading;
  const common = <Row extends Entry>(): (ExportColumn<Row> & { width?: number })[] => [
    { title: t('loop.inputs.unit'), value: (row) => row.unit.name, width: 180 },
    { title: t('loop.inputs.item'), value: (row) => `${names.get(row.itemCode) ?? ''}（${row.itemCode}）` },
  ];
  return (
    <>
      {kinds.has('entered') && (
        <EntryTable<Score>
          title={t('loop.inputs.enteredList')}
          rows={entries.data?.enteredScores ?? []}
          rowKey={(row) => `${row.unit.code}/${row.itemCode}`}
          loading={loading}
          columns={[...common<Score>(), { title: t('loop.inputs.score'), value: (row) => row.score, width: 100 }]}
        />
      )}
      {kinds.has('attainment') && (
        <EntryTable<Value>
          title={t('loop.inputs.valuesList')}
          rows={entries.data?.indicatorValues ?? []}
          rowKey={(row) => `${row.unit.code}/${row.itemCode}/${row.period}`}
          loading={loading}
          columns={[
            ...common<Value>(),
            {
              title: t('loop.inputs.period'),
              value: (row) => (row.period === 'year' ? t('loop.inputs.wholeYear') : row.period),
              width: 90,
            },
            { title: t('loop.inputs.actual'), value: (row) => row.actual, width: 110 },
            { title: t('loop.inputs.target'), value: (row) => row.target, width: 110 },
          ]}
        />
      )}
      {kinds.has('veto') && (
        <EntryTable<Veto>
          title={t('loop.inputs.vetoList')}
          rows={entries.data?.vetoes ?? []}
          rowKey={(row) => row.id}
          loading={loading}
          columns={[
            ...common<Veto>(),
            { title: t('loop.inputs.occurredOn'), value: (row) => row.occurredOn, width: 110 },
            { title: t('loop.task.reason'), value: (row) => row.reason },
          ]}
        />
      )}
    </>
  );
}
