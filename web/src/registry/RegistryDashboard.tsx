import { useQueries, useQuery } from '@tanstack/react-query';
import { Card, Col, Flex, InputNumber, Row, Statistic } from 'antd';
import { echarts } from '../common/echarts.ts';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { RegistryStats } from '../api/types.ts';
import { formatCount } from '../common/numbers.ts';
import { OrgUnitSelect } from '../org/OrgUnitSelect.tsx';
import { childrenQuery, unitQuery } from '../org/org-queries.ts';
import { EChart } from '../common/EChart.tsx';
import { BreakdownCharts } from './BreakdownCharts.tsx';
import { type HouseholdDrill, statsQuery, trendQuery } from './registry-queries.ts';
import { percent } from './format.ts';

const MAPPED_CITIES = new Set(['140900000000', '411500000000']);

function Kpis({ stats }: { stats: RegistryStats | undefined }) {
  const { t, i18n } = useTranslation();
  const count = (value: number | undefined) => formatCount(value ?? 0, i18n.language);
  const cards: [string, string][] = [
    [t('registry.kpi.registeredPersons'), count(stats?.registeredPersons)],
    [t('registry.kpi.poorPersons'), count(stats?.poorPersons)],
    [t('registry.kpi.incidence'), percent(stats?.incidence)],
    [t('registry.kpi.exitedPersons'), count(stats?.exitedPersons)],
    [t('registry.kpi.monitoredPersons'), count(stats?.monitoredPersons)],
    [t('registry.kpi.ruralPopulation'), count(stats?.ruralPopulation)],
  ];
  return (
    <Row gutter={[16, 16]}>
      {cards.map(([title, value]) => (
        <Col key={title} xs={12} md={8} xl={4}>
          <Card size="small" role="group" aria-label={title}>
            <Statistic title={title} value={value} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function TrendChart({ unit }: { unit: string }) {
  const { t } = useTranslation();
  const trend = useQuery(trendQuery(unit));
  const option = useMemo<echarts.EChartsCoreOption>(() => {
    const items = trend.data ?? [];
    return {
      tooltip: { trigger: 'axis' },
      legend: {},
      xAxis: { type: 'category', data: items.map((s) => String(s.year)) },
      yAxis: [
        { type: 'value' },
        { type: 'value', axisLabel: { formatter: (v: number) => `${(v * 100).toFixed(0)}%` } },
      ],
      series: [
        { name: t('registry.kpi.poorPersons'), type: 'bar', data: items.map((s) => s.poorPersons) },
        { name: t('registry.kpi.monitoredPersons'), type: 'bar', data: items.map((s) => s.monitoredPersons) },
        { name: t('registry.kpi.incidence'), type: 'line', yAxisIndex: 1, data: items.map((s) => s.incidence ?? 0) },
      ],
    };
  }, [trend.data, t]);
  const items = trend.data ?? [];
  return (
    <Card title={t('registry.trend')} size="small">
      <EChart
        name={`${t('registry.trend')}-${unit}`}
        option={option}
        height={320}
        table={{
          columns: [
            t('registry.year'),
            t('registry.kpi.registeredPersons'),
            t('registry.kpi.poorPersons'),
            t('registry.kpi.incidence'),
            t('registry.kpi.exitedPersons'),
            t('registry.kpi.monitoredPersons'),
            t('registry.kpi.ruralPopulation'),
          ],
          rows: items.map((s) => [
            s.year,
            s.registeredPersons,
            s.poorPersons,
            s.incidence,
            s.exitedPersons,
            s.monitoredPersons,
            s.ruralPopulation,
          ]),
        }}
      />
    </Card>
  );
}

/** The city's counties coloured by incidence, on the vendored county outlines. */
function CountyMap({ city, year }: { city: string; year: number }) {
  const { t } = useTranslation();
  const [ready, setReady] = useState(false);
  const counties = useQuery(childrenQuery(city, undefined, false));
  const stats = useQueries({
    queries: (counties.data ?? []).map((county) => statsQuery(county.code, year)),
  });
  useEffect(() => {
    let cancelled = false;
    void fetch(`/maps/${city}.json`)
      .then((response) => response.json())
      .then((geo: Parameters<typeof echarts.registerMap>[1]) => {
        if (cancelled) return;
        echarts.registerMap(city, geo);
        setReady(true);
      });
    return () => {
      cancelled = true;
    };
  }, [city]);
  const data = (counties.data ?? []).map((county, index) => ({
    name: county.name,
    value: Number(((stats[index]?.data?.incidence ?? 0) * 100).toFixed(2)),
  }));
  const option: echarts.EChartsCoreOption = {
    tooltip: { trigger: 'item', formatter: '{b}: {c}%' },
    visualMap: { min: 0, max: Math.max(5, ...data.map((d) => d.value)), calculable: true, left: 'left' },
    series: [{ type: 'map', map: city, data, label: { show: true, fontSize: 10 } }],
  };
  return (
    <Card title={t('registry.map')} size="small">
      {ready && (
        <EChart
          name={`${t('registry.map')}-${year}`}
          option={option}
          height={420}
          table={{
            columns: [t('registry.unit'), t('registry.kpi.incidence')],
            rows: data.map((d) => [d.name, d.value / 100]),
          }}
        />
      )}
    </Card>
  );
}

export function RegistryDashboard({
  defaultUnit,
  onDrill,
}: {
  defaultUnit: string;
  onDrill: (drill: HouseholdDrill) => void;
}) {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const [unit, setUnit] = useState(searchParams.get('unit') ?? defaultUnit);
  const [year, setYear] = useState(Math.min(new Date().getFullYear(), 2030));
  const stats = useQuery(statsQuery(unit, year));
  const unitInfo = useQuery(unitQuery(unit, undefined));
  const city = unitInfo.data?.level === 2 ? unitInfo.data.code : undefined;
  return (
    <Flex vertical gap={16}>
      <Flex gap={16} align="center" wrap>
        <span>{t('registry.unit')}</span>
        <OrgUnitSelect value={unit} onChange={(code) => code && setUnit(code)} style={{ width: 320 }} />
        <span>{t('registry.year')}</span>
        <InputNumber
          min={2014}
          max={2030}
          value={year}
          onChange={(v) => v && setYear(v)}
          aria-label={t('registry.year')}
        />
      </Flex>
      <Kpis stats={stats.data} />
      <Row gutter={16}>
        <Col xs={24} xl={city && MAPPED_CITIES.has(city) ? 12 : 24}>
          <TrendChart unit={unit} />
        </Col>
        {city && MAPPED_CITIES.has(city) && (
          <Col xs={24} xl={12}>
            <CountyMap city={city} year={year} />
          </Col>
        )}
      </Row>
      <BreakdownCharts unit={unit} year={year} onDrill={onDrill} />
    </Flex>
  );
}
