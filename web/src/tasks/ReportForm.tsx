import { UploadOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Radio, Upload } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../forms/FormErrorAlert.tsx';
import { useServerErrors } from '../forms/use-server-errors.ts';
import { uploadEvidence } from '../loop/upload.ts';
import { useSubmitReport } from './task-queries.ts';

type Values = { kind: 'progress' | 'completion'; percent: number; narrative: string };

/** A progress or completion report with evidence; the idempotency key survives retries of one submission. */
export function ReportForm({ taskId, canComplete }: { taskId: string; canComplete: boolean }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<{ sha256: string; name: string }[]>([]);
  const errors = useServerErrors(form);
  const key = useRef(crypto.randomUUID());
  const submit = useSubmitReport(taskId);
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ kind: 'progress', percent: 0 }}
      onValuesChange={errors.clear}
      onFinish={(values) =>
        submit.mutate(
          { ...values, files, idempotencyKey: key.current },
          {
            onSuccess: () => {
              key.current = crypto.randomUUID();
              setFiles([]);
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
      <Form.Item label={t('loop.report.evidence')}>
        <Upload
          fileList={files.map((f) => ({ uid: f.sha256, name: f.name, status: 'done' as const }))}
          onRemove={(file) => setFiles((current) => current.filter((f) => f.sha256 !== file.uid))}
          customRequest={({ file, onSuccess, onError }) => {
            uploadEvidence(file as File).then(
              (stored) => {
                errors.clear();
                setFiles((current) => [...current, stored]);
                onSuccess?.(stored);
              },
              (error: Error) => {
                errors.report(error);
                onError?.(error);
              },
            );
          }}
        >
          <Button icon={<UploadOutlined />}>{t('loop.report.upload')}</Button>
        </Upload>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={submit.isPending}>
        {t('loop.report.submit')}
      </Button>
    </Form>
  );
}
