import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Drawer, Flex, Input, Select, Table, Tabs, Tag, Tree, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, dataOf } from '../api/client.ts';
import { ExportButton } from '../common/ExportButton.tsx';
import type { AssessmentRun, AssessmentScheme, Exemption } from '../loop/types.ts';
import { ExemptionApplication } from './ExemptionApplication.tsx';
import { SchemeEditor } from './SchemeEditor.tsx';

type RankingRow = AssessmentRun['ranking'][number];
type Line = { source: string; sourceId: string; points: number; exemptionIds?: string[]; exemptedPoints?: number };
type Item = {
  code: string;
  kind: 'timeliness' | 'attainment' | 'deduction' | 'bonus' | 'entered' | 'veto';
  worth: number;
  points: number;
  contributions: Line[];
  quarters: { quarter: number; weightPercent: number; weightedPoints: number }[];
};
type Breakdown = {
  total: number;
  totalBeforeVeto: number;
  grade: string;
  categories: { code: string; worth: number; points: number; items: Item[] }[];
};

/** Categories → items → the records behind each point, exemptions marked. */
function BreakdownDrawer({ runId, unit, onClose }: { runId: string; unit: RankingRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { data } = useQuery({
    queryKey: ['assessment', 'breakdown', runId, unit?.unit.code],
    queryFn: () =>
      dataOf(
        api.GET('/api/assessment/runs/{runId}/units/{code}', {
          params: { path: { runId, code: unit?.unit.code ?? '' } },
        }),
      ),
    enabled: unit !== null,
  });
  const breakdown = data as unknown as Breakdown | undefined;
  return (
    <Drawer open={unit !== null} onClose={onClose} size="large" title={unit ? `${unit.unit.name} · ${unit.total}` : ''}>
      {breakdown && (
        <Tree
          defaultExpandAll
          selectable={false}
          treeData={breakdown.categories.map((category) => ({
            key: category.code,
            title: `${category.code}：${category.points} / ${category.worth}`,
            children: category.items.map((item) => ({
              key: `${category.code}/${item.code}`,
              title: `${item.code}（${t(`loop.assessment.kinds.${item.kind}`)}）：${item.points} / ${item.worth}`,
              children: [
                ...item.quarters.map((q) => ({
                  key: `${item.code}/q${q.quarter}`,
                  title: `Q${q.quarter} × ${q.weightPercent}% = ${q.weightedPoints}`,
                })),
                ...item.contributions.map((line) => ({
                  key: `${item.code}/${line.sourceId}`,
                  title: (
                    <span>
                      {line.sourceId}：{line.points}
                      {line.exemptionIds && line.exemptionIds.length > 0 && (
                        <Tag color="green" style={{ marginLeft: 8 }}>
                          {t('loop.assessment.exempted', { points: line.exemptedPoints })}
                        </Tag>
                      )}
                    </span>
                  ),
                })),
              ],
            })),
          }))}
        />
      )}
    </Drawer>
  );
}

function Exemptions({ scheme }: { scheme: AssessmentScheme }) {
  const schemeId = scheme.id;
  const { t } = useTranslation();
  const client = useQueryClient();
  const { data } = useQuery({
    queryKey: ['assessment', 'exemptions', schemeId],
    queryFn: () => dataOf(api.GET('/api/assessment/schemes/{id}/exemptions', { params: { path: { id: schemeId } } })),
  });
  const [reason, setReason] = useState('');
  const decide = useMutation({
    mutationFn: (body: { id: string; decision: 'approve' | 'reject'; version: number }) =>
      dataOf(
        api.POST('/api/assessment/schemes/{id}/exemptions/{applicationId}/decision', {
          params: { path: { id: schemeId, applicationId: body.id } },
          body: { decision: body.decision, version: body.version, reason },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['assessment'] }),
  });
  return (
    <Flex vertical gap={8}>
      <ExemptionApplication schemeId={schemeId} units={scheme.assessedUnits} />
      <Input
        placeholder={t('loop.assessment.decisionReason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        style={{ width: 320 }}
      />
      {decide.error && <Typography.Text type="danger">{decide.error.message}</Typography.Text>}
      <Table<Exemption>
        rowKey="id"
        size="small"
        dataSource={data?.items ?? []}
        columns={[
          { title: t('loop.task.lead'), dataIndex: ['unit', 'name'] },
          { title: t('loop.assessment.deduction'), dataIndex: 'eventId' },
          { title: t('loop.task.reason'), dataIndex: 'reason' },
          {
            title: t('loop.task.status'),
            dataIndex: 'status',
            render: (status: Exemption['status']) => t(`loop.assessment.status.${status}`),
          },
          {
            title: t('common.actions'),
            render: (_, row) =>
              row.status === 'pending' && (
                <Flex gap={4}>
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => decide.mutate({ id: row.id, decision: 'approve', version: row.version })}
                  >
                    {t('loop.assessment.approve')}
                  </Button>
                  <Button
                    size="small"
                    danger
                    onClick={() => decide.mutate({ id: row.id, decision: 'reject', version: row.version })}
                  >
                    {t('loop.assessment.reject')}
                  </Button>
                </Flex>
              ),
          },
        ]}
      />
    </Flex>
  );
}

export function AssessmentPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const schemes = useQuery({
    queryKey: ['assessment', 'schemes'],
    queryFn: () => dataOf(api.GET('/api/assessment/schemes')),
  });
  const [chosen, setChosen] = useState<string>();
  const schemeId = chosen ?? schemes.data?.items[0]?.id;
  const scheme = schemes.data?.items.find((s) => s.id === schemeId);
  const runs = useQuery({
    queryKey: ['assessment', 'runs', schemeId],
    queryFn: () => dataOf(api.GET('/api/assessment/schemes/{id}/runs', { params: { path: { id: schemeId ?? '' } } })),
    enabled: schemeId !== undefined,
  });
  const [asOf, setAsOf] = useState(dayjs());
  const run = useMutation({
    mutationFn: () =>
      dataOf(
        api.POST('/api/assessment/schemes/{id}/runs', {
          params: { path: { id: schemeId ?? '' } },
          body: { asOf: asOf.format('YYYY-MM-DD') },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['assessment'] }),
  });
  const latest = runs.data?.items[0];
  const [unit, setUnit] = useState<RankingRow | null>(null);
  const rankingColumns = [
    { title: t('loop.assessment.rank'), value: (row: RankingRow) => row.rank },
    { title: t('loop.task.lead'), value: (row: RankingRow) => row.unit.name },
    { title: t('loop.assessment.total'), value: (row: RankingRow) => row.total },
    {
      title: t('loop.assessment.grade'),
      value: (row: RankingRow) => t(`loop.assessment.grades.${row.grade}`, { defaultValue: row.grade }),
    },
  ];
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} align="center" wrap>
        <Select
          style={{ width: 360 }}
          value={schemeId}
          onChange={setChosen}
          options={(schemes.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.name}（${s.worth}）` }))}
        />
        <DatePicker value={asOf} onChange={(day) => day && setAsOf(day)} allowClear={false} />
        <Button type="primary" onClick={() => run.mutate()} loading={run.isPending} disabled={!schemeId}>
          {t('loop.assessment.run')}
        </Button>
        {latest && (
          <Tag color={latest.status === 'published' ? 'green' : 'blue'}>
            {t(`loop.assessment.runStatus.${latest.status}`)} · {latest.asOf}
          </Tag>
        )}
      </Flex>
      {schemeId && (
        <Tabs
          items={[
            {
              key: 'ranking',
              label: t('loop.assessment.ranking'),
              children: (
                <Flex vertical gap={8}>
                  <ExportButton
                    name={t('loop.assessment.ranking')}
                    columns={rankingColumns}
                    rows={latest?.ranking ?? []}
                  />
                  <Table<RankingRow>
                    rowKey={(row) => row.unit.code}
                    size="small"
                    dataSource={latest?.ranking ?? []}
                    pagination={false}
                    onRow={(row) => ({ onClick: () => setUnit(row), style: { cursor: 'pointer' } })}
                    columns={[
                      { title: t('loop.assessment.rank'), dataIndex: 'rank', width: 70 },
                      { title: t('loop.task.lead'), dataIndex: ['unit', 'name'] },
                      { title: t('loop.assessment.total'), dataIndex: 'total', width: 100 },
                      {
                        title: t('loop.assessment.grade'),
                        dataIndex: 'grade',
                        width: 100,
                        render: (grade: string) => t(`loop.assessment.grades.${grade}`, { defaultValue: grade }),
                      },
                      {
                        title: t('loop.assessment.veto'),
                        dataIndex: 'vetoed',
                        width: 80,
                        render: (vetoed: boolean) =>
                          vetoed ? <Tag color="red">{t('loop.assessment.veto')}</Tag> : null,
                      },
                    ]}
                  />
                </Flex>
              ),
            },
            ...(scheme
              ? [
                  {
                    key: 'exemptions',
                    label: t('loop.assessment.exemptions'),
                    children: <Exemptions scheme={scheme} />,
                  },
                ]
              : []),
            {
              key: 'scheme',
              label: t('loop.scheme.title'),
              children: <SchemeEditor scheme={scheme} onSaved={setChosen} />,
            },
            {
              key: 'new',
              label: t('loop.scheme.new'),
              children: <SchemeEditor scheme={undefined} onSaved={setChosen} />,
            },
          ]}
        />
      )}
      {latest && <BreakdownDrawer runId={latest.id} unit={unit} onClose={() => setUnit(null)} />}
    </Flex>
  );
}
