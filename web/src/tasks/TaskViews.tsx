import { useQuery } from '@tanstack/react-query';
import { Badge, Card, Col, Empty, Flex, Row, Table, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { COLOUR_HEX, ColourTag } from '../loop/ColourTag.tsx';
import type { ExportColumn } from '../common/export-excel.ts';
import type { TaskListItem } from '../loop/types.ts';
import { taskQuery } from './task-queries.ts';

type ViewProps = { items: TaskListItem[]; onOpen: (id: string) => void };

export function useTaskColumns(): ExportColumn<TaskListItem>[] {
  const { t } = useTranslation();
  return [
    { title: t('loop.task.title'), value: (row) => row.title },
    { title: t('loop.task.status'), value: (row) => t(`loop.status.${row.status}`) },
    { title: t('loop.task.colour'), value: (row) => (row.colour ? t(`loop.colour.${row.colour}`) : '') },
    { title: t('loop.task.lead'), value: (row) => row.leadUnit.name },
    { title: t('loop.task.leader'), value: (row) => row.responsibleLeader },
    { title: t('loop.task.deadline'), value: (row) => row.deadline },
    { title: t('loop.task.pace'), value: (row) => `${row.reportedPercent}% / ${row.plannedPercent}%` },
  ];
}

export function TaskTable({
  items,
  onOpen,
  loading,
  pagination,
}: ViewProps & { loading: boolean; pagination: object }) {
  const { t } = useTranslation();
  return (
    <Table<TaskListItem>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={items}
      pagination={pagination}
      onRow={(row) => ({ onClick: () => onOpen(row.id), style: { cursor: 'pointer' } })}
      columns={[
        { title: t('loop.task.title'), dataIndex: 'title' },
        {
          title: t('loop.task.colour'),
          dataIndex: 'colour',
          width: 90,
          render: (colour) => <ColourTag colour={colour} />,
        },
        {
          title: t('loop.task.status'),
          dataIndex: 'status',
          width: 110,
          render: (status: TaskListItem['status']) => t(`loop.status.${status}`),
        },
        { title: t('loop.task.lead'), dataIndex: ['leadUnit', 'name'], width: 200 },
        { title: t('loop.task.leader'), dataIndex: 'responsibleLeader', width: 110 },
        { title: t('loop.task.deadline'), dataIndex: 'deadline', width: 110 },
      ]}
    />
  );
}

const BOARD_COLUMNS = [
  'draft',
  'issued',
  'acknowledged',
  'in_progress',
  'extension_requested',
  'completion_reported',
  'returned',
  'closed',
] as const;

/** A kanban of the page's tasks by status. */
export function TaskBoard({ items, onOpen }: ViewProps) {
  const { t } = useTranslation();
  return (
    <Row gutter={8} wrap={false} style={{ overflowX: 'auto' }}>
      {BOARD_COLUMNS.map((status) => (
        <Col key={status} flex="220px">
          <Typography.Title level={5}>
            {t(`loop.status.${status}`)}{' '}
            <Badge count={items.filter((item) => item.status === status).length} showZero color="#8b8d98" />
          </Typography.Title>
          <Flex vertical gap={6}>
            {items
              .filter((item) => item.status === status)
              .map((item) => (
                <Card
                  key={item.id}
                  size="small"
                  hoverable
                  onClick={() => onOpen(item.id)}
                  style={{ borderLeft: `4px solid ${item.colour ? COLOUR_HEX[item.colour] : '#ddd'}` }}
                >
                  <Typography.Text ellipsis={{ tooltip: item.title }}>{item.title}</Typography.Text>
                  <div>
                    <Typography.Text type="secondary">{item.deadline}</Typography.Text>
                  </div>
                </Card>
              ))}
          </Flex>
        </Col>
      ))}
    </Row>
  );
}

type Span = { start: dayjs.Dayjs; days: number };

/** Where a day falls on the shared scale, as a CSS left offset. */
function at(span: Span, day: string | dayjs.Dayjs): string {
  return `${(dayjs(day).diff(span.start, 'day') / span.days) * 100}%`;
}

/**
 * One task's bar from start to deadline, filled to the reported progress in its colour, with its milestones
 * as diamonds (read from the task's detail, fetched only for the rows on screen) and today as a line.
 */
function TimelineBar({ item, span }: { item: TaskListItem; span: Span }) {
  const { data } = useQuery(taskQuery(item.id));
  const width = Math.max(0.005, dayjs(item.deadline).diff(dayjs(item.startOn), 'day') / span.days);
  return (
    <div style={{ position: 'relative', height: 18, background: '#f3f4f6' }}>
      <Tooltip title={`${item.startOn} → ${item.deadline} · ${item.reportedPercent}% / ${item.plannedPercent}%`}>
        <div
          style={{
            position: 'absolute',
            left: at(span, item.startOn),
            width: `${width * 100}%`,
            top: 3,
            bottom: 3,
            background: '#e5e7eb',
          }}
        >
          <div
            style={{
              width: `${item.reportedPercent}%`,
              height: '100%',
              background: item.colour ? COLOUR_HEX[item.colour] : '#bbb',
            }}
          />
        </div>
      </Tooltip>
      {(data?.milestones ?? []).map((milestone, index) => (
        <Tooltip key={index} title={`${milestone.dueOn} · ${milestone.title} (${milestone.weight})`}>
          <div
            aria-label={milestone.title}
            style={{
              position: 'absolute',
              left: at(span, milestone.dueOn),
              top: 3,
              width: 10,
              height: 10,
              marginLeft: -5,
              transform: 'rotate(45deg)',
              background: '#111827',
              border: '1px solid #fff',
            }}
          />
        </Tooltip>
      ))}
      <div
        style={{ position: 'absolute', left: at(span, dayjs()), top: -2, bottom: -2, width: 2, background: '#dc2626' }}
      />
    </div>
  );
}

/** A Gantt-like view: one bar per task on a shared time scale, milestones marked, paged like the list. */
export function TaskTimeline({ items, onOpen, pagination }: ViewProps & { pagination: object }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Empty />;
  const first = items.reduce((min, item) => (item.startOn < min ? item.startOn : min), items[0]?.startOn ?? '');
  const last = items.reduce((max, item) => (item.deadline > max ? item.deadline : max), items[0]?.deadline ?? '');
  const span = { start: dayjs(first), days: Math.max(1, dayjs(last).diff(dayjs(first), 'day')) };
  return (
    <Table<TaskListItem>
      rowKey="id"
      size="small"
      dataSource={items}
      pagination={pagination}
      onRow={(row) => ({ onClick: () => onOpen(row.id), style: { cursor: 'pointer' } })}
      columns={[
        { title: t('loop.task.title'), dataIndex: 'title', width: 280, ellipsis: true },
        {
          title: (
            <Flex justify="space-between">
              <span>{first}</span>
              <span>{t('loop.tasks.timelineLegend')}</span>
              <span>{last}</span>
            </Flex>
          ),
          render: (_, item) => <TimelineBar item={item} span={span} />,
        },
      ]}
    />
  );
}
