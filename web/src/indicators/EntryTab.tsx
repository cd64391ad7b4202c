import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Input, InputNumber, Space, Table, Tag, message } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error.ts';
import { gridQuery, useSaveValues } from './indicator-queries.ts';
import { ImportPanel } from './ImportPanel.tsx';
import type { IndicatorView } from './use-indicator-view.ts';

type Edit = { value?: number | null; comment?: string };

/**
 * The entry grid of a unit and period, keyboard-first like a spreadsheet: Enter or ↓ moves to the next
 * value, ↑ to the previous; Ctrl+S saves. Only changed cells are sent, each with the version it was read at.
 */
export function EntryTab({ view }: { view: IndicatorView }) {
  const { t, i18n } = useTranslation();
  const grid = useQuery(gridQuery({ unit: view.unit, period: view.period }));
  const save = useSaveValues();
  const [edits, setEdits] = useState<Record<string, Edit>>({});
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  const rows = grid.data?.rows ?? [];
  const keyOf = (row: (typeof rows)[number]) => `${row.indicator}|${row.category}`;
  const problems = isApiError(save.error) ? save.error.details : [];
  const problemAt = (index: number) =>
    problems
      .filter((p) => p.field.startsWith(`values.`))
      .find((p) => sentIndex.current[Number(p.field.split('.')[1])] === index);
  const sentIndex = useRef<number[]>([]);

  const submit = () => {
    const changed = rows
      .map((row, index) => ({ row, index, edit: edits[keyOf(row)] }))
      .filter(({ edit }) => edit !== undefined && edit.value !== undefined && edit.value !== null);
    sentIndex.current = changed.map((c) => c.index);
    save.mutate(
      {
        unit: view.unit,
        period: view.period,
        dryRun: false,
        values: changed.map(({ row, edit }) => ({
          indicator: row.indicator,
          category: row.category,
          value: edit?.value as number,
          comment: edit?.comment ?? row.comment,
          version: row.version,
        })),
      },
      {
        onSuccess: (result) => {
          setEdits({});
          void message.success(t('indicators.saved', { count: result.changed }));
        },
      },
    );
  };
  const move = (index: number, step: number) => inputs.current[index + step]?.focus();

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {grid.data && (
        <Space>
          {grid.data.locked && <Tag color="blue">{t('indicators.locked')}</Tag>}
          <Tag color={grid.data.window.open || grid.data.window.exception ? 'green' : 'red'}>
            {grid.data.window.open || grid.data.window.exception
              ? t('indicators.windowOpen', { from: grid.data.window.opensOn, to: grid.data.window.closesOn })
              : t('indicators.windowClosed', { to: grid.data.window.closesOn })}
          </Tag>
        </Space>
      )}
      {grid.isError && <Alert type="error" showIcon title={grid.error.message} />}
      {save.isError && <Alert type="error" showIcon title={save.error.message} />}
      <div
        onKeyDown={(event) => {
          if ((event.ctrlKey || event.metaKey) && event.key === 's') {
            event.preventDefault();
            submit();
          }
        }}
      >
        <Table
          size="small"
          rowKey={keyOf}
          loading={grid.isLoading}
          dataSource={rows}
          pagination={false}
          columns={[
            {
              title: t('indicators.indicator'),
              key: 'name',
              render: (_, r) => (i18n.language === 'en' ? r.nameEn : r.nameZh),
            },
            { title: t('indicators.category'), dataIndex: 'category' },
            { title: t('indicators.previous'), dataIndex: 'previous', render: (v: number | null) => v ?? '—' },
            {
              title: t('indicators.value'),
              key: 'value',
              render: (_, row, index) => {
                const edit = edits[keyOf(row)];
                const problem = problemAt(index);
                return (
                  <Space direction="vertical" size={0}>
                    <InputNumber
                      ref={(element) => {
                        inputs.current[index] = element;
                      }}
                      aria-label={`${row.indicator} ${row.category}`}
                      data-testid={`value-${row.indicator}`}
                      disabled={grid.data?.locked}
                      value={edit?.value !== undefined ? edit.value : row.value}
                      status={problem ? 'error' : undefined}
                      addonAfter={row.measureUnit || undefined}
                      onChange={(value) =>
                        setEdits((all) => ({
                          ...all,
                          [keyOf(row)]: { ...all[keyOf(row)], value: value as number | null },
                        }))
                      }
                      onKeyDown={(event) => {
                        if (event.key === 'Enter' || event.key === 'ArrowDown') move(index, 1);
                        if (event.key === 'ArrowUp') move(index, -1);
                      }}
                      style={{ width: 200 }}
                    />
                    {problem && <span style={{ color: '#cf1322' }}>{problem.message}</span>}
                  </Space>
                );
              },
            },
            {
              title: t('indicators.comment'),
              key: 'comment',
              render: (_, row) => (
                <Input
                  aria-label={`${row.indicator} ${t('indicators.comment')}`}
                  disabled={grid.data?.locked}
                  value={edits[keyOf(row)]?.comment ?? row.comment ?? ''}
                  onChange={(event) =>
                    setEdits((all) => ({ ...all, [keyOf(row)]: { ...all[keyOf(row)], comment: event.target.value } }))
                  }
                />
              ),
            },
          ]}
        />
      </div>
      <Space>
        <Button type="primary" onClick={submit} loading={save.isPending} disabled={Object.keys(edits).length === 0}>
          {t('indicators.save')}
        </Button>
      </Space>
      <ImportPanel unit={view.unit} period={view.period} />
    </Space>
  );
}
