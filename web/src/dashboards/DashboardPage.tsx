import { CompressOutlined, EditOutlined, ExpandOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Empty, Row, Space, Typography } from 'antd';
import { type ComponentType, type RefObject, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../auth/session-queries.ts';
import { dashboardQuery, indicatorsQuery, type Widget } from '../indicators/indicator-queries.ts';
import { SourceRowsDrawer } from '../indicators/SourceRowsDrawer.tsx';
import { useIndicatorView } from '../indicators/use-indicator-view.ts';
import { ViewToolbar } from '../indicators/ViewToolbar.tsx';
import { unitQuery } from '../org/org-queries.ts';
import { DashboardEditor } from './DashboardEditor.tsx';
import { CompositionWidget, KpiWidget, MapWidget, RankingWidget, TrendWidget, type WidgetProps } from './widgets.tsx';

const WIDGETS: Record<Widget['type'], { component: ComponentType<WidgetProps>; span: number }> = {
  kpi: { component: KpiWidget, span: 8 },
  trend: { component: TrendWidget, span: 12 },
  ranking: { component: RankingWidget, span: 12 },
  composition: { component: CompositionWidget, span: 12 },
  map: { component: MapWidget, span: 12 },
};

/** Whether an element is shown full screen; follows the browser (Esc leaves full screen without us). */
function useFullscreen(element: RefObject<HTMLElement | null>) {
  const [active, setActive] = useState(false);
  useEffect(() => {
    const follow = () =>
      setActive(document.fullscreenElement !== null && document.fullscreenElement === element.current);
    document.addEventListener('fullscreenchange', follow);
    return () => document.removeEventListener('fullscreenchange', follow);
  }, [element]);
  const toggle = () => {
    if (active) void document.exitFullscreen();
    else void element.current?.requestFullscreen?.();
  };
  return { active, toggle };
}

/**
 * The dashboard configured for the user's role at a unit: KPI cards with target and colour, trend, ranking,
 * composition and the map. The cockpit shows it full screen on a dark ground for leaders' screens; any figure
 * opens the rows behind it; those who configure dashboards edit the layout of any role here.
 */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const view = useIndicatorView({ period: '2021' });
  const dashboard = useQuery(dashboardQuery(view.unit));
  const indicators = useQuery(indicatorsQuery());
  const canManage = useCan('dashboards.manage');
  const [editing, setEditing] = useState(false);
  const [drill, setDrill] = useState<{ unit: string; indicator: string; period: string }>();
  const screen = useRef<HTMLDivElement>(null);
  const cockpit = useFullscreen(screen);
  const nameOf = (code: string) => {
    const found = indicators.data?.find((i) => i.code === code);
    return found ? (i18n.language === 'en' ? found.nameEn : found.nameZh) : code;
  };
  const known = new Set(indicators.data?.map((i) => i.code));
  const widgets = (dashboard.data?.widgets ?? []).filter((w) => known.has(w.indicator));
  const unitName = useQuery(unitQuery(view.unit, undefined)).data?.name ?? view.unit;
  return (
    <div
      ref={screen}
      data-testid="dashboard"
      style={{
        background: cockpit.active ? '#0b1f3a' : 'var(--ant-color-bg-layout, #f5f5f5)',
        padding: cockpit.active ? 24 : 12,
        overflow: 'auto',
      }}
    >
      {cockpit.active ? (
        <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }}>
          <Typography.Title level={2} style={{ color: '#fff', margin: 0 }}>
            {t('dashboards.cockpitTitle', { unit: unitName, period: view.period })}
          </Typography.Title>
          <Button icon={<CompressOutlined />} onClick={cockpit.toggle}>
            {t('dashboards.exitCockpit')}
          </Button>
        </Space>
      ) : (
        <Space style={{ marginBottom: 12 }} wrap>
          <ViewToolbar view={view} withIndicator={false} />
          <Button icon={<ExpandOutlined />} onClick={cockpit.toggle}>
            {t('dashboards.cockpit')}
          </Button>
          {canManage && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('dashboards.editLayout')}
            </Button>
          )}
        </Space>
      )}
      {dashboard.data && widgets.length === 0 && <Empty description={t('dashboards.empty')} />}
      <Row gutter={[12, 12]}>
        {widgets.map((widget, index) => {
          const { component: Component, span } = WIDGETS[widget.type];
          const period = widget.period ?? view.period;
          return (
            <Col key={`${widget.type}-${widget.indicator}-${index}`} xs={24} lg={span}>
              <Card
                size="small"
                data-testid={`widget-${index}`}
                title={
                  widget.title ??
                  (widget.type === 'kpi'
                    ? nameOf(widget.indicator)
                    : `${nameOf(widget.indicator)} · ${t(`dashboards.types.${widget.type}`)}`)
                }
              >
                <Component
                  widget={widget}
                  unit={widget.unit ?? view.unit}
                  period={period}
                  onDrill={(unit, at) => setDrill({ unit, indicator: widget.indicator, period: at ?? period })}
                />
              </Card>
            </Col>
          );
        })}
      </Row>
      <SourceRowsDrawer
        query={drill}
        onClose={() => setDrill(undefined)}
        container={cockpit.active ? () => screen.current ?? document.body : undefined}
      />
      {canManage && <DashboardEditor open={editing} unit={view.unit} onClose={() => setEditing(false)} />}
    </div>
  );
}
