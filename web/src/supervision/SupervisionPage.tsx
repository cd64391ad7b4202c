import { useQuery } from '@tanstack/react-query';
import { Card, Col, Flex, Input, Row, Statistic, Table, Tabs, Tag } from 'antd';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api, dataOf } from '../api/client.ts';
import { COLOUR_HEX } from '../loop/ColourTag.tsx';
import { ExportButton } from '../common/ExportButton.tsx';
import type { Colour, Notice } from '../loop/types.ts';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const COLOURS: Colour[] = ['red', 'yellow', 'blue', 'green', 'grey'];
type WallRow = { unit: { code: string; name: string }; counts: Record<Colour, number> };

function WallChart({ rows }: { rows: WallRow[] }) {
  const { t } = useTranslation();
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current);
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: {},
      grid: { left: 140, right: 20, top: 30, bottom: 20 },
      yAxis: { type: 'category', data: rows.map((row) => row.unit.name), inverse: true },
      xAxis: { type: 'value' },
      series: COLOURS.map((colour) => ({
        name: t(`loop.colour.${colour}`),
        type: 'bar',
        stack: 'all',
        color: COLOUR_HEX[colour],
        data: rows.map((row) => row.counts[colour]),
      })),
    });
    return () => chart.dispose();
  }, [rows, t]);
  return <div ref={element} style={{ height: Math.max(200, rows.length * 28 + 60) }} />;
}

export function SupervisionPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const tops = useQuery({
    queryKey: ['org', 'tops'],
    queryFn: () => dataOf(api.GET('/api/org-units', { params: { query: { limit: 10 } } })),
  });
  const [params] = useSearchParams();
  const [unit, setUnit] = useState<string | undefined>(params.get('unit') ?? undefined);
  const current = unit ?? tops.data?.items[0]?.code;
  const wall = useQuery({
    queryKey: ['supervision', 'wall', current],
    queryFn: () => dataOf(api.GET('/api/supervision/wall', { params: { query: { unit: current ?? '' } } })),
    enabled: current !== undefined,
  });
  const overdue = useQuery({
    queryKey: ['supervision', 'overdue', current],
    queryFn: () =>
      dataOf(api.GET('/api/supervision/overdue', { params: { query: { unit: current ?? '', limit: 200 } } })),
    enabled: current !== undefined,
  });
  const notices = useQuery({
    queryKey: ['supervision', 'notices', current],
    queryFn: () =>
      dataOf(api.GET('/api/supervision/notices', { params: { query: { unit: current ?? '', limit: 200 } } })),
    enabled: current !== undefined,
  });
  const rows = (wall.data?.rows ?? []) as WallRow[];
  const wallColumns = [
    { title: t('loop.supervision.unit'), value: (row: WallRow) => row.unit.name },
    ...COLOURS.map((colour) => ({ title: t(`loop.colour.${colour}`), value: (row: WallRow) => row.counts[colour] })),
  ];
  const noticeColumns = [
    { title: t('loop.supervision.issuedOn'), value: (row: Notice) => row.issuedOn },
    { title: t('loop.supervision.kind'), value: (row: Notice) => t(`loop.notice.${row.kind}`) },
    { title: t('loop.task.title'), value: (row: Notice) => row.taskTitle },
    { title: t('loop.task.lead'), value: (row: Notice) => row.unit.name },
    { title: t('loop.supervision.deduction'), value: (row: Notice) => row.deductionPoints },
  ];
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} align="center">
        <Input.Search
          placeholder={t('loop.tasks.unit')}
          onSearch={(value) => setUnit(value || undefined)}
          style={{ width: 220 }}
        />
        <Tag>{wall.data?.unit.name}</Tag>
      </Flex>
      <Row gutter={12}>
        {COLOURS.map((colour) => (
          <Col key={colour} flex={1}>
            <Card
              size="small"
              style={{ borderTop: `4px solid ${COLOUR_HEX[colour]}` }}
              hoverable
              onClick={() => void navigate(`/tasks?unit=${current ?? ''}&colour=${colour}`)}
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
              <Flex vertical gap={8}>
                <ExportButton name={t('loop.supervision.wall')} columns={wallColumns} rows={rows} />
                <WallChart rows={rows} />
                <Table<WallRow>
                  rowKey={(row) => row.unit.code}
                  size="small"
                  dataSource={rows}
                  pagination={false}
                  onRow={(row) => ({ onClick: () => setUnit(row.unit.code), style: { cursor: 'pointer' } })}
                  columns={[
                    { title: t('loop.supervision.unit'), render: (_, row) => row.unit.name },
                    ...COLOURS.map((colour) => ({
                      title: t(`loop.colour.${colour}`),
                      render: (_: unknown, row: WallRow) => row.counts[colour],
                    })),
                  ]}
                />
              </Flex>
            ),
          },
          {
            key: 'overdue',
            label: t('loop.supervision.overdue'),
            children: (
              <Table
                rowKey="id"
                size="small"
                dataSource={overdue.data?.items ?? []}
                onRow={(row) => ({
                  onClick: () => void navigate(`/tasks?task=${row.id}`),
                  style: { cursor: 'pointer' },
                })}
                columns={[
                  { title: t('loop.task.title'), dataIndex: 'title' },
                  { title: t('loop.task.lead'), dataIndex: ['leadUnit', 'name'] },
                  { title: t('loop.task.deadline'), dataIndex: 'deadline' },
                  { title: t('loop.task.leader'), dataIndex: 'responsibleLeader' },
                ]}
              />
            ),
          },
          {
            key: 'notices',
            label: t('loop.supervision.notices'),
            children: (
              <Flex vertical gap={8}>
                <ExportButton
                  name={t('loop.supervision.notices')}
                  columns={noticeColumns}
                  rows={notices.data?.items ?? []}
                />
                <Table<Notice>
                  rowKey="id"
                  size="small"
                  dataSource={notices.data?.items ?? []}
                  columns={[
                    { title: t('loop.supervision.issuedOn'), dataIndex: 'issuedOn', width: 110 },
                    {
                      title: t('loop.supervision.kind'),
                      dataIndex: 'kind',
                      width: 120,
                      render: (kind: Notice['kind']) => <Tag color="red">{t(`loop.notice.${kind}`)}</Tag>,
                    },
                    { title: t('loop.task.title'), dataIndex: 'taskTitle' },
                    { title: t('loop.task.lead'), dataIndex: ['unit', 'name'], width: 180 },
                    { title: t('loop.supervision.deduction'), dataIndex: 'deductionPoints', width: 90 },
                  ]}
                />
              </Flex>
            ),
          },
        ]}
      />
    </Flex>
  );
}
