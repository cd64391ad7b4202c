import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Row } from 'antd';
import type { echarts } from '../common/echarts.ts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistryStatsBreakdown } from '../api/types.ts';
import { type ChartTable, EChart } from '../common/EChart.tsx';
import { causeLabel, type MeasureType, measureLabel, type PovertyCause } from './causes-and-measures.ts';
import { breakdownQuery, type HouseholdDrill } from './registry-queries.ts';

type Props = { unit: string; year: number; onDrill: (drill: HouseholdDrill) => void };
type Item = RegistryStatsBreakdown['items'][number];

/** One breakdown of the unit's year: the items with households drawn, each opening its households on a click. */
function BreakdownCard(props: {
  title: string;
  testId: string;
  shown: readonly Item[];
  option: echarts.EChartsCoreOption;
  table: ChartTable;
  name: string;
  onDrill: (item: Item) => void;
}) {
  const { t } = useTranslation();
  return (
    <Card title={props.title} size="small" extra={t('registry.breakdown.clickHint')} data-testid={props.testId}>
      {props.shown.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('registry.breakdown.empty')} />
      ) : (
        <EChart
          name={props.name}
          option={props.option}
          table={props.table}
          onClick={({ dataIndex }) => {
            const item = props.shown[dataIndex];
            if (item) props.onDrill(item);
          }}
        />
      )}
    </Card>
  );
}

/** Registered households by main cause (a pie). */
function CauseChart({ unit, year, onDrill }: Props) {
  const { t } = useTranslation();
  const data = useQuery(breakdownQuery(unit, year, 'cause')).data;
  const items = useMemo(() => data ?? [], [data]);
  const shown = useMemo(() => items.filter((item) => (item.registeredHouseholds ?? 0) > 0), [items]);
  const title = t('registry.breakdown.byCause');
  // Kept while the figures stand: a new option object redraws the chart from scratch.
  const option = useMemo<echarts.EChartsCoreOption>(
    () => ({
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { type: 'scroll', orient: 'vertical', left: 0, top: 24 },
      series: [
        {
          type: 'pie',
          radius: ['35%', '68%'],
          center: ['62%', '55%'],
          data: shown.map((item) => ({
            name: causeLabel(t, item.key),
            value: item.registeredHouseholds,
          })),
        },
      ],
    }),
    [shown, t],
  );
  return (
    <BreakdownCard
      title={title}
      testId="registry-by-cause"
      name={`${title}-${unit}-${year}`}
      shown={shown}
      onDrill={(item) => onDrill({ unit, year, cause: item.key as PovertyCause })}
      option={option}
      table={{
        columns: [
          t('registry.breakdown.cause'),
          t('registry.breakdown.registeredHouseholds'),
          t('registry.breakdown.registeredPersons'),
          t('registry.breakdown.poorHouseholds'),
          t('registry.breakdown.poorPersons'),
        ],
        rows: items.map((item) => [
          causeLabel(t, item.key),
          item.registeredHouseholds ?? 0,
          item.registeredPersons ?? 0,
          item.poorHouseholds ?? 0,
          item.poorPersons ?? 0,
        ]),
      }}
    />
  );
}

/** Households assisted within the year by measure type (bars). */
function MeasureChart({ unit, year, onDrill }: Props) {
  const { t } = useTranslation();
  const data = useQuery(breakdownQuery(unit, year, 'measure')).data;
  const items = useMemo(() => data ?? [], [data]);
  const shown = useMemo(() => items.filter((item) => (item.households ?? 0) > 0), [items]);
  const title = t('registry.breakdown.byMeasure');
  const option = useMemo<echarts.EChartsCoreOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 110, right: 24, top: 32, bottom: 24 },
      xAxis: { type: 'value' },
      yAxis: {
        type: 'category',
        data: shown.map((item) => measureLabel(t, item.key)),
      },
      series: [
        { type: 'bar', name: t('registry.breakdown.households'), data: shown.map((item) => item.households ?? 0) },
      ],
    }),
    [shown, t],
  );
  return (
    <BreakdownCard
      title={title}
      testId="registry-by-measure"
      name={`${title}-${unit}-${year}`}
      shown={shown}
      onDrill={(item) => onDrill({ unit, year, measure: item.key as MeasureType })}
      option={option}
      table={{
        columns: [
          t('registry.breakdown.measure'),
          t('registry.breakdown.households'),
          t('registry.breakdown.measures'),
          t('registry.breakdown.amount'),
        ],
        rows: items.map((item) => [
          measureLabel(t, item.key),
          item.households ?? 0,
          item.measures ?? 0,
          item.amountYuan ?? 0,
        ]),
      }}
    />
  );
}

/** The unit's year split by main cause and by assistance measure (issue 5, item 7). */
export function BreakdownCharts(props: Props) {
  return (
    <Row gutter={16}>
      <Col xs={24} xl={12}>
        <CauseChart {...props} />
      </Col>
      <Col xs={24} xl={12}>
        <MeasureChart {...props} />
      </Col>
    </Row>
  );
}
