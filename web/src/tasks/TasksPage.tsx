import { PlusOutlined } from '@ant-design/icons';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Badge, Button, DatePicker, Flex, Segmented, Select, Tabs } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../auth/session-queries.ts';
import { ExportButton } from '../common/ExportButton.tsx';
import { useUrlParams } from '../common/use-url-params.ts';
import type { Colour, TaskListItem, TaskQuery } from '../loop/types.ts';
import { OrgUnitSelect } from '../org/OrgUnitSelect.tsx';
import { FilterSearch } from './FilterSearch.tsx';
import { TaskDrawer } from './TaskDrawer.tsx';
import { TaskFormModal } from './TaskForm.tsx';
import { tasksQuery } from './task-queries.ts';
import { TaskBoard, TaskTable, TaskTimeline, useTaskColumns } from './TaskViews.tsx';

const COLOURS: Colour[] = ['red', 'yellow', 'blue', 'green', 'grey'];
type View = 'list' | 'board' | 'timeline';

/**
 * "My work": what waits on the units in my scope, by the part they play. Each list is the union of a few
 * server queries (one per status), since a task waits to be reported on in three statuses.
 */
const MY_WORK = {
  acknowledge: [{ involvement: 'lead', status: 'issued' }],
  report: [
    { involvement: 'lead', status: 'acknowledged' },
    { involvement: 'lead', status: 'in_progress' },
    { involvement: 'lead', status: 'returned' },
    { involvement: 'cooperating', status: 'in_progress' },
  ],
  review: [
    { involvement: 'supervisor', status: 'completion_reported' },
    { involvement: 'supervisor', status: 'extension_requested' },
  ],
} as const satisfies Record<string, readonly Pick<TaskQuery, 'involvement' | 'status'>[]>;
type WorkList = keyof typeof MY_WORK;
const WORK_LISTS = Object.keys(MY_WORK) as WorkList[];
/** Enough for any unit's waiting work; more would be a backlog for the full list and its filters. */
const WORK_PAGE = 200;

function byDeadline(items: readonly TaskListItem[]): TaskListItem[] {
  const unique = new Map(items.map((item) => [item.id, item]));
  return [...unique.values()].sort((a, b) => a.deadline.localeCompare(b.deadline) || a.id.localeCompare(b.id));
}

/** The URL's filters as the task list takes them, so a filtered view can be linked to (e.g. from the wall). */
function filterOf(params: URLSearchParams): TaskQuery {
  const text = (key: string) => params.get(key) ?? undefined;
  return {
    ...(text('unit') ? { unit: text('unit') } : {}),
    ...(text('colour') ? { colour: text('colour') as Colour } : {}),
    ...(text('leader') ? { leader: text('leader') } : {}),
    ...(text('q') ? { q: text('q') } : {}),
    ...(text('from') ? { deadlineFrom: text('from') } : {}),
    ...(text('to') ? { deadlineTo: text('to') } : {}),
  };
}

export function TasksPage() {
  const { t } = useTranslation();
  const [params, setParams] = useUrlParams();
  const canIssue = useCan('tasks.issue');
  const [view, setView] = useState<View>('list');
  const [tab, setTab] = useState<'all' | WorkList>('all');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const filter = filterOf(params);
  const pageSize = view === 'board' ? 200 : 50;
  const all = useQuery({ ...tasksQuery({ ...filter, page, pageSize }), enabled: tab === 'all' });
  const work = useQueries({
    queries: WORK_LISTS.flatMap((list) =>
      MY_WORK[list].map((part) => tasksQuery({ ...filter, ...part, page: 1, pageSize: WORK_PAGE })),
    ),
  });
  const workOf = (list: WorkList) => {
    const offset = WORK_LISTS.slice(0, WORK_LISTS.indexOf(list)).reduce((n, l) => n + MY_WORK[l].length, 0);
    return byDeadline(work.slice(offset, offset + MY_WORK[list].length).flatMap((q) => q.data?.items ?? []));
  };
  const items = tab === 'all' ? (all.data?.items ?? []) : workOf(tab);
  const loading = tab === 'all' ? all.isFetching : work.some((q) => q.isFetching);
  // The open task lives in the URL, so a notification or another page can open it here.
  const open = params.get('task');
  const setOpen = (id: string | null) => setParams({ task: id });
  const columns = useTaskColumns();
  const set = (changes: Record<string, string | undefined>) => {
    setParams(changes);
    setPage(1);
  };
  const pagination =
    tab === 'all'
      ? { current: page, pageSize, total: all.data?.total ?? 0, onChange: setPage, showSizeChanger: false }
      : { pageSize: 50, showSizeChanger: false };
  return (
    <Flex vertical gap={12}>
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          setTab(key as typeof tab);
          setPage(1);
        }}
        tabBarExtraContent={
          canIssue && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('loop.taskForm.new')}
            </Button>
          )
        }
        items={[
          { key: 'all', label: t('loop.tasks.all') },
          ...WORK_LISTS.map((list) => ({
            key: list,
            label: (
              <Badge count={workOf(list).length} size="small" offset={[10, -2]} overflowCount={WORK_PAGE - 1}>
                {t(`loop.tasks.my.${list}`)}
              </Badge>
            ),
          })),
        ]}
      />
      <Flex gap={8} wrap align="center">
        <Select
          allowClear
          placeholder={t('loop.task.colour')}
          style={{ width: 120 }}
          value={params.get('colour') ?? undefined}
          onChange={(value) => set({ colour: value })}
          options={COLOURS.map((c) => ({ value: c, label: t(`loop.colour.${c}`) }))}
        />
        <OrgUnitSelect
          placeholder={t('loop.tasks.unit')}
          value={params.get('unit') ?? undefined}
          onChange={(code) => set({ unit: code })}
          style={{ width: 240 }}
        />
        <FilterSearch
          placeholder={t('loop.task.leader')}
          value={params.get('leader') ?? ''}
          onSearch={(value) => set({ leader: value })}
          width={150}
        />
        <FilterSearch
          placeholder={t('loop.tasks.search')}
          value={params.get('q') ?? ''}
          onSearch={(value) => set({ q: value })}
          width={180}
        />
        <DatePicker.RangePicker
          placeholder={[t('loop.tasks.deadlineFrom'), t('loop.tasks.deadlineTo')]}
          value={[
            params.get('from') ? dayjs(params.get('from')) : null,
            params.get('to') ? dayjs(params.get('to')) : null,
          ]}
          onChange={(range) => set({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
        />
        <Segmented<View>
          value={view}
          onChange={(next) => {
            setView(next);
            setPage(1);
          }}
          options={(['list', 'board', 'timeline'] as const).map((v) => ({
            value: v,
            label: t(`loop.tasks.views.${v}`),
          }))}
        />
        <ExportButton name={t('nav.tasks')} columns={columns} rows={items} />
      </Flex>
      {view === 'list' && <TaskTable items={items} onOpen={setOpen} loading={loading} pagination={pagination} />}
      {view === 'board' && <TaskBoard items={items} onOpen={setOpen} />}
      {view === 'timeline' && <TaskTimeline items={items} onOpen={setOpen} pagination={pagination} />}
      <TaskDrawer id={open} onClose={() => setOpen(null)} />
      <TaskFormModal open={creating} onClose={() => setCreating(false)} onSaved={setOpen} />
    </Flex>
  );
}
