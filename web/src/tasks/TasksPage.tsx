import { useQuery } from '@tanstack/react-query';
import { DatePicker, Flex, Input, Segmented, Select, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ExportButton } from '../common/ExportButton.tsx';
import type { Colour, TaskQuery } from '../loop/types.ts';
import { TaskDrawer } from './TaskDrawer.tsx';
import { tasksQuery } from './task-queries.ts';
import { TaskBoard, TaskTable, TaskTimeline, useTaskColumns } from './TaskViews.tsx';

const COLOURS: Colour[] = ['red', 'yellow', 'blue', 'green', 'grey'];
type View = 'list' | 'board' | 'timeline';
/** "My work": what waits on the units in my scope, by the part they play. */
const MY_WORK = {
  acknowledge: { involvement: 'lead', status: 'issued' },
  report: { involvement: 'lead', status: 'in_progress' },
  review: { involvement: 'supervisor', status: 'completion_reported' },
} as const;

export function TasksPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [view, setView] = useState<View>('list');
  const [tab, setTab] = useState<'all' | keyof typeof MY_WORK>('all');
  const [page, setPage] = useState(1);
  const filter: TaskQuery = {
    page,
    pageSize: view === 'list' ? 50 : 200,
    ...(params.get('unit') ? { unit: params.get('unit') ?? '' } : {}),
    ...(params.get('colour') ? { colour: params.get('colour') as Colour } : {}),
    ...(params.get('leader') ? { leader: params.get('leader') ?? '' } : {}),
    ...(params.get('from') ? { deadlineFrom: params.get('from') ?? '' } : {}),
    ...(params.get('to') ? { deadlineTo: params.get('to') ?? '' } : {}),
    ...(tab === 'all' ? {} : MY_WORK[tab]),
  };
  const { data, isFetching } = useQuery(tasksQuery(filter));
  const [open, setOpen] = useState<string | null>(params.get('task'));
  const columns = useTaskColumns();
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
    setPage(1);
  };
  const items = data?.items ?? [];
  return (
    <Flex vertical gap={12}>
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as typeof tab)}
        items={[
          { key: 'all', label: t('loop.tasks.all') },
          { key: 'acknowledge', label: t('loop.tasks.toAcknowledge') },
          { key: 'report', label: t('loop.tasks.toReport') },
          { key: 'review', label: t('loop.tasks.toReview') },
        ]}
      />
      <Flex gap={8} wrap align="center">
        <Select
          allowClear
          placeholder={t('loop.task.colour')}
          style={{ width: 120 }}
          value={params.get('colour') ?? undefined}
          onChange={(value) => set('colour', value)}
          options={COLOURS.map((c) => ({ value: c, label: t(`loop.colour.${c}`) }))}
        />
        <Input.Search
          allowClear
          placeholder={t('loop.tasks.unit')}
          defaultValue={params.get('unit') ?? ''}
          onSearch={(value) => set('unit', value)}
          style={{ width: 180 }}
        />
        <Input.Search
          allowClear
          placeholder={t('loop.task.leader')}
          defaultValue={params.get('leader') ?? ''}
          onSearch={(value) => set('leader', value)}
          style={{ width: 160 }}
        />
        <DatePicker.RangePicker
          placeholder={[t('loop.tasks.deadlineFrom'), t('loop.tasks.deadlineTo')]}
          onChange={(range) => {
            const next = new URLSearchParams(params);
            for (const [key, day] of [
              ['from', range?.[0]],
              ['to', range?.[1]],
            ] as const) {
              if (day) next.set(key, day.format('YYYY-MM-DD'));
              else next.delete(key);
            }
            setParams(next);
          }}
        />
        <Segmented<View>
          value={view}
          onChange={setView}
          options={(['list', 'board', 'timeline'] as const).map((v) => ({
            value: v,
            label: t(`loop.tasks.views.${v}`),
          }))}
        />
        <ExportButton name={t('nav.tasks')} columns={columns} rows={items} />
      </Flex>
      {view === 'list' && (
        <TaskTable
          items={items}
          onOpen={setOpen}
          loading={isFetching}
          pagination={{
            current: page,
            pageSize: 50,
            total: data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
          }}
        />
      )}
      {view === 'board' && <TaskBoard items={items} onOpen={setOpen} />}
      {view === 'timeline' && <TaskTimeline items={items} onOpen={setOpen} />}
      <TaskDrawer id={open} onClose={() => setOpen(null)} />
    </Flex>
  );
}
