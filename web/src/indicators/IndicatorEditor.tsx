import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error.ts';
import { FormErrorAlert } from '../forms/FormErrorAlert.tsx';
import { type NewIndicatorBody, useCreateIndicator } from './indicator-queries.ts';

const choices = (values: string[]) => values.map((value) => ({ value, label: value }));

/** Defines an indicator; the server checks formulas for unknown operands and cycles and names the field. */
export function IndicatorEditor({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<NewIndicatorBody>();
  const create = useCreateIndicator();
  const source = Form.useWatch('source', form);
  return (
    <Modal
      open={open}
      title={t('indicators.newIndicator')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      width={640}
      destroyOnHidden
    >
      <FormErrorAlert error={isApiError(create.error) ? create.error : undefined} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          valueType: 'number',
          direction: 'up',
          unitAggregation: 'sum',
          periodAggregation: 'sum',
          periodType: 'year',
          source: 'entered',
          entryLevel: 3,
          factor: 1,
        }}
        onFinish={(values) => create.mutate(values, { onSuccess: onClose })}
      >
        <Form.Item name="code" label={t('indicators.code')} rules={[{ required: true }]}>
          <Input placeholder="economy.gdp" />
        </Form.Item>
        <Form.Item name="nameZh" label={t('indicators.nameZh')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="nameEn" label={t('indicators.nameEn')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="measureUnit" label={t('indicators.measureUnit')}>
          <Input />
        </Form.Item>
        <Form.Item name="valueType" label={t('indicators.valueType')}>
          <Select options={choices(['number', 'percent', 'count', 'money'])} />
        </Form.Item>
        <Form.Item name="direction" label={t('indicators.direction')}>
          <Select options={choices(['up', 'down'])} />
        </Form.Item>
        <Form.Item name="unitAggregation" label={t('indicators.unitAggregation')}>
          <Select options={choices(['sum', 'average', 'weighted_average', 'none'])} />
        </Form.Item>
        <Form.Item name="periodAggregation" label={t('indicators.periodAggregation')}>
          <Select options={choices(['sum', 'last', 'average'])} />
        </Form.Item>
        <Form.Item name="periodType" label={t('indicators.periodType')}>
          <Select options={choices(['month', 'quarter', 'year'])} />
        </Form.Item>
        <Form.Item name="source" label={t('indicators.source')}>
          <Select options={choices(['entered', 'formula', 'computed'])} />
        </Form.Item>
        {source === 'entered' && (
          <Form.Item name="entryLevel" label={t('indicators.entryLevel')}>
            <InputNumber min={1} max={5} />
          </Form.Item>
        )}
        {source === 'formula' && (
          <>
            <Form.Item name="numeratorCode" label={t('indicators.numerator')}>
              <Input />
            </Form.Item>
            <Form.Item name="denominatorCode" label={t('indicators.denominator')}>
              <Input />
            </Form.Item>
            <Form.Item name="factor" label={t('indicators.factor')}>
              <InputNumber />
            </Form.Item>
          </>
        )}
        <Form.Item name="alertLine" label={t('indicators.alertLine')}>
          <InputNumber />
        </Form.Item>
      </Form>
    </Modal>
  );
}
