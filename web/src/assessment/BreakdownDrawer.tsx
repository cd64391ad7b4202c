import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Drawer, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, dataOf } from '../api/client.ts';
import { ExportButton } from '../common/ExportButton.tsx';
import type { AssessmentRun, AssessmentScheme } from '../loop/types.ts';
import type { ItemKind } from './scheme-form.ts';

type RankingRow = AssessmentRun['ranking'][number];

/** One record's part in an item's score, as the server's scoring rules report it. */
type Contribution = {
  source: 'task' | 'indicator_value' | 'supervision_event' | 'bonus_claim' | 'veto_event' | 'entered_score';
  sourceId: string;
  points: number;
  outcome?: 'closed_on_time' | 'closed_late' | 'not_closed';
  actual?: number | null;
  target?: number;
  ratio?: number | null;
  eventKind?: string;
  on?: string;
  originalPoints?: number;
  exemptedPoints?: number;
  exemptionIds?: string[];
  claimedPoints?: number;
  score?: number;
};
type ItemResult = {
  code: string;
  kind: ItemKind;
  worth: number;
  points: number;
  basePoints: number;
  missingInput: boolean;
  contributions: Contribution[];
  quarters: { quarter: number; weightPercent: number; weightedPoints: number; item: ItemResult }[];
};
type Breakdown = {
  total: number;
  totalBeforeVeto: number;
  worth: number;
  grade: string;
  vetoed: boolean;
  vetoedBy: string[];
  missingInput: boolean;
  categories: { code: string; worth: number; points: number; items: ItemResult[] }[];
};

/**
 * One line of the breakdown: where a number of points comes from. The lines of an item add up to its points;
 * a quarterly item has one line per quarter (its weighted share) with that quarter's own records beneath.
 */
type Line = {
  key: string;
  category: string;
  item: string;
  itemCode: string;
  quarter: string;
  record: Contribution | null;
  points: number;
  /** Inside a quarter: shown for tracing, already counted in the quarter's weighted share. */
  nested: boolean;
  children?: Line[];
};

function itemLines(category: string, item: ItemResult, itemName: string, quarter: string, nested: boolean): Line[] {
  const key = `${category}/${item.code}/${quarter}`;
  const lines: Line[] = [];
  const line = { category, item: itemName, itemCode: item.code, quarter, nested };
  if (item.basePoints !== 0) lines.push({ ...line, key: `${key}/base`, record: null, points: item.basePoints });
  for (const record of item.contributions)
    lines.push({ ...line, key: `${key}/${record.source}/${record.sourceId}`, record, points: record.points });
  for (const share of item.quarters) {
    const label = `Q${share.quarter} × ${share.weightPercent}%`;
    lines.push({
      ...line,
      key: `${key}/Q${share.quarter}`,
      quarter: label,
      record: null,
      points: share.weightedPoints,
      children: itemLines(category, share.item, itemName, label, true),
    });
  }
  return lines;
}

function linesOf(breakdown: Breakdown, names: ReadonlyMap<string, string>): Line[] {
  return breakdown.categories.flatMap((category) =>
    category.items.flatMap((item) =>
      itemLines(
        names.get(category.code) ?? category.code,
        item,
        names.get(`${category.code}/${item.code}`) ?? item.code,
        '',
        false,
      ),
    ),
  );
}

/** What a record is, in words, with a link to the task behind it where there is one. */
function RecordCell({ line }: { line: Line }) {
  const { t } = useTranslation();
  const { record } = line;
  if (!record)
    return (
      <Typography.Text type="secondary">
        {line.children ? t('loop.breakdown.quarterShare', { quarter: line.quarter }) : t('loop.breakdown.base')}
      </Typography.Text>
    );
  const source = t(`loop.breakdown.sources.${record.source}`);
  switch (record.source) {
    case 'task':
      return (
        <span>
          {source} <Link to={`/tasks?task=${record.sourceId}`}>#{record.sourceId}</Link>{' '}
          {record.outcome && <Tag>{t(`loop.breakdown.outcomes.${record.outcome}`)}</Tag>}
        </span>
      );
    case 'indicator_value':
      return (
        <span>
          {source} {record.actual ?? '—'} / {record.target}
          {record.ratio !== null && record.ratio !== undefined && ` = ${Math.round(record.ratio * 10000) / 100}%`}
        </span>
      );
    case 'supervision_event':
      return (
        <span>
          {source} {record.on}{' '}
          {t(`loop.scheme.events.${record.eventKind as 'red'}`, { defaultValue: record.eventKind })} ({record.sourceId})
          {(record.exemptionIds?.length ?? 0) > 0 && (
            <Tag color="green" style={{ marginLeft: 8 }}>
              {t('loop.assessment.exempted', { points: record.exemptedPoints })}
            </Tag>
          )}
        </span>
      );
    case 'bonus_claim':
      return (
        <span>
          {source} #{record.sourceId} ({t('loop.breakdown.claimed', { points: record.claimedPoints })})
        </span>
      );
    case 'entered_score':
      return (
        <span>
          {source} {record.score} / 100
        </span>
      );
    default:
      return (
        <span>
          {source} {record.on} #{record.sourceId}
        </span>
      );
  }
}

/**
 * One unit's score, traced to the records behind it: per category and item, the base points and each record's
 * part (tasks, indicator values, supervision events with their exemptions, bonus claims, entered scores,
 * vetoes), quarter by quarter where the item is quarterly. The lines add up to the total.
 */
export function BreakdownDrawer({
  run,
  scheme,
  unit,
  onClose,
}: {
  run: AssessmentRun;
  scheme: AssessmentScheme;
  unit: RankingRow | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { data } = useQuery({
    queryKey: ['assessment', 'breakdown', run.id, unit?.unit.code],
    queryFn: () =>
      dataOf(
        api.GET('/api/assessment/runs/{runId}/units/{code}', {
          params: { path: { runId: run.id, code: unit?.unit.code ?? '' } },
        }),
      ),
    enabled: unit !== null,
  });
  const breakdown = data as unknown as Breakdown | undefined;
  const names = new Map<string, string>();
  for (const category of scheme.definition.categories) {
    names.set(category.code, category.name);
    for (const item of category.items) names.set(`${category.code}/${item.code}`, item.name);
  }
  const lines = breakdown ? linesOf(breakdown, names) : [];
  const columns = [
    { title: t('loop.breakdown.category'), value: (line: Line) => line.category },
    { title: t('loop.breakdown.item'), value: (line: Line) => line.item },
    { title: t('loop.breakdown.quarter'), value: (line: Line) => line.quarter },
    {
      title: t('loop.breakdown.record'),
      value: (line: Line) =>
        line.record
          ? `${t(`loop.breakdown.sources.${line.record.source}`)} ${line.record.sourceId}`
          : t('loop.breakdown.base'),
    },
    { title: t('loop.breakdown.points'), value: (line: Line) => line.points },
  ];
  return (
    <Drawer
      open={unit !== null}
      onClose={onClose}
      size="large"
      title={unit ? `${unit.unit.name} · ${unit.total}` : ''}
      extra={unit && <ExportButton name={`${unit.unit.name}-${run.asOf}`} columns={columns} rows={lines} />}
    >
      {breakdown && (
        <Flex vertical gap={12}>
          {breakdown.vetoed && (
            <Alert
              type="error"
              showIcon
              title={t('loop.breakdown.vetoed', {
                before: breakdown.totalBeforeVeto,
                ids: breakdown.vetoedBy.join(', '),
              })}
            />
          )}
          {breakdown.missingInput && <Alert type="warning" showIcon title={t('loop.breakdown.missingInput')} />}
          <Descriptions size="small" column={3} bordered>
            <Descriptions.Item label={t('loop.assessment.total')}>
              {breakdown.total} / {breakdown.worth}
            </Descriptions.Item>
            <Descriptions.Item label={t('loop.breakdown.beforeVeto')}>{breakdown.totalBeforeVeto}</Descriptions.Item>
            <Descriptions.Item label={t('loop.assessment.grade')}>
              {t(`loop.assessment.grades.${breakdown.grade}`, { defaultValue: breakdown.grade })}
            </Descriptions.Item>
          </Descriptions>
          {breakdown.categories.map((category) => (
            <Card
              key={category.code}
              size="small"
              title={`${names.get(category.code) ?? category.code}：${category.points} / ${category.worth}`}
            >
              <Table<Line>
                rowKey="key"
                size="small"
                pagination={false}
                dataSource={lines.filter((line) => line.category === (names.get(category.code) ?? category.code))}
                columns={[
                  {
                    title: t('loop.breakdown.item'),
                    dataIndex: 'item',
                    width: 180,
                    render: (name: string, line) => {
                      const item = category.items.find((i) => i.code === line.itemCode);
                      return (
                        <span>
                          {name}
                          {item && (
                            <Typography.Text type="secondary">
                              {' '}
                              {item.points}/{item.worth} · {t(`loop.assessment.kinds.${item.kind}`)}
                            </Typography.Text>
                          )}
                          {line.quarter && !line.children && <Tag style={{ marginLeft: 4 }}>{line.quarter}</Tag>}
                        </span>
                      );
                    },
                  },
                  { title: t('loop.breakdown.record'), render: (_, line) => <RecordCell line={line} /> },
                  {
                    title: t('loop.breakdown.points'),
                    dataIndex: 'points',
                    width: 80,
                    align: 'right',
                    render: (points: number, line) => (
                      <Typography.Text type={line.nested ? 'secondary' : points < 0 ? 'danger' : undefined}>
                        {line.nested ? `(${points})` : points}
                      </Typography.Text>
                    ),
                  },
                ]}
              />
            </Card>
          ))}
        </Flex>
      )}
    </Drawer>
  );
}
