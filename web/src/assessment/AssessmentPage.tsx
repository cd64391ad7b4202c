import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Flex, Popconfirm, Select, Table, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, dataOf } from '../api/client.ts';
import { useCan } from '../auth/session-queries.ts';
import { toDay } from '../common/dates.ts';
import { ExportButton } from '../common/ExportButton.tsx';
import type { AssessmentRun, AssessmentScheme } from '../loop/types.ts';
import { BreakdownDrawer } from './BreakdownDrawer.tsx';
import { Exemptions } from './Exemptions.tsx';
import { Inputs } from './Inputs.tsx';
import { SchemeEditor } from './SchemeEditor.tsx';

type RankingRow = AssessmentRun['ranking'][number];

function Ranking({ run, scheme }: { run: AssessmentRun | undefined; scheme: AssessmentScheme }) {
  const { t } = useTranslation();
  const [unit, setUnit] = useState<RankingRow | null>(null);
  const rows = run?.ranking ?? [];
  const grade = (value: string) => t(`loop.assessment.grades.${value}`, { defaultValue: value });
  const columns = [
    { title: t('loop.assessment.rank'), value: (row: RankingRow) => row.rank },
    { title: t('loop.inputs.unit'), value: (row: RankingRow) => row.unit.name },
    { title: t('loop.assessment.total'), value: (row: RankingRow) => row.total },
    { title: t('loop.breakdown.beforeVeto'), value: (row: RankingRow) => row.totalBeforeVeto },
    { title: t('loop.assessment.grade'), value: (row: RankingRow) => grade(row.grade) },
    { title: t('loop.assessment.veto'), value: (row: RankingRow) => (row.vetoed ? t('loop.assessment.veto') : '') },
  ];
  return (
    <Flex vertical gap={8}>
      <Flex gap={8} align="center">
        <ExportButton name={`${scheme.name}-${run?.asOf ?? ''}`} columns={columns} rows={rows} />
        {run && (
          <Typography.Text type="secondary">
            {t('loop.assessment.inputHash', { hash: run.inputHash.slice(0, 12) })}
          </Typography.Text>
        )}
      </Flex>
      <Table<RankingRow>
        rowKey={(row) => row.unit.code}
        size="small"
        dataSource={rows}
        pagination={rows.length > 100 ? { pageSize: 100 } : false}
        onRow={(row) => ({ onClick: () => setUnit(row), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('loop.assessment.rank'), dataIndex: 'rank', width: 70 },
          { title: t('loop.inputs.unit'), dataIndex: ['unit', 'name'] },
          { title: t('loop.assessment.total'), dataIndex: 'total', width: 100 },
          {
            title: t('loop.assessment.grade'),
            dataIndex: 'grade',
            width: 100,
            render: (value: string) => grade(value),
          },
          {
            title: t('loop.assessment.veto'),
            dataIndex: 'vetoed',
            width: 140,
            render: (vetoed: boolean, row) =>
              vetoed ? <Tag color="red">{`${t('loop.assessment.veto')} (${row.totalBeforeVeto})`}</Tag> : null,
          },
          {
            title: t('loop.assessment.provisional'),
            dataIndex: 'missingInput',
            width: 110,
            render: (missing: boolean) =>
              missing ? <Tag color="orange">{t('loop.assessment.missingInput')}</Tag> : null,
          },
        ]}
      />
      {run && <BreakdownDrawer run={run} scheme={scheme} unit={unit} onClose={() => setUnit(null)} />}
    </Flex>
  );
}

/**
 * Assessment: choose a scheme, run it as of a day (deterministic: the same records give the same run),
 * read the ranking and each unit's breakdown, enter what is entered by hand, decide bonus claims and
 * exemptions, recompute a draft and publish it (frozen from then on); edit or create schemes.
 */
export function AssessmentPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const canManage = useCan('assessment.manage');
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
  const [chosenRun, setChosenRun] = useState<string>();
  const run = runs.data?.items.find((r) => r.id === chosenRun) ?? runs.data?.items[0];
  const [asOf, setAsOf] = useState(dayjs());
  const refresh = () => client.invalidateQueries({ queryKey: ['assessment'] });
  const create = useMutation({
    mutationFn: () =>
      dataOf(
        api.POST('/api/assessment/schemes/{id}/runs', {
          params: { path: { id: schemeId ?? '' } },
          body: { asOf: toDay(asOf) },
        }),
      ),
    onSuccess: async (created) => {
      setChosenRun(created.id);
      await refresh();
    },
  });
  const recompute = useMutation({
    mutationFn: (id: string) =>
      dataOf(api.POST('/api/assessment/runs/{runId}/recompute', { params: { path: { runId: id } }, body: {} })),
    onSuccess: refresh,
  });
  const publish = useMutation({
    mutationFn: (target: AssessmentRun) =>
      dataOf(
        api.POST('/api/assessment/runs/{runId}/publish', {
          params: { path: { runId: target.id } },
          body: { version: target.version },
        }),
      ),
    onSuccess: refresh,
  });
  const error = create.error ?? recompute.error ?? publish.error;
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} align="center" wrap>
        <Select
          aria-label={t('loop.scheme.title')}
          style={{ width: 360 }}
          value={schemeId}
          onChange={(id) => {
            setChosen(id);
            setChosenRun(undefined);
          }}
          options={(schemes.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.name}（${s.worth}）` }))}
        />
        {canManage && (
          <>
            <DatePicker value={asOf} onChange={(day) => day && setAsOf(day)} allowClear={false} />
            <Button type="primary" onClick={() => create.mutate()} loading={create.isPending} disabled={!schemeId}>
              {t('loop.assessment.run')}
            </Button>
          </>
        )}
        <Select
          aria-label={t('loop.assessment.runs')}
          style={{ width: 240 }}
          value={run?.id}
          onChange={setChosenRun}
          placeholder={t('loop.assessment.noRun')}
          options={(runs.data?.items ?? []).map((r) => ({
            value: r.id,
            label: `${r.asOf} · ${t(`loop.assessment.runStatus.${r.status}`)}`,
          }))}
        />
        {run && (
          <Tag color={run.status === 'published' ? 'green' : 'blue'}>
            {t(`loop.assessment.runStatus.${run.status}`)}
            {run.publishedAt && ` · ${run.publishedAt.slice(0, 10)}`}
          </Tag>
        )}
        {canManage && run?.status === 'draft' && (
          <>
            <Button onClick={() => recompute.mutate(run.id)} loading={recompute.isPending}>
              {t('loop.assessment.recompute')}
            </Button>
            <Popconfirm title={t('loop.assessment.publishConfirm')} onConfirm={() => publish.mutate(run)}>
              <Button loading={publish.isPending}>{t('loop.assessment.publish')}</Button>
            </Popconfirm>
          </>
        )}
      </Flex>
      {error && (
        <Typography.Text type="danger" role="alert">
          {error.message}
        </Typography.Text>
      )}
      {scheme && (
        <Tabs
          items={[
            {
              key: 'ranking',
              label: t('loop.assessment.ranking'),
              children: <Ranking run={run} scheme={scheme} />,
            },
            { key: 'inputs', label: t('loop.inputs.title'), children: <Inputs scheme={scheme} /> },
            { key: 'exemptions', label: t('loop.assessment.exemptions'), children: <Exemptions scheme={scheme} /> },
            ...(canManage
              ? [
                  {
                    key: 'scheme',
                    label: t('loop.scheme.title'),
                    children: (
                      <SchemeEditor key={`${scheme.id}-${scheme.version}`} scheme={scheme} onSaved={setChosen} />
                    ),
                  },
                  {
                    key: 'new',
                    label: t('loop.scheme.new'),
                    children: <SchemeEditor scheme={undefined} onSaved={setChosen} />,
                  },
                ]
              : []),
          ]}
        />
      )}
      {canManage && !scheme && schemes.isSuccess && <SchemeEditor scheme={undefined} onSaved={setChosen} />}
    </Flex>
  );
}
