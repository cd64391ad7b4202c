import { UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Modal, Radio, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error.ts';
import type { Job } from '../api/types.ts';
import { formatCount } from '../common/numbers.ts';
import { jobKeys, jobQuery } from '../jobs/job-queries.ts';
import { JobProgress } from '../jobs/JobProgress.tsx';
import { importIssues, registryImportReport, type ImportIssue } from './registry-import.ts';
import { registryKeys, useStartRegistryImport } from './registry-queries.ts';

type Props = { open: boolean; onClose: () => void };

/**
 * Uploads the registry layout (CSV or XLSX), as a dry run that only checks or as the all-or-nothing import,
 * follows the job, then shows what it counted or every row it refused. The modal stays mounted when closed,
 * so a running import keeps being watched.
 */
export function ImportRegistryModal({ open, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const start = useStartRegistryImport();
  const [file, setFile] = useState<File>();
  const [dryRun, setDryRun] = useState(true);
  const [jobId, setJobId] = useState<string>();
  const [error, setError] = useState<ApiError>();
  const job = useQuery({ ...jobQuery(jobId ?? ''), enabled: jobId !== undefined });
  const running = job.data?.status === 'running';
  const issues = job.data && job.data.status !== 'running' ? importIssues(job.data) : [];

  async function submit() {
    if (!file) return;
    setError(undefined);
    try {
      setJobId((await start.mutateAsync({ file, dryRun })).id);
    } catch (failure) {
      if (failure instanceof ApiError) setError(failure);
      else throw failure;
    }
  }

  const count = (value: number) => formatCount(value, i18n.language);
  const phaseLabels = {
    validating: t('registry.import.phases.validating'),
    writing: t('registry.import.phases.writing'),
    statistics: t('registry.import.phases.statistics'),
    done: t('registry.import.phases.done'),
  };
  const renderResult = (finished: Job) => {
    const report = registryImportReport(finished.result);
    if (!report) return t('jobs.status.succeeded');
    return t(report.dryRun ? 'registry.import.checked' : 'registry.import.applied', {
      rows: count(report.rows),
      households: count(report.households),
      newPersons: count(report.newPersons),
      updatedPersons: count(report.updatedPersons),
      errors: count(report.errors.length),
    });
  };
  const refresh = (finished: Job) => {
    void client.invalidateQueries({ queryKey: jobKeys.recentAll });
    if (finished.status === 'succeeded' && registryImportReport(finished.result)?.dryRun === false) {
      void client.invalidateQueries({ queryKey: registryKeys.all });
    }
  };

  return (
    <Modal
      open={open}
      title={t('registry.import.title')}
      okText={t(dryRun ? 'registry.import.check' : 'registry.import.apply')}
      cancelText={t('common.close')}
      okButtonProps={{ icon: <UploadOutlined />, disabled: running || !file }}
      confirmLoading={start.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      width={760}
    >
      <Flex vertical gap={16}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('registry.import.intro')}
        </Typography.Paragraph>
        <Upload
          accept=".csv,.xlsx"
          maxCount={1}
          disabled={running}
          beforeUpload={(chosen) => {
            setFile(chosen);
            return false;
          }}
          onRemove={() => setFile(undefined)}
          fileList={file ? [{ uid: 'chosen', name: file.name, status: 'done' }] : []}
        >
          <Button icon={<UploadOutlined />}>{t('registry.import.chooseFile')}</Button>
        </Upload>
        <Radio.Group
          value={dryRun}
          disabled={running}
          onChange={(event) => setDryRun(event.target.value as boolean)}
          options={[
            { value: true, label: t('registry.import.dryRun') },
            { value: false, label: t('registry.import.applyMode') },
          ]}
        />
        {!dryRun && <Alert type="warning" showIcon title={t('registry.import.applyNotice')} />}
        {error && <Alert role="alert" type="error" showIcon title={error.message} />}
        {jobId && (
          <JobProgress
            key={jobId}
            jobId={jobId}
            phaseLabels={phaseLabels}
            renderResult={renderResult}
            onFinished={refresh}
          />
        )}
        {issues.length > 0 && (
          <Table<ImportIssue>
            aria-label={t('registry.import.errors')}
            rowKey={(issue) => `${issue.row ?? ''}-${issue.field}-${issue.message}`}
            size="small"
            dataSource={issues}
            pagination={{ pageSize: 10, showSizeChanger: false }}
            columns={[
              { title: t('registry.import.columns.row'), dataIndex: 'row', width: 80, align: 'right' },
              { title: t('registry.import.columns.column'), dataIndex: 'field', width: 160 },
              { title: t('registry.import.columns.reason'), dataIndex: 'message' },
            ]}
          />
        )}
      </Flex>
    </Modal>
  );
}
