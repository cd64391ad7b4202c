import { Card, Col, Flex, Row, Table, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { COLOUR_HEX, ColourTag } from '../loop/ColourTag.tsx';
import type { ExportColumn } from '../common/export-excel.ts';
import type { TaskListItem } from '../loop/types.ts';

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
          <Typography.Title level={5}>{t(`loop.status.${status}`)}</Typography.Title>
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

/** A Gantt-like strip per task from start to deadline, filled to the reported progress, with today marked. */
export function TaskTimeline({ items, onOpen }: ViewProps) {
  if (items.length === 0) return null;
  const start = dayjs(items.reduce((min, item) => (item.startOn < min ? item.startOn : min), items[0]?.startOn ?? ''));
  const end = dayjs(items.reduce((max, item) => (item.deadline > max ? item.deadline : max), items[0]?.deadline ?? ''));
  const span = Math.max(1, end.diff(start, 'day'));
  const at = (day: string | dayjs.Dayjs) => `${(dayjs(day).diff(start, 'day') / span) * 100}%`;
  return (
    <Flex vertical gap={4}>
      {items.map((item) => {
        const left = dayjs(item.startOn).diff(start, 'day') / span;
        const width = Math.max(0.01, dayjs(item.deadline).diff(dayjs(item.startOn), 'day') / span);
        return (
          <Flex key={item.id} align="center" gap={8} onClick={() => onOpen(item.id)} style={{ cursor: 'pointer' }}>
            <Typography.Text ellipsis style={{ width: 280, flex: 'none' }}>
              {item.title}
            </Typography.Text>
            <div style={{ position: 'relative', flex: 1, height: 14, background: '#f3f4f6' }}>
              <Tooltip title={`${item.startOn} → ${item.deadline} · ${item.reportedPercent}%`}>
                <div
                  style={{
                    position: 'absolute',
                    left: `${left * 100}%`,
                    width: `${width * 100}%`,
                    height: '100%',
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
              <div
                style={{ position: 'absolute', left: at(dayjs()), top: -2, bottom: -2, width: 2, background: '#111' }}
              />
            </div>
          </Flex>
        );
      })}
    </Flex>
  );
}
