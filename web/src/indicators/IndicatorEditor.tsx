import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, AutoComplete, Button, Col, Form, Input, InputNumber, Modal, Row, Select, Space, Spin } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error.ts';
import { FormErrorAlert } from '../forms/FormErrorAlert.tsx';
import { useServerErrors } from '../forms/use-server-errors.ts';
import { type DefinitionValues, definitionFromForm, formFromDefinition } from './definition-form.ts';
import { indicatorQuery, indicatorsQuery, useChangeIndicator, useCreateIndicator } from './indicator-queries.ts';

/** Problems the definition check reports by a short code; the others arrive with the server's own message. */
const PROBLEM_CODES = ['required', 'not_allowed', 'duplicate', 'below_min', 'entered_only', 'has_values'] as const;

/** The server's issues with the short codes put into the user's language, so they read well under a field. */
function localised(failure: unknown, t: TFunction): unknown {
  if (!(failure instanceof ApiError)) return failure;
  const details = failure.details.map((issue) =>
    (PROBLEM_CODES as readonly string[]).includes(issue.code)
      ? { ...issue, message: t(`indicators.problems.${issue.code as 'required'}`) }
      : issue,
  );
  // The server's summary lists field names; under each field the problem already reads in full.
  const message =
    failure.code === 'INDICATOR_DEFINITION_INVALID' && details.length > 0 ? t('indicators.fixFields') : failure.message;
  return new ApiError(failure.status, { ...failure, code: failure.code, message, details });
}

type Props = {
  open: boolean;
  /** The indicator to edit; absent to define a new one. */
  code?: string;
  onClose: () => void;
};

/**
 * Defines or changes an indicator with all its attributes. The server checks formulas (unknown operands,
 * cycles), weights and rules and names the field, shown under it; a stale version offers to reload.
 */
export function IndicatorEditor({ open, code, onClose }: Props) {
  const { t } = useTranslation();
  const existing = useQuery({ ...indicatorQuery(code ?? ''), enabled: open && code !== undefined });
  const loading = code !== undefined && !existing.data;
  return (
    <Modal
      open={open}
      title={code ? t('indicators.editIndicator', { code }) : t('indicators.newIndicator')}
      onCancel={onClose}
      okButtonProps={{ form: 'indicator-definition', htmlType: 'submit', disabled: loading }}
      width={760}
      destroyOnHidden
    >
      {loading ? (
        <Spin />
      ) : (
        <DefinitionForm
          key={`${code ?? 'new'}@${existing.data?.version ?? 0}`}
          code={code}
          version={existing.data?.version}
          initialValues={formFromDefinition(existing.data)}
          onReload={() => void existing.refetch()}
          onSaved={onClose}
        />
      )}
    </Modal>
  );
}

function DefinitionForm({
  code,
  version,
  initialValues,
  onReload,
  onSaved,
}: {
  code: string | undefined;
  version: number | undefined;
  initialValues: Partial<DefinitionValues>;
  onReload: () => void;
  onSaved: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<DefinitionValues>();
  const errors = useServerErrors(form);
  const create = useCreateIndicator();
  const change = useChangeIndicator();
  const indicators = useQuery(indicatorsQuery());
  const source = Form.useWatch('source', form);
  const unitAggregation = Form.useWatch('unitAggregation', form);
  const choices = <K extends string>(group: string, values: readonly K[]) =>
    values.map((value) => ({ value, label: t(`indicators.choices.${group}.${value}` as 'indicators.code') }));
  const codeOptions = (indicators.data ?? [])
    .filter((i) => i.code !== code)
    .map((i) => ({ value: i.code, label: `${i.code} · ${i18n.language === 'en' ? i.nameEn : i.nameZh}` }));
  const codeInput = <AutoComplete options={codeOptions} filterOption allowClear placeholder="economy.gdp" />;

  async function save(values: DefinitionValues) {
    const definition = definitionFromForm(values);
    try {
      if (code && version !== undefined) {
        const { code: _code, ...changes } = definition;
        await change.mutateAsync({ code, body: { ...changes, version } });
      } else {
        await create.mutateAsync(definition);
      }
      void message.success(t('indicators.definitionSaved', { code: definition.code }));
      onSaved();
    } catch (failure) {
      errors.report(localised(failure, t));
    }
  }

  return (
    <Form<DefinitionValues>
      id="indicator-definition"
      name="indicator-definition"
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={(values) => void save({ ...values, code: code ?? values.code })}
      onValuesChange={errors.clear}
      disabled={create.isPending || change.isPending}
    >
      <FormErrorAlert error={errors.error} onReload={onReload} />
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="code" label={t('indicators.code')} rules={[{ required: true }]}>
            <Input placeholder="economy.gdp" disabled={code !== undefined} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="nameZh" label={t('indicators.nameZh')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="nameEn" label={t('indicators.nameEn')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="measureUnit" label={t('indicators.measureUnit')}>
            <Input placeholder="亿元 / % / 人" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="valueType" label={t('indicators.valueType')}>
            <Select options={choices('valueType', ['number', 'percent', 'count', 'money'])} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="direction" label={t('indicators.direction')}>
            <Select options={choices('direction', ['up', 'down'])} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="periodType" label={t('indicators.periodType')}>
            <Select options={choices('periodType', ['month', 'quarter', 'year'])} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="unitAggregation" label={t('indicators.unitAggregation')}>
            <Select options={choices('unitAggregation', ['sum', 'average', 'weighted_average', 'none'])} />
          </Form.Item>
        </Col>
        <Col span={8}>
          {unitAggregation === 'weighted_average' && (
            <Form.Item name="weightCode" label={t('indicators.weightCode')} rules={[{ required: true }]}>
              {codeInput}
            </Form.Item>
          )}
        </Col>
        <Col span={8}>
          <Form.Item name="periodAggregation" label={t('indicators.periodAggregation')}>
            <Select options={choices('periodAggregation', ['sum', 'last', 'average'])} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="source" label={t('indicators.source')}>
            <Select options={choices('source', ['entered', 'formula', 'computed'])} />
          </Form.Item>
        </Col>
        {source === 'entered' && (
          <>
            <Col span={8}>
              <Form.Item name="entryLevel" label={t('indicators.entryLevel')} rules={[{ required: true }]}>
                <Select
                  options={[1, 2, 3, 4, 5].map((l) => ({ value: l, label: t(`indicators.levels.l${l as 1}`) }))}
                />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="categories" label={t('indicators.categories')} extra={t('indicators.categoriesHelp')}>
                <Select mode="tags" maxCount={8} open={false} tokenSeparators={[',', '，']} />
              </Form.Item>
            </Col>
          </>
        )}
        {source === 'formula' && (
          <>
            <Col span={8}>
              <Form.Item name="numeratorCode" label={t('indicators.numerator')} rules={[{ required: true }]}>
                {codeInput}
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="denominatorCode" label={t('indicators.denominator')} rules={[{ required: true }]}>
                {codeInput}
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="factor" label={t('indicators.factor')} extra={t('indicators.factorHelp')}>
                <InputNumber style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </>
        )}
        {source === 'computed' && (
          <Col span={16}>
            <Form.Item name="computedKey" label={t('indicators.computedKey')} rules={[{ required: true }]}>
              <Input placeholder="registry.poverty_incidence" />
            </Form.Item>
          </Col>
        )}
        <Col span={6}>
          <Form.Item name="minValue" label={t('indicators.minValue')}>
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="maxValue" label={t('indicators.maxValue')}>
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="outlierChangePct" label={t('indicators.outlierChangePct')}>
            <InputNumber min={0} addonAfter="%" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="entryWindowDays" label={t('indicators.entryWindowDays')}>
            <InputNumber min={0} max={366} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="alertLine" label={t('indicators.alertLine')}>
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={18}>
          <Form.Item label={t('indicators.rules')}>
            <Form.List name="rules">
              {(fields, { add, remove }, { errors: listErrors }) => (
                <Space direction="vertical" style={{ width: '100%' }}>
                  {fields.map((field) => (
                    <Space key={field.key} align="start">
                      <Form.Item name={[field.name, 'op']} noStyle>
                        <Select style={{ width: 120 }} options={choices('op', ['lte', 'lt', 'gte', 'gt'])} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'code']} style={{ marginBottom: 0, width: 280 }}>
                        {codeInput}
                      </Form.Item>
                      <MinusCircleOutlined aria-label={t('indicators.removeRule')} onClick={() => remove(field.name)} />
                    </Space>
                  ))}
                  {fields.length < 5 && (
                    <Button size="small" icon={<PlusOutlined />} onClick={() => add({ op: 'lte' })}>
                      {t('indicators.addRule')}
                    </Button>
                  )}
                  <Form.ErrorList errors={listErrors} />
                </Space>
              )}
            </Form.List>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
