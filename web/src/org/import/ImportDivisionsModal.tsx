import { CloudDownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../forms/FormErrorAlert.tsx';
import { useServerErrors } from '../../forms/use-server-errors.ts';
import { jobQuery } from '../../jobs/job-queries.ts';
import { PREFIX_PATTERN, WHOLE_COUNTRY } from './division-import.ts';
import { useRefreshAfterDivisionImport, useStartDivisionImport } from './division-import-queries.ts';
import { DivisionImportProgress } from './DivisionImportProgress.tsx';
import { RecentImports } from './RecentImports.tsx';

type FormValues = { prefix: string };

type Props = { open: boolean; onClose: () => void };

/**
 * Asks which divisions to load, then follows the import. The modal stays mounted when closed, so a running
 * import keeps being watched and still refreshes the tree when it ends.
 */
export function ImportDivisionsModal({ open, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const errors = useServerErrors(form);
  const start = useStartDivisionImport();
  const refresh = useRefreshAfterDivisionImport();
  const [jobId, setJobId] = useState<string>();
  const job = useQuery({ ...jobQuery(jobId ?? ''), enabled: jobId !== undefined });
  const running = job.data?.status === 'running';
  const prefix = Form.useWatch('prefix', form);

  async function submit(values: FormValues) {
    try {
      setJobId((await start.mutateAsync(values)).id);
    } catch (failure) {
      errors.report(failure);
    }
  }

  const invalid = t('org.import.prefixInvalid');
  return (
    <Modal
      open={open}
      title={t('org.import.title')}
      okText={t('org.import.submit')}
      cancelText={t('common.close')}
      okButtonProps={{ icon: <CloudDownloadOutlined />, disabled: running }}
      confirmLoading={start.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={640}
    >
      <Typography.Paragraph type="secondary">{t('org.import.intro')}</Typography.Paragraph>
      <Form<FormValues>
        form={form}
        name="importDivisions"
        layout="vertical"
        disabled={running}
        onFinish={(values) => void submit(values)}
        onValuesChange={errors.clear}
      >
        <Form.Item
          name="prefix"
          label={t('org.import.prefix')}
          extra={t('org.import.prefixHelp')}
          normalize={(value: string) => value.trim().toLowerCase()}
          rules={[
            { required: true, message: invalid },
            { pattern: PREFIX_PATTERN, message: invalid },
          ]}
        >
          <Input placeholder="1409" maxLength={6} autoComplete="off" />
        </Form.Item>
        {prefix === WHOLE_COUNTRY && (
          <Alert type="warning" showIcon title={t('org.import.wholeCountryNotice')} style={{ marginBottom: 16 }} />
        )}
        <FormErrorAlert error={errors.error} />
      </Form>
      {jobId && <DivisionImportProgress key={jobId} jobId={jobId} onFinished={refresh} />}
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('org.import.recent')}
      </Typography.Title>
      <RecentImports />
    </Modal>
  );
}
