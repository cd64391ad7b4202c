import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, Select, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCan } from '../auth/session-queries.ts';
import { FormErrorAlert } from '../forms/FormErrorAlert.tsx';
import { useServerErrors } from '../forms/use-server-errors.ts';
import { cellColumns } from '../common/export-excel.ts';
import { ExportButton } from '../common/ExportButton.tsx';
import { indicatorsQuery, type Target, type TargetBody, targetsQuery, usePutTarget } from './indicator-queries.ts';
import type { IndicatorView } from './use-indicator-view.ts';

type Values = Omit<TargetBody, 'unit' | 'version'>;

/**
 * Targets of the unit with baseline and colour thresholds (attainment from which the light is green, amber).
 * Picking an indicator and period that already have a target edits it, with the version read.
 */
export function TargetsTab({ view }: { view: IndicatorView }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const targets = useQuery(targetsQuery(view.unit));
  const indicators = useQuery(indicatorsQuery());
  const put = usePutTarget();
  const canSet = useCan('indicators.target');
  const [form] = Form.useForm<Values>();
  const errors = useServerErrors(form);
  const indicator = Form.useWatch('indicator', form);
  const period = Form.useWatch('period', form);
  const rows = targets.data ?? [];
  const existing = rows.find((x) => x.indicator === indicator && x.period === period);
  const nameOf = (code: string) => {
    const found = indicators.data?.find((i) => i.code === code);
    return found ? (i18n.language === 'en' ? found.nameEn : found.nameZh) : code;
  };

  const edit = (target: Target) => {
    errors.clear();
    form.setFieldsValue({
      indicator: target.indicator,
      period: target.period,
      baseline: target.baseline,
      target: target.target,
      greenAt: target.greenAt,
      amberAt: target.amberAt,
    });
  };

  async function save(values: Values) {
    try {
      // A cleared threshold falls back to the server's default rather than being sent as null.
      await put.mutateAsync({
        ...values,
        unit: view.unit,
        baseline: values.baseline ?? null,
        greenAt: values.greenAt ?? undefined,
        amberAt: values.amberAt ?? undefined,
        version: existing?.version,
      });
      void message.success(t('indicators.targetSaved'));
    } catch (failure) {
      errors.report(failure);
    }
  }

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {canSet && (
        <Card size="small" title={existing ? t('indicators.editTarget') : t('indicators.setTarget')}>
          <Form<Values>
            form={form}
            layout="inline"
            initialValues={{ indicator: view.indicator, period: view.period, greenAt: 1, amberAt: 0.9 }}
            onFinish={(values) => void save(values)}
            onValuesChange={errors.clear}
          >
            <Form.Item name="indicator" label={t('indicators.indicator')} rules={[{ required: true }]}>
              <Select
                showSearch
                optionFilterProp="label"
                style={{ width: 240 }}
                options={(indicators.data ?? []).map((i) => ({ value: i.code, label: nameOf(i.code) }))}
              />
            </Form.Item>
            <Form.Item name="period" label={t('indicators.period')} rules={[{ required: true }]}>
              <Input style={{ width: 100 }} placeholder="2021" />
            </Form.Item>
            <Form.Item name="baseline" label={t('indicators.baseline')}>
              <InputNumber />
            </Form.Item>
            <Form.Item name="target" label={t('indicators.target')} rules={[{ required: true }]}>
              <InputNumber aria-label={t('indicators.target')} />
            </Form.Item>
            <Form.Item name="greenAt" label={t('indicators.greenAt')} tooltip={t('indicators.thresholdHelp')}>
              <InputNumber min={0} max={10} step={0.05} />
            </Form.Item>
            <Form.Item name="amberAt" label={t('indicators.amberAt')}>
              <InputNumber min={0} max={10} step={0.05} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={put.isPending}>
              {t('common.save')}
            </Button>
          </Form>
          <FormErrorAlert error={errors.error} onReload={() => void targets.refetch()} />
        </Card>
      )}
      <ExportButton
        name={`targets-${view.unit}`}
        columns={cellColumns([
          t('indicators.code'),
          t('indicators.indicator'),
          t('indicators.period'),
          t('indicators.baseline'),
          t('indicators.target'),
          t('indicators.greenAt'),
          t('indicators.amberAt'),
        ])}
        rows={rows.map((r) => [r.indicator, nameOf(r.indicator), r.period, r.baseline, r.target, r.greenAt, r.amberAt])}
      />
      <Table
        size="small"
        rowKey={(r) => `${r.indicator}|${r.period}`}
        dataSource={rows}
        loading={targets.isLoading}
        pagination={{ pageSize: 50 }}
        columns={[
          { title: t('indicators.indicator'), dataIndex: 'indicator', render: (code: string) => nameOf(code) },
          { title: t('indicators.period'), dataIndex: 'period' },
          { title: t('indicators.baseline'), dataIndex: 'baseline', render: (v: number | null) => v ?? '—' },
          { title: t('indicators.target'), dataIndex: 'target' },
          { title: t('indicators.greenAt'), dataIndex: 'greenAt' },
          { title: t('indicators.amberAt'), dataIndex: 'amberAt' },
          ...(canSet
            ? [
                {
                  title: t('common.actions'),
                  key: 'edit',
                  render: (_: unknown, r: Target) => (
                    <Button size="small" onClick={() => edit(r)}>
                      {t('common.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Space>
  );
}
