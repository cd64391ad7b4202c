import { HistoryOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Alert, Button, Input, InputNumber, type InputRef, Space, Table, Tag, Typography } from 'antd';
import { type KeyboardEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error.ts';
import { useCan } from '../auth/session-queries.ts';
import { FormErrorAlert } from '../forms/FormErrorAlert.tsx';
import { type CellProblems, type Column, type Edit, problemsByCell, valuesToSend } from './entry-grid.ts';
import { ExceptionButton } from './ExceptionButton.tsx';
import { gridQuery, useCheckValues, useSaveValues } from './indicator-queries.ts';
import { ImportPanel } from './ImportPanel.tsx';
import type { IndicatorView } from './use-indicator-view.ts';
import { ValueHistoryDrawer } from './ValueHistoryDrawer.tsx';

/** Caret at the start or end of an input: only then do ← and → leave the cell, as in a spreadsheet. */
const caretAt = (input: HTMLInputElement, end: 'start' | 'end') =>
  input.selectionStart === input.selectionEnd && input.selectionStart === (end === 'start' ? 0 : input.value.length);

/**
 * The entry grid of a unit and period, keyboard-first like a spreadsheet: Enter or ↓ moves down, ↑ up, → from
 * a value's end to its comment and ← back; Ctrl+S saves. Each change is checked by the server as a dry run
 * when the cell is left (typed values, bounds, rules, outliers needing a comment) and the problem shows under
 * the cell. Only changed cells are sent, each with the version it was read at.
 */
export function EntryTab({ view }: { view: IndicatorView }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const grid = useQuery(gridQuery({ unit: view.unit, period: view.period }));
  const save = useSaveValues();
  const check = useCheckValues();
  const canGrant = useCan('indicators.approve');
  const [edits, setEdits] = useState<Record<string, Edit>>({});
  const [problems, setProblems] = useState<CellProblems>({});
  const [historyOpen, setHistoryOpen] = useState(false);
  const cells = useRef(new Map<string, HTMLInputElement | InputRef | null>());
  const lastChecked = useRef('');
  const rows = grid.data?.rows ?? [];
  const keyOf = (row: (typeof rows)[number]) => `${row.indicator}|${row.category}`;
  const locked = grid.data?.locked ?? false;
  const conflict = isApiError(save.error, 'VERSION_CONFLICT') ? save.error : undefined;

  const edit = (row: (typeof rows)[number], change: Edit) =>
    setEdits((all) => ({ ...all, [keyOf(row)]: { ...all[keyOf(row)], ...change } }));

  /** Sends the changed cells (a dry run unless saving) and puts each problem under its cell. */
  const send = (dryRun: boolean) => {
    const values = valuesToSend(rows, edits);
    if (values.length === 0) return setProblems({});
    const body = { unit: view.unit, period: view.period, dryRun, values: values.map((v) => v.value) };
    const keys = values.map((v) => v.key);
    const onError = (failure: Error) => setProblems(problemsByCell(failure, keys));
    if (dryRun) {
      // Moving between the cells of a row changes nothing: the same values need no second check.
      const fingerprint = JSON.stringify(body);
      if (fingerprint === lastChecked.current) return;
      lastChecked.current = fingerprint;
      check.mutate(body, { onSuccess: () => setProblems({}), onError });
      return;
    }
    save.mutate(body, {
      onSuccess: (result) => {
        setEdits({});
        setProblems({});
        void message.success(t('indicators.saved', { count: result.changed }));
      },
      onError,
    });
  };

  const focus = (index: number, column: Column) => cells.current.get(`${index}:${column}`)?.focus();
  const onCellKey = (event: KeyboardEvent<HTMLInputElement>, index: number, column: Column) => {
    const input = event.currentTarget;
    if (event.key === 'Enter' || event.key === 'ArrowDown') focus(index + 1, column);
    else if (event.key === 'ArrowUp') focus(index - 1, column);
    else if (event.key === 'ArrowRight' && column === 'value' && caretAt(input, 'end')) focus(index, 'comment');
    else if (event.key === 'ArrowLeft' && column === 'comment' && caretAt(input, 'start')) focus(index, 'value');
    else return;
    event.preventDefault();
  };
  const register = (index: number, column: Column) => (element: HTMLInputElement | InputRef | null) => {
    cells.current.set(`${index}:${column}`, element);
  };
  const problemText = (text: string | undefined) =>
    text && (
      <Typography.Text type="danger" style={{ fontSize: 12 }}>
        {text}
      </Typography.Text>
    );

  const window = grid.data?.window;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {grid.data && window && (
        <Space wrap data-testid="entry-window">
          {locked && <Tag color="blue">{t('indicators.locked')}</Tag>}
          <Tag color={window.open ? 'green' : 'red'}>
            {window.open
              ? t('indicators.windowOpen', { from: window.opensOn, to: window.closesOn })
              : t('indicators.windowClosed', { to: window.closesOn })}
          </Tag>
          {window.exception && <Tag color="orange">{t('indicators.exceptionActive')}</Tag>}
          {canGrant && !window.open && !locked && (
            <ExceptionButton unit={view.unit} period={view.period} indicators={rows.map((r) => r.indicator)} />
          )}
        </Space>
      )}
      {grid.isError && <Alert type="error" showIcon title={grid.error.message} />}
      <FormErrorAlert
        error={conflict ?? (isApiError(save.error) && Object.keys(problems).length === 0 ? save.error : undefined)}
        onReload={() => {
          setEdits({});
          setProblems({});
          save.reset();
          void grid.refetch();
        }}
      />
      {Object.keys(problems).length > 0 && (
        <Alert type="warning" showIcon title={t('indicators.cellProblems', { count: Object.keys(problems).length })} />
      )}
      <div
        onKeyDown={(event) => {
          if ((event.ctrlKey || event.metaKey) && event.key === 's') {
            event.preventDefault();
            send(false);
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
                const edit_ = edits[keyOf(row)];
                const problem = problems[keyOf(row)]?.value;
                return (
                  <Space direction="vertical" size={0}>
                    <InputNumber
                      ref={register(index, 'value')}
                      aria-label={`${row.indicator} ${row.category}`}
                      data-testid={`value-${row.indicator}`}
                      disabled={locked}
                      keyboard={false}
                      value={edit_?.value !== undefined ? edit_.value : row.value}
                      status={problem ? 'error' : undefined}
                      addonAfter={row.measureUnit || undefined}
                      onChange={(value) => edit(row, { value: value as number | null })}
                      onBlur={() => edit_ && send(true)}
                      onKeyDown={(event) => onCellKey(event, index, 'value')}
                      style={{ width: 200 }}
                    />
                    {problemText(problem)}
                  </Space>
                );
              },
            },
            {
              title: t('indicators.comment'),
              key: 'comment',
              render: (_, row, index) => {
                const problem = problems[keyOf(row)]?.comment;
                return (
                  <Space direction="vertical" size={0} style={{ width: '100%' }}>
                    <Input
                      ref={register(index, 'comment')}
                      aria-label={`${row.indicator} ${t('indicators.comment')}`}
                      data-testid={`comment-${row.indicator}`}
                      disabled={locked}
                      status={problem ? 'error' : undefined}
                      value={edits[keyOf(row)]?.comment ?? row.comment ?? ''}
                      onChange={(event) => edit(row, { comment: event.target.value })}
                      onBlur={() => edits[keyOf(row)] && send(true)}
                      onKeyDown={(event) => onCellKey(event, index, 'comment')}
                    />
                    {problemText(problem)}
                  </Space>
                );
              },
            },
          ]}
        />
      </div>
      <Space>
        <Button
          type="primary"
          onClick={() => send(false)}
          loading={save.isPending}
          disabled={locked || valuesToSend(rows, edits).length === 0}
        >
          {t('indicators.save')}
        </Button>
        <Button icon={<HistoryOutlined />} onClick={() => setHistoryOpen(true)}>
          {t('indicators.historyButton')}
        </Button>
        {check.isPending && <Typography.Text type="secondary">{t('indicators.checking')}</Typography.Text>}
      </Space>
      <ValueHistoryDrawer
        unit={view.unit}
        unitName={grid.data?.unitName ?? view.unit}
        period={view.period}
        open={historyOpen}
        onClose={() => setHistoryOpen(false)}
      />
      <ImportPanel unit={view.unit} period={view.period} />
    </Space>
  );
}
