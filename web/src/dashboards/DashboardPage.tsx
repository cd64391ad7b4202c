import { ExpandOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Row, Space } from 'antd';
import { type ComponentType, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { indicatorsQuery, dashboardQuery, type Widget } from '../indicators/indicator-queries.ts';
import { SourceRowsDrawer } from '../indicators/SourceRowsDrawer.tsx';
import { useIndicatorView } from '../indicators/use-indicator-view.ts';
import { ViewToolbar } from '../indicators/ViewToolbar.tsx';
import { CompositionWidget, KpiWidget, MapWidget, RankingWidget, TrendWidget, type WidgetProps } from './widgets.tsx';

const WIDGETS: Record<Widget['type'], { component: ComponentType<WidgetProps>; span: number }> = {
  kpi: { component: KpiWidget, span: 8 },
  trend: { component: TrendWidget, span: 12 },
  ranking: { component: RankingWidget, span: 12 },
  composition: { component: CompositionWidget, span: 12 },
  map: { component: MapWidget, span: 12 },
};

/**
 * The dashboard configured for the user's role at a unit: KPI cards with target and colour, trend, ranking,
 * composition and the county map. "Cockpit" shows it full screen for leaders; any figure opens its rows.
 */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const view = useIndicatorView({ period: '2021' });
  const dashboard = useQuery(dashboardQuery(view.unit));
  const indicators = useQuery(indicatorsQuery());
  const [drill, setDrill] = useState<{ unit: string; indicator: string }>();
  const screen = useRef<HTMLDivElement>(null);
  const nameOf = (code: string) => {
    const found = indicators.data?.find((i) => i.code === code);
    return found ? (i18n.language === 'en' ? found.nameEn : found.nameZh) : code;
  };
  const known = new Set(indicators.data?.map((i) => i.code));
  const widgets = (dashboard.data?.widgets ?? []).filter((w) => known.has(w.indicator));
  return (
    <div ref={screen} style={{ background: 'var(--ant-color-bg-layout, #f5f5f5)', padding: 12, overflow: 'auto' }}>
      <Space style={{ marginBottom: 12 }} wrap>
        <ViewToolbar view={view} withIndicator={false} />
        <Button icon={<ExpandOutlined />} onClick={() => void screen.current?.requestFullscreen?.()}>
          {t('dashboards.cockpit')}
        </Button>
      </Space>
      <Row gutter={[12, 12]}>
        {widgets.map((widget, index) => {
          const { component: Component, span } = WIDGETS[widget.type];
          return (
            <Col key={`${widget.type}-${widget.indicator}-${index}`} xs={24} lg={span}>
              <Card
                size="small"
                title={
                  widget.title ??
                  (widget.type === 'kpi'
                    ? nameOf(widget.indicator)
                    : `${nameOf(widget.indicator)} · ${t(`dashboards.${widget.type}`)}`)
                }
              >
                <Component
                  widget={widget}
                  unit={view.unit}
                  period={view.period}
                  onDrill={(unit) => setDrill({ unit, indicator: widget.indicator })}
                />
              </Card>
            </Col>
          );
        })}
      </Row>
      <SourceRowsDrawer
        query={drill ? { ...drill, period: view.period } : undefined}
        onClose={() => setDrill(undefined)}
      />
    </div>
  );
}
