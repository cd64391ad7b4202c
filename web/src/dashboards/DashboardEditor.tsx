import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Drawer, Form, Input, Select, Space, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../api/types.ts';
import { useCurrentUser } from '../auth/session-queries.ts';
import { FormErrorAlert } from '../forms/FormErrorAlert.tsx';
import { useServerErrors } from '../forms/use-server-errors.ts';
import { dashboardQuery, indicatorsQuery, useSaveDashboard, type Widget } from '../indicators/indicator-queries.ts';
import { OrgUnitSelect } from '../org/OrgUnitSelect.tsx';

const ROLES: Role[] = ['admin', 'leader', 'supervisor', 'staff', 'clerk', 'auditor'];
const TYPES: Widget['type'][] = ['kpi', 'trend', 'ranking', 'composition', 'map'];
/** Widgets that show the units of a level under the dashboard's unit. */
const WITH_LEVEL = new Set<Widget['type']>(['ranking', 'composition', 'map']);
const MAX_WIDGETS = 12;

type Values = { widgets: Partial<Widget>[] };

/** A widget as the server takes it: empty optional inputs left out. */
function cleaned(widget: Partial<Widget>): Widget {
  const entries = Object.entries(widget).filter(([, value]) => value !== undefined && value !== null && value !== '');
  return Object.fromEntries(entries) as Widget;
}

type Props = { open: boolean; unit: string; onClose: () => void };

/**
 * Lays out the dashboard of a role at a unit: add, remove and reorder widgets, and choose for each its
 * indicator and level, and optionally a fixed unit and period. Saved with the version read (409 when stale).
 */
export function DashboardEditor({ open, unit, onClose }: Props) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [role, setRole] = useState<Role>(me.role);
  const dashboard = useQuery({ ...dashboardQuery(unit, role), enabled: open });
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('dashboards.editLayout')}
      size="large"
      destroyOnHidden
      extra={
        <Button type="primary" htmlType="submit" form="dashboard-layout" disabled={!dashboard.data}>
          {t('common.save')}
        </Button>
      }
    >
      <Space style={{ marginBottom: 12 }}>
        {t('dashboards.forRole')}
        <Select
          aria-label={t('dashboards.forRole')}
          value={role}
          onChange={setRole}
          style={{ width: 160 }}
          options={ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))}
        />
      </Space>
      {dashboard.data ? (
        <LayoutForm
          key={`${role}@${dashboard.data.version ?? 0}`}
          role={role}
          unit={unit}
          widgets={dashboard.data.widgets}
          version={dashboard.data.version}
          onReload={() => void dashboard.refetch()}
          onSaved={onClose}
        />
      ) : (
        <Spin />
      )}
    </Drawer>
  );
}

function LayoutForm(props: {
  role: Role;
  unit: string;
  widgets: Widget[];
  version: number | null;
  onReload: () => void;
  onSaved: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const errors = useServerErrors(form);
  const save = useSaveDashboard();
  const indicators = useQuery(indicatorsQuery());
  const widgets = Form.useWatch('widgets', form) ?? [];
  const indicatorOptions = (indicators.data ?? []).map((i) => ({
    value: i.code,
    label: `${i18n.language === 'en' ? i.nameEn : i.nameZh} (${i.code})`,
  }));

  async function submit(values: Values) {
    try {
      await save.mutateAsync({
        role: props.role,
        unit: props.unit,
        widgets: values.widgets.map(cleaned),
        version: props.version ?? undefined,
      });
      void message.success(t('dashboards.layoutSaved'));
      props.onSaved();
    } catch (failure) {
      errors.report(failure);
    }
  }

  return (
    <Form<Values>
      id="dashboard-layout"
      name="dashboard-layout"
      form={form}
      layout="vertical"
      initialValues={{ widgets: props.widgets }}
      onFinish={(values) => void submit(values)}
      onValuesChange={errors.clear}
      disabled={save.isPending}
    >
      <FormErrorAlert error={errors.error} onReload={props.onReload} />
      <Form.List name="widgets">
        {(fields, { add, remove, move }) => (
          <Space direction="vertical" style={{ width: '100%' }}>
            {fields.map((field, index) => (
              <Card
                key={field.key}
                size="small"
                data-testid={`layout-item-${index}`}
                title={`${index + 1}. ${t(`dashboards.types.${widgets[index]?.type ?? 'kpi'}`)}`}
                extra={
                  <Space size={0}>
                    <Button
                      type="text"
                      size="small"
                      icon={<ArrowUpOutlined />}
                      aria-label={t('dashboards.moveUp')}
                      disabled={index === 0}
                      onClick={() => move(index, index - 1)}
                    />
                    <Button
                      type="text"
                      size="small"
                      icon={<ArrowDownOutlined />}
                      aria-label={t('dashboards.moveDown')}
                      disabled={index === fields.length - 1}
                      onClick={() => move(index, index + 1)}
                    />
                    <Button
                      type="text"
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('dashboards.removeWidget')}
                      onClick={() => remove(field.name)}
                    />
                  </Space>
                }
              >
                <Space wrap align="start">
                  <Form.Item
                    name={[field.name, 'type']}
                    label={t('dashboards.widgetType')}
                    rules={[{ required: true }]}
                  >
                    <Select
                      style={{ width: 130 }}
                      options={TYPES.map((value) => ({ value, label: t(`dashboards.types.${value}`) }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'indicator']}
                    label={t('indicators.indicator')}
                    rules={[{ required: true }]}
                  >
                    <Select
                      showSearch
                      optionFilterProp="label"
                      style={{ width: 300 }}
                      options={indicatorOptions}
                      aria-label={`${t('indicators.indicator')} ${index + 1}`}
                    />
                  </Form.Item>
                  {WITH_LEVEL.has(widgets[index]?.type ?? 'kpi') && (
                    <Form.Item name={[field.name, 'level']} label={t('indicators.level')}>
                      <Select
                        allowClear
                        placeholder={t('indicators.levels.l3')}
                        style={{ width: 100 }}
                        options={[2, 3, 4, 5].map((l) => ({ value: l, label: t(`indicators.levels.l${l as 2}`) }))}
                      />
                    </Form.Item>
                  )}
                  <Form.Item name={[field.name, 'unit']} label={t('dashboards.fixedUnit')}>
                    <OrgUnitSelect placeholder={t('dashboards.followsScreen')} style={{ width: 200 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'period']} label={t('dashboards.fixedPeriod')}>
                    <Input placeholder={t('dashboards.followsScreen')} style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'title']} label={t('dashboards.widgetTitle')}>
                    <Input maxLength={60} style={{ width: 200 }} />
                  </Form.Item>
                </Space>
              </Card>
            ))}
            <Button
              icon={<PlusOutlined />}
              disabled={fields.length >= MAX_WIDGETS}
              onClick={() => add({ type: 'kpi' })}
            >
              {t('dashboards.addWidget')}
            </Button>
          </Space>
        )}
      </Form.List>
    </Form>
  );
}
