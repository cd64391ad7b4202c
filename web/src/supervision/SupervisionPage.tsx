import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Breadcrumb,
  Button,
  Card,
  Col,
  Flex,
  Row,
  Segmented,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, dataOf } from '../api/client.ts';
import { useCan } from '../auth/session-queries.ts';
import { ExportButton } from '../common/ExportButton.tsx';
import { EChart } from '../common/EChart.tsx';
import { useUrlParams } from '../common/use-url-params.ts';
import { COLOUR_HEX } from '../loop/ColourTag.tsx';
import type { Colour, Notice } from '../loop/types.ts';
import { OrgUnitSelect } from '../org/OrgUnitSelect.tsx';
import { TaskDrawer } from '../tasks/TaskDrawer.tsx';
import { InspectionsTab } from './InspectionsTab.tsx';
import { NoticeModal, noticeText } from './supervision-forms.tsx';

const COLOURS: Colour[] = ['red', 'yellow', 'blue', 'green', 'grey'];
type Unit = { code: string; name: string };
type WallRow = { unit: Unit; counts: Record<Colour, number> };
type OverdueRow = {
  id: string;
  title: string;
  deadline: string;
  status: string;
  responsibleLeader: string;
  leadUnit: Unit;
};

function tasksLink(unit: string, colour: Colour) {
  return `/tasks?unit=${encodeURIComponent(unit)}&colour=${colour}`;
}

/** Counts by colour per unit; a count opens those tasks, a row drills down into the unit. */
function WallTable({ title, rows, onDrill }: { title: string; rows: WallRow[]; onDrill: (code: string) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const columns = [
    { title: t('loop.supervision.unit'), value: (row: WallRow) => row.unit.name },
    ...COLOURS.map((colour) => ({ title: t(`loop.colour.${colour}`), value: (row: WallRow) => row.counts[colour] })),
  ];
  if (rows.length === 0) return null;
  return (
    <Card
      size="small"
      title={title}
      extra={<ExportButton name={`${t('loop.supervision.wall')}-${title}`} columns={columns} rows={rows} />}
    >
      <Table<WallRow>
        rowKey={(row) => row.unit.code}
        size="small"
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50 } : false}
        onRow={(row) => ({ onClick: () => onDrill(row.unit.code), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('loop.supervision.unit'), render: (_, row) => row.unit.name },
          ...COLOURS.map((colour) => ({
            title: t(`loop.colour.${colour}`),
            width: 90,
            sorter: (a: WallRow, b: WallRow) => a.counts[colour] - b.counts[colour],
            render: (_: unknown, row: WallRow) =>
              row.counts[colour] > 0 ? (
                <Typography.Link
                  style={{ color: COLOUR_HEX[colour], fontWeight: 600 }}
                  onClick={(event) => {
                    event.stopPropagation();
                    void navigate(tasksLink(row.unit.code, colour));
                  }}
                >
                  {row.counts[colour]}
                </Typography.Link>
              ) : (
                <Typography.Text type="secondary">0</Typography.Text>
              ),
          })),
        ]}
      />
    </Card>
  );
}

/** The wall as stacked bars, one per sub-unit; clicking a bar drills into that unit. */
function WallChart({ rows, onDrill }: { rows: WallRow[]; onDrill: (code: string) => void }) {
  const { t } = useTranslation();
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: {},
      grid: { left: 160, right: 20, top: 30, bottom: 20 },
      yAxis: { type: 'category', data: rows.map((row) => row.unit.name), inverse: true },
      xAxis: { type: 'value' },
      series: COLOURS.map((colour) => ({
        name: t(`loop.colour.${colour}`),
        type: 'bar',
        stack: 'all',
        color: COLOUR_HEX[colour],
        data: rows.map((row) => row.counts[colour]),
      })),
    }),
    [rows, t],
  );
  return (
    <EChart
      name={t('loop.supervision.wall')}
      option={option}
      height={Math.max(200, Math.min(rows.length, 40) * 24 + 60)}
      table={{
        columns: [t('loop.supervision.unit'), ...COLOURS.map((colour) => t(`loop.colour.${colour}`))],
        rows: rows.map((row) => [row.unit.name, ...COLOURS.map((colour) => row.counts[colour])]),
      }}
      onClick={({ dataIndex }) => {
        const row = rows[dataIndex];
        if (row) onDrill(row.unit.code);
      }}
    />
  );
}

function Overdue({ unit, onOpen }: { unit: string; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const overdue = useQuery({
    queryKey: ['supervision', 'overdue', unit],
    queryFn: () => dataOf(api.GET('/api/supervision/overdue', { params: { query: { unit, limit: 500 } } })),
  });
  const rows = overdue.data?.items ?? [];
  const columns = [
    { title: t('loop.task.title'), value: (row: OverdueRow) => row.title },
    { title: t('loop.task.lead'), value: (row: OverdueRow) => row.leadUnit.name },
    { title: t('loop.task.deadline'), value: (row: OverdueRow) => row.deadline },
    { title: t('loop.task.status'), value: (row: OverdueRow) => t(`loop.status.${row.status as 'issued'}`) },
    { title: t('loop.task.leader'), value: (row: OverdueRow) => row.responsibleLeader },
  ];
  return (
    <Flex vertical gap={8}>
      <Space>
        <ExportButton name={t('loop.supervision.overdue')} columns={columns} rows={rows} />
      </Space>
      <Table<OverdueRow>
        rowKey="id"
        size="small"
        loading={overdue.isLoading}
        dataSource={rows}
        onRow={(row) => ({ onClick: () => onOpen(row.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('loop.task.title'), dataIndex: 'title' },
          { title: t('loop.task.lead'), dataIndex: ['leadUnit', 'name'], width: 200 },
          { title: t('loop.task.deadline'), dataIndex: 'deadline', width: 110 },
          {
            title: t('loop.task.status'),
            dataIndex: 'status',
            width: 110,
            render: (status: string) => t(`loop.status.${status as 'issued'}`),
          },
          { title: t('loop.task.leader'), dataIndex: 'responsibleLeader', width: 120 },
        ]}
      />
    </Flex>
  );
}

function Notices({ unit, onOpen }: { unit: string; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const canSupervise = useCan('tasks.supervise');
  const [issuing, setIssuing] = useState(false);
  const [origin, setOrigin] = useState<'all' | Notice['origin']>('all');
  const notices = useQuery({
    queryKey: ['supervision', 'notices', unit],
    queryFn: () => dataOf(api.GET('/api/supervision/notices', { params: { query: { unit, limit: 500 } } })),
  });
  const rows = (notices.data?.items ?? []).filter((notice) => origin === 'all' || notice.origin === origin);
  const columns = [
    { title: t('loop.supervision.issuedOn'), value: (row: Notice) => row.issuedOn },
    { title: t('loop.supervision.kind'), value: (row: Notice) => t(`loop.notice.${row.kind}`) },
    { title: t('loop.supervision.origin'), value: (row: Notice) => t(`loop.supervision.origins.${row.origin}`) },
    { title: t('loop.task.title'), value: (row: Notice) => row.taskTitle },
    { title: t('loop.task.lead'), value: (row: Notice) => row.unit.name },
    { title: t('loop.supervise.noticeBody'), value: (row: Notice) => noticeText(t, row) },
    { title: t('loop.supervise.escalatedTo'), value: (row: Notice) => row.escalatedTo },
    { title: t('loop.supervision.deduction'), value: (row: Notice) => row.deductionPoints },
  ];
  return (
    <Flex vertical gap={8}>
      <Space wrap>
        {canSupervise && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setIssuing(true)}>
            {t('loop.supervise.issueNotice')}
          </Button>
        )}
        <Segmented
          value={origin}
          onChange={setOrigin}
          options={(['all', 'automatic', 'manual'] as const).map((value) => ({
            value,
            label: t(`loop.supervision.origins.${value}`),
          }))}
        />
        <ExportButton name={t('loop.supervision.notices')} columns={columns} rows={rows} />
      </Space>
      <Table<Notice>
        rowKey="id"
        size="small"
        loading={notices.isLoading}
        dataSource={rows}
        onRow={(row) => ({ onClick: () => onOpen(row.taskId), style: { cursor: 'pointer' } })}
        expandable={{ expandedRowRender: (row) => noticeText(t, row), rowExpandable: (row) => row.body.length > 0 }}
        columns={[
          { title: t('loop.supervision.issuedOn'), dataIndex: 'issuedOn', width: 110 },
          {
            title: t('loop.supervision.kind'),
            dataIndex: 'kind',
            width: 120,
            render: (kind: Notice['kind']) => <Tag color="red">{t(`loop.notice.${kind}`)}</Tag>,
          },
          {
            title: t('loop.supervision.origin'),
            dataIndex: 'origin',
            width: 90,
            render: (value: Notice['origin']) => t(`loop.supervision.origins.${value}`),
          },
          { title: t('loop.task.title'), dataIndex: 'taskTitle' },
          { title: t('loop.task.lead'), dataIndex: ['unit', 'name'], width: 180 },
          { title: t('loop.supervise.escalatedTo'), dataIndex: 'escalatedTo', width: 120 },
          { title: t('loop.supervision.deduction'), dataIndex: 'deductionPoints', width: 80 },
        ]}
      />
      <NoticeModal open={issuing} onClose={() => setIssuing(false)} />
    </Flex>
  );
}

/**
 * The supervision centre: the colour wall of a unit (its counties and districts, its departments, the tasks it
 * leads itself), drilling down unit by unit and into the tasks of any count; the overdue list; notices, by
 * hand or automatic; on-site inspections across the tasks. Every table exports to Excel.
 */
export function SupervisionPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const tops = useQuery({
    queryKey: ['org', 'tops'],
    queryFn: () => dataOf(api.GET('/api/org-units', { params: { query: { limit: 10 } } })),
  });
  const [params, setParams] = useUrlParams();
  const current = params.get('unit') ?? tops.data?.items[0]?.code;
  const drill = (code: string | undefined) => setParams({ unit: code });
  // The open task lives in the URL, as on the tasks page, so a link or the back button reopens it.
  const openTask = params.get('task');
  const setOpenTask = (id: string | null) => setParams({ task: id });
  const wall = useQuery({
    queryKey: ['supervision', 'wall', current],
    queryFn: () => dataOf(api.GET('/api/supervision/wall', { params: { query: { unit: current ?? '' } } })),
    enabled: current !== undefined,
  });
  const code = wall.data?.unit.code;
  const ancestors = useQuery({
    queryKey: ['org', 'ancestors', code],
    queryFn: () => dataOf(api.GET('/api/org-units/{code}/ancestors', { params: { path: { code: code ?? '' } } })),
    enabled: code !== undefined,
  });
  const children = useQuery({
    queryKey: ['org', 'children', code],
    queryFn: () => dataOf(api.GET('/api/org-units/{code}/children', { params: { path: { code: code ?? '' } } })),
    enabled: code !== undefined,
  });
  const kinds = new Map((children.data?.items ?? []).map((unit) => [unit.code, unit.kind]));
  const rows = (wall.data?.rows ?? []) as WallRow[];
  const own = rows.filter((row) => row.unit.code === code);
  const departments = rows.filter((row) => row.unit.code !== code && kinds.get(row.unit.code) === 'department');
  const divisions = rows.filter((row) => row.unit.code !== code && kinds.get(row.unit.code) !== 'department');
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} align="center" wrap>
        <OrgUnitSelect
          value={wall.data?.unit.code ?? current}
          known={wall.data ? [wall.data.unit] : []}
          onChange={drill}
          style={{ width: 280 }}
        />
        <Breadcrumb
          items={(ancestors.data?.items ?? []).map((unit) => ({
            key: unit.code,
            title:
              unit.code === code ? (
                unit.name
              ) : (
                <Typography.Link onClick={() => drill(unit.code)}>{unit.name}</Typography.Link>
              ),
          }))}
        />
      </Flex>
      <Row gutter={12}>
        {COLOURS.map((colour) => (
          <Col key={colour} flex={1}>
            <Card
              size="small"
              style={{ borderTop: `4px solid ${COLOUR_HEX[colour]}` }}
              hoverable
              onClick={() => void navigate(tasksLink(code ?? '', colour))}
            >
              <Statistic title={t(`loop.colour.${colour}`)} value={wall.data?.total[colour] ?? 0} />
            </Card>
          </Col>
        ))}
      </Row>
      <Tabs
        items={[
          {
            key: 'wall',
            label: t('loop.supervision.wall'),
            children: (
              <Flex vertical gap={12}>
                {rows.length > 0 && <WallChart rows={[...divisions, ...departments, ...own]} onDrill={drill} />}
                <WallTable title={t('loop.supervision.divisions')} rows={divisions} onDrill={drill} />
                <WallTable title={t('loop.supervision.departments')} rows={departments} onDrill={drill} />
                <WallTable title={t('loop.supervision.ownTasks')} rows={own} onDrill={drill} />
              </Flex>
            ),
          },
          {
            key: 'overdue',
            label: t('loop.supervision.overdue'),
            children: code && <Overdue unit={code} onOpen={setOpenTask} />,
          },
          {
            key: 'notices',
            label: t('loop.supervision.notices'),
            children: code && <Notices unit={code} onOpen={setOpenTask} />,
          },
          {
            key: 'inspections',
            label: t('loop.supervision.inspections'),
            children: code && <InspectionsTab unit={code} onOpen={setOpenTask} />,
          },
        ]}
      />
      <TaskDrawer id={openTask} onClose={() => setOpenTask(null)} />
    </Flex>
  );
}
