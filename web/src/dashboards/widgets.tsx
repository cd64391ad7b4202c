import { useQuery } from '@tanstack/react-query';
import { Empty, Space, Spin, Statistic } from 'antd';
import * as echarts from 'echarts';
import { useTranslation } from 'react-i18next';
import { Figure, percent, RagTag } from '../indicators/figures.tsx';
import { cellQuery, levelQuery, seriesQuery, type Widget } from '../indicators/indicator-queries.ts';
import { EChart } from './EChart.tsx';

export type WidgetProps = {
  widget: Widget;
  unit: string;
  period: string;
  /** Opens the values behind a figure of a unit. */
  onDrill: (unit: string) => void;
};

export function KpiWidget({ widget, unit, period, onDrill }: WidgetProps) {
  const { t } = useTranslation();
  const cell = useQuery(cellQuery({ indicator: widget.indicator, unit, period }));
  if (!cell.data) return <Spin />;
  const c = cell.data;
  return (
    <Space
      direction="vertical"
      onClick={() => onDrill(c.unit)}
      style={{ cursor: 'pointer' }}
      data-testid={`kpi-${widget.indicator}`}
    >
      <Statistic title={period} valueRender={() => <Figure value={c.value} reason={c.reason} />} />
      <Space>
        <span>
          {t('indicators.target')}: {c.target ?? '—'}
        </span>
        <span>
          {t('indicators.attainment')}: {percent(c.attainment)}
        </span>
        <RagTag rag={c.rag} />
      </Space>
    </Space>
  );
}

export function TrendWidget({ widget, unit, period }: WidgetProps) {
  const series = useQuery(seriesQuery({ indicator: widget.indicator, unit, period, count: 10 }));
  if (!series.data) return <Spin />;
  const items = series.data.items;
  return (
    <EChart
      name={`${widget.indicator}-trend`}
      option={{
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: items.map((i) => i.period) },
        yAxis: { type: 'value' },
        series: [
          { type: 'line', name: widget.indicator, data: items.map((i) => i.value), smooth: true },
          { type: 'line', name: 'target', data: items.map((i) => i.target), lineStyle: { type: 'dashed' } },
        ],
      }}
    />
  );
}

function useLevel(widget: Widget, unit: string, period: string) {
  return useQuery(levelQuery({ indicator: widget.indicator, unit, period, level: widget.level ?? 3 }));
}

export function RankingWidget({ widget, unit, period, onDrill }: WidgetProps) {
  const level = useLevel(widget, unit, period);
  if (!level.data) return <Spin />;
  const rows = level.data.items
    .filter((r) => r.value !== null)
    .slice(0, 20)
    .reverse();
  return (
    <EChart
      name={`${widget.indicator}-ranking`}
      height={Math.max(240, rows.length * 22)}
      onClick={(params) => onDrill(rows[params.dataIndex]?.unit ?? unit)}
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
  if (!level.data) return <Spin />;
  const rows = level.data.items.filter((r) => r.value !== null);
  return (
    <EChart
      name={`${widget.indicator}-composition`}
      onClick={(params) => onDrill(rows[params.dataIndex]?.unit ?? unit)}
      option={{
        tooltip: { trigger: 'item' },
        series: [
          { type: 'pie', radius: ['35%', '70%'], data: rows.map((r) => ({ name: r.unitName, value: r.value })) },
        ],
      }}
    />
  );
}

/** The city's counties coloured by value, from the vendored GeoJSON (`/maps/<city code>.json`). */
export function MapWidget({ widget, unit, period, onDrill }: WidgetProps) {
  const { t } = useTranslation();
  const cityCode = `${unit.slice(0, 4)}00000000`;
  const geo = useQuery({
    queryKey: ['maps', cityCode],
    queryFn: async () => {
      const response = await fetch(`/maps/${cityCode}.json`);
      if (!response.ok) return null;
      const json = await response.json();
      echarts.registerMap(cityCode, json);
      return cityCode;
    },
    staleTime: Infinity,
  });
  const level = useLevel({ ...widget, level: 3 }, cityCode, period);
  if (geo.data === null) return <Empty description={t('dashboards.noMap')} />;
  if (!geo.data || !level.data) return <Spin />;
  const rows = level.data.items;
  const values = rows.map((r) => r.value).filter((v): v is number => v !== null);
  return (
    <div data-testid={`map-${widget.indicator}`} data-values={JSON.stringify(rows.map((r) => [r.unitName, r.value]))}>
      <EChart
        name={`${widget.indicator}-map`}
        height={360}
        onClick={(params) => onDrill(rows.find((r) => r.unitName === params.name)?.unit ?? cityCode)}
        option={{
          tooltip: { trigger: 'item' },
          visualMap: { min: Math.min(0, ...values), max: Math.max(1, ...values), calculable: true, left: 0, bottom: 0 },
          series: [{ type: 'map', map: geo.data, data: rows.map((r) => ({ name: r.unitName, value: r.value })) }],
        }}
      />
    </div>
  );
}
