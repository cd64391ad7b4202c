import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Space, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Job } from '../api/types.ts';
import { JobProgress } from '../jobs/JobProgress.tsx';
import { uploadValues } from './indicator-queries.ts';

type Issue = { row?: number; field: string; message: string };
type ImportResult = {
  rows: number;
  applied: boolean;
  changed: number;
  issueCount: number;
  issues: Issue[];
};

function IssueList({ issues }: { issues: readonly Issue[] }) {
  const { t } = useTranslation();
  return (
    <ul style={{ margin: 0 }}>
      {issues.slice(0, 50).map((issue) => (
        <li key={`${issue.row}-${issue.field}`}>{t('indicators.importIssues', issue)}</li>
      ))}
    </ul>
  );
}

/** Template download and upload of a filled file: a dry run first by default, progress, then each bad cell. */
export function ImportPanel({ unit, period }: { unit: string; period: string }) {
  const { t } = useTranslation();
  const [dryRun, setDryRun] = useState(true);
  const [jobId, setJobId] = useState<string>();
  const [error, setError] = useState<string>();
  // A real import with bad cells fails as a whole; its error lists each cell.
  const [rejected, setRejected] = useState<Issue[]>([]);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Button
          icon={<DownloadOutlined />}
          href={`/api/indicator-values/template?unit=${unit}&period=${period}&format=xlsx`}
        >
          {t('indicators.template')}
        </Button>
        <Upload
          accept=".xlsx,.csv"
          showUploadList={false}
          beforeUpload={(file) => {
            setError(undefined);
            setRejected([]);
            uploadValues(file, dryRun).then(
              (job) => setJobId(job.id),
              (failure: Error) => setError(failure.message),
            );
            return false;
          }}
        >
          <Button icon={<UploadOutlined />}>{t('indicators.upload')}</Button>
        </Upload>
        <Checkbox checked={dryRun} onChange={(event) => setDryRun(event.target.checked)}>
          {t('indicators.dryRun')}
        </Checkbox>
      </Space>
      {error && <Alert type="error" showIcon title={error} />}
      {jobId && (
        <JobProgress
          key={jobId}
          jobId={jobId}
          onFinished={(job: Job) => setRejected(job.status === 'failed' ? (job.error?.details ?? []) : [])}
          renderResult={(job) => {
            const result = job.result as ImportResult;
            if (result.issueCount === 0) {
              return result.applied
                ? t('indicators.importApplied', { count: result.changed })
                : t('indicators.importChecked', { count: result.rows });
            }
            return <IssueList issues={result.issues} />;
          }}
        />
      )}
      {rejected.length > 0 && <Alert type="error" title={<IssueList issues={rejected} />} />}
    </Space>
  );
}
