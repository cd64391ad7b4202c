import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { JobStatus } from '../api/types.ts';

const colors: Record<JobStatus, string> = { running: 'processing', succeeded: 'success', failed: 'error' };

export function JobStatusTag({ status }: { status: JobStatus }) {
  const { t } = useTranslation();
  return <Tag color={colors[status]}>{t(`jobs.status.${status}`)}</Tag>;
}
