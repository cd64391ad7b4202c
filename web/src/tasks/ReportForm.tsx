import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, InputNumber, Radio, Space } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../forms/FormErrorAlert.tsx';
import { useServerErrors } from '../forms/use-server-errors.ts';
import { EvidenceUpload } from '../loop/EvidenceUpload.tsx';
import type { FileRef } from '../loop/upload.ts';
import { useSubmitReport } from './task-queries.ts';

type Figure = { label: string; value: number; unit: string };
type Values = {
  kind: 'progress' | 'completion';
  percent: number;
  narrative: string;
  figures: Figure[];
  files: FileRef[];
};

/** A progress or completion report with evidence; the idempotency key survives retries of one submission. */
export function ReportForm({ taskId, canComplete }: { taskId: string; canComplete: boolean }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const errors = useServerErrors(form);
  const key = useRef(crypto.randomUUID());
  const submit = useSubmitReport(taskId);
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ kind: 'progress', percent: 0, figures: [], files: [] }}
      onValuesChange={errors.clear}
      onFinish={(values) =>
        submit.mutate(
          { ...values, idempotencyKey: key.current },
          {
            onSuccess: () => {
              key.current = crypto.randomUUID();
              form.resetFields();
            },
            onError: errors.report,
          },
        )
      }
    >
      <FormErrorAlert error={errors.error} />
      <Form.Item name="kind" label={t('loop.report.kind')}>
        <Radio.Group>
          <Radio value="progress">{t('loop.report.progress')}</Radio>
          <Radio value="completion" disabled={!canComplete}>
            {t('loop.report.completion')}
          </Radio>
        </Radio.Group>
      </Form.Item>
      <Form.Item name="percent" label={t('loop.report.percent')} rules={[{ required: true }]}>
        <InputNumber min={0} max={100} addonAfter="%" />
      </Form.Item>
      <Form.Item name="narrative" label={t('loop.report.narrative')} rules={[{ required: true, min: 2 }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item label={t('loop.report.figures')}>
        <Form.List name="figures">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4}>
              {fields.map((field) => (
                <Space key={field.key}>
                  <Form.Item name={[field.name, 'label']} noStyle rules={[{ required: true }]}>
                    <Input placeholder={t('loop.report.figureLabel')} style={{ width: 180 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'value']} noStyle rules={[{ required: true }]}>
                    <InputNumber placeholder={t('loop.report.figureValue')} style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'unit']} noStyle initialValue="">
                    <Input placeholder={t('loop.report.figureUnit')} style={{ width: 90 }} />
                  </Form.Item>
                  <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ label: '', unit: '' })}>
                {t('loop.report.addFigure')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item name="files" label={t('loop.report.evidence')}>
        <EvidenceUpload onError={errors.report} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={submit.isPending}>
        {t('loop.report.submit')}
      </Button>
    </Form>
  );
}
