import { useQuery } from '@tanstack/react-query';
import { Empty, Space, Spin, Statistic } from 'antd';
import { echarts } from '../common/echarts.ts';
import { useTranslation } from 'react-i18next';
import { cellColumns } from '../common/export-excel.ts';
import { ExportButton } from '../common/ExportButton.tsx';
import { Figure, percent, RagTag } from '../indicators/figures.tsx';
import {
  type AnalyticsLevel,
  cellQuery,
  levelQuery,
  seriesQuery,
  type Widget,
} from '../indicators/indicator-queries.ts';
import { type ChartTable, EChart } from '../common/EChart.tsx';

export type WidgetProps = {
  widget: Widget;
  /** The widget's own unit and period when it fixes them, else the dashboard's. */
  unit: string;
  period: string;
  /** Opens the values behind a figure of a unit (of another period than the widget's, for a trend's point). */
  onDrill: (unit: string, period?: string) => void;
};

/** The level a ranking, composition or map shows when the widget does not say: the counties. */
export const DEFAULT_LEVEL = 3;

function useLevelTable(rows: AnalyticsLevel['items']): ChartTable {
  const { t } = useTranslation();
  return {
    columns: [
      t('indicators.rank'),
      t('indicators.unit'),
      t('indicators.value'),
      t('indicators.target'),
      t('indicators.attainment'),
    ],
    rows: rows.map((r) => [r.rank, r.unitName, r.value, r.target, r.attainment]),
  };
}

function NoData() {
  const { t } = useTranslation();
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('indicators.reasons.NO_DATA')} />;
}

export function KpiWidget({ widget, unit, period, onDrill }: WidgetProps) {
  const { t } = useTranslation();
  const cell = useQuery(cellQuery({ indicator: widget.indicator, unit, period }));
  if (!cell.data) return <Spin />;
  const c = cell.data;
  return (
    <Space align="start" style={{ width: '100%', justifyContent: 'space-between' }}>
      <Space
        direction="vertical"
        onClick={() => onDrill(c.unit)}
        style={{ cursor: 'pointer' }}
        data-testid={`kpi-${widget.indicator}`}
      >
        <Statistic
          title={`${c.unitName} · ${period}`}
          valueRender={() => <Figure value={c.value} reason={c.reason} />}
        />
        <Space wrap>
          <span>
            {t('indicators.target')}: {c.target ?? '—'}
          </span>
          <span>
            {t('indicators.attainment')}: {percent(c.attainment)}
          </span>
          <RagTag rag={c.rag} />
        </Space>
      </Space>
      <ExportButton
        compact
        name={`${widget.indicator}-${c.unit}-${period}`}
        columns={cellColumns([
          t('indicators.unit'),
          t('indicators.period'),
          t('indicators.value'),
          t('indicators.baseline'),
          t('indicators.target'),
          t('indicators.attainment'),
        ])}
        rows={[[c.unitName, c.period, c.value, c.baseline, c.target, c.attainment]]}
      />
    </Space>
  );
}

export function TrendWidget({ widget, unit, period, onDrill }: WidgetProps) {
  const { t } = useTranslation();
  const series = useQuery(seriesQuery({ indicator: widget.indicator, unit, period, count: 10 }));
  if (!series.data) return <Spin />;
  const items = series.data.items;
  return (
    <EChart
      name={`${widget.indicator}-trend`}
      onClick={(params) => onDrill(unit, params.name)}
      table={{
        columns: [t('indicators.period'), t('indicators.value'), t('indicators.target'), t('indicators.attainment')],
        rows: items.map((i) => [i.period, i.value, i.target, i.attainment]),
      }}
      option={{
        tooltip: { trigger: 'axis' },
        legend: { data: [t('indicators.value'), t('indicators.target')], left: 0 },
        xAxis: { type: 'category', data: items.map((i) => i.period) },
        yAxis: { type: 'value' },
        series: [
          { type: 'line', name: t('indicators.value'), data: items.map((i) => i.value), smooth: true },
          {
            type: 'line',
            name: t('indicators.target'),
            data: items.map((i) => i.target),
            lineStyle: { type: 'dashed' },
          },
        ],
      }}
    />
  );
}

function useLevel(widget: Widget, unit: string, period: string) {
  return useQuery(levelQuery({ indicator: widget.indicator, unit, period, level: widget.level ?? DEFAULT_LEVEL }));
}

export function RankingWidget({ widget, unit, period, onDrill }: WidgetProps) {
  const level = useLevel(widget, unit, period);
  const table = useLevelTable(level.data?.items ?? []);
  if (!level.data) return <Spin />;
  const rows = level.data.items
    .filter((r) => r.value !== null)
    .slice(0, 20)
    .reverse();
  if (rows.length === 0) return <NoData />;
  return (
    <EChart
      name={`${widget.indicator}-ranking`}
      height={Math.max(240, rows.length * 22)}
      onClick={(params) => onDrill(rows[params.dataIndex]?.unit ?? unit)}
      table={table}
      option={{
        tooltip: {},
        grid: { left: 110 },
        xAxis: { type: 'value' },
        yAxis: { type: 'category', data: rows.map((r) => `${r.rank}. ${r.unitName}`) },
        series: [{ type: 'bar', data: rows.map((r) => r.value) }],
      }}
    />
  );
}

export function CompositionWidget({ widget, unit, period, onDrill }: WidgetProps) {
  const level = useLevel(widget, unit, period);
  const table = useLevelTable(level.data?.items ?? []);
  if (!level.data) return <Spin />;
  const rows = level.data.items.filter((r) => r.value !== null);
  if (rows.length === 0) return <NoData />;
  return (
    <EChart
      name={`${widget.indicator}-composition`}
      onClick={(params) => onDrill(rows[params.dataIndex]?.unit ?? unit)}
      table={table}
      option={{
        tooltip: { trigger: 'item' },
        series: [
          { type: 'pie', radius: ['35%', '70%'], data: rows.map((r) => ({ name: r.unitName, value: r.value })) },
        ],
      }}
    />
  );
}

/**
 * The counties of a city (level 3) or the townships of a county (level 4) coloured by value, from the
 * vendored GeoJSON of the parent unit (`/maps/<parent code>.json`); a parent without one shows no map.
 */
export function MapWidget({ widget, unit, period, onDrill }: WidgetProps) {
  const { t } = useTranslation();
  const level = widget.level ?? DEFAULT_LEVEL;
  const parent = level === 4 ? `${unit.slice(0, 6)}000000` : `${unit.slice(0, 4)}00000000`;
  const geo = useQuery({
    queryKey: ['maps', parent],
    queryFn: async () => {
      const response = await fetch(`/maps/${parent}.json`);
      if (!response.ok) return null;
      echarts.registerMap(parent, await response.json());
      return parent;
    },
    staleTime: Infinity,
  });
  const values = useLevel({ ...widget, level }, parent, period);
  const table = useLevelTable(values.data?.items ?? []);
  if (geo.data === null) return <Empty description={t('dashboards.noMap')} />;
  if (!geo.data || !values.data) return <Spin />;
  const rows = values.data.items;
  const numbers = rows.map((r) => r.value).filter((v): v is number => v !== null);
  return (
    <div data-testid={`map-${widget.indicator}`} data-values={JSON.stringify(rows.map((r) => [r.unitName, r.value]))}>
      <EChart
        name={`${widget.indicator}-map`}
        height={360}
        onClick={(params) => onDrill(rows.find((r) => r.unitName === params.name)?.unit ?? parent)}
        table={table}
        option={{
          tooltip: { trigger: 'item' },
          visualMap: {
            min: Math.min(0, ...numbers),
            max: Math.max(1, ...numbers),
            calculable: true,
            left: 0,
            bottom: 0,
          },
          series: [{ type: 'map', map: geo.data, data: rows.map((r) => ({ name: r.unitName, value: r.value })) }],
        }}
      />
    </div>
  );
}
