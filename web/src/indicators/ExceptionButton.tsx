import { UnlockOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../forms/FormErrorAlert.tsx';
import { useServerErrors } from '../forms/use-server-errors.ts';
import { useGrantException } from './indicator-queries.ts';

type Values = { indicator?: string; reason: string; expiresAt: Dayjs };

/**
 * Reopens entry for a unit and period after its window closed, until a set time, for one indicator or all;
 * the server records who granted it and why in the audit trail.
 */
export function ExceptionButton({ unit, period, indicators }: { unit: string; period: string; indicators: string[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const errors = useServerErrors(form);
  const grant = useGrantException();

  async function save(values: Values) {
    try {
      await grant.mutateAsync({
        unit,
        period,
        indicator: values.indicator ?? null,
        reason: values.reason,
        expiresAt: values.expiresAt.toISOString(),
      });
      void message.success(t('indicators.exceptionGranted'));
      setOpen(false);
    } catch (failure) {
      errors.report(failure);
    }
  }

  return (
    <>
      <Button size="small" icon={<UnlockOutlined />} onClick={() => setOpen(true)}>
        {t('indicators.grantException')}
      </Button>
      <Modal
        open={open}
        title={t('indicators.grantException')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={grant.isPending}
        afterClose={errors.clear}
        destroyOnHidden
      >
        <Form<Values>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ expiresAt: dayjs().add(3, 'day') }}
          onFinish={(values) => void save(values)}
          onValuesChange={errors.clear}
        >
          <Form.Item name="indicator" label={t('indicators.indicator')} extra={t('indicators.exceptionAllIndicators')}>
            <Select allowClear options={[...new Set(indicators)].map((code) => ({ value: code, label: code }))} />
          </Form.Item>
          <Form.Item name="reason" label={t('indicators.exceptionReason')} rules={[{ required: true, min: 2 }]}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          <Form.Item name="expiresAt" label={t('indicators.exceptionUntil')} rules={[{ required: true }]}>
            <DatePicker showTime style={{ width: '100%' }} />
          </Form.Item>
          <FormErrorAlert error={errors.error} />
        </Form>
      </Modal>
    </>
  );
}
