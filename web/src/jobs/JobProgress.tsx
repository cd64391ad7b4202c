import { LoadingOutlined } from '@ant-design/icons';
import { Alert, Flex, Progress, Spin, Typography, theme } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Job } from '../api/types.ts';
import { formatCount } from '../common/numbers.ts';
import { useJob } from './use-job.ts';

type Props = {
  jobId: string;
  /** Names for the phases this kind of job reports; a phase without one shows as "working". */
  phaseLabels?: Partial<Record<string, string>>;
  /** What a job that succeeded achieved, read from its result. */
  renderResult?: (job: Job) => ReactNode;
  /** Called once, when the job has finished either way. */
  onFinished?: (job: Job) => void;
};

/** The bar: the share done, a shimmering pale bar while the total is still unknown, then green or red. */
function JobBar({ job }: { job: Job }) {
  const { token } = theme.useToken();
  if (job.status === 'succeeded') return <Progress percent={100} status="success" />;
  if (job.status === 'failed') return <Progress percent={job.percent ?? 0} status="exception" />;
  if (job.percent === null) {
    return <Progress percent={100} status="active" showInfo={false} strokeColor={token.colorPrimaryBorder} />;
  }
  return <Progress percent={job.percent} status="active" />;
}

/**
 * Follows any long-running job (`GET /api/jobs/{id}`): its phase, a progress bar, how many items of how
 * many are done, and at the end what it achieved or why it failed.
 */
export function JobProgress({ jobId, phaseLabels, renderResult, onFinished }: Props) {
  const { t, i18n } = useTranslation();
  const query = useJob(jobId, onFinished);
  const job = query.data;
  // A failed poll after the first answer keeps showing the last progress; the next poll tries again.
  if (!job) return query.isError ? <Alert type="error" showIcon title={query.error.message} /> : <Spin />;

  const count = (value: number) => formatCount(value, i18n.language);
  const phaseLabel = job.phase ? phaseLabels?.[job.phase] : undefined;
  const seconds = job.finishedAt ? dayjs(job.finishedAt).diff(job.startedAt, 'second', true) : undefined;
  return (
    <Flex vertical gap={4} aria-live="polite">
      <Flex justify="space-between" gap={12}>
        {job.status === 'running' ? (
          <Typography.Text>
            <LoadingOutlined style={{ marginInlineEnd: 8 }} />
            {phaseLabel ?? t('jobs.working')}
          </Typography.Text>
        ) : (
          <Typography.Text>
            {t(`jobs.status.${job.status}`)}
            {seconds !== undefined && (
              <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                {t('jobs.elapsed', { seconds: seconds.toFixed(1) })}
              </Typography.Text>
            )}
          </Typography.Text>
        )}
        {job.total > 0 && (
          <Typography.Text type="secondary">
            {t('jobs.counts', { done: count(job.done), total: count(job.total) })}
          </Typography.Text>
        )}
      </Flex>
      <JobBar job={job} />
      {job.status === 'succeeded' && renderResult && (
        <Alert type="success" showIcon title={renderResult(job)} style={{ marginTop: 8 }} />
      )}
      {job.status === 'failed' && (
        <Alert type="error" showIcon title={job.error?.message ?? t('jobs.status.failed')} style={{ marginTop: 8 }} />
      )}
    </Flex>
  );
}
