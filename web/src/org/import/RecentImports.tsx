import { useQuery } from '@tanstack/react-query';
import { Alert, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Job } from '../../api/types.ts';
import { formatInstant } from '../../common/dates.ts';
import { formatCount } from '../../common/numbers.ts';
import { recentJobsQuery } from '../../jobs/job-queries.ts';
import { JobStatusTag } from '../../jobs/JobStatusTag.tsx';
import { DIVISION_IMPORT_KIND, divisionImportPrefix, divisionImportResult, WHOLE_COUNTRY } from './division-import.ts';

const SHOWN = 5;

/** The last few division imports: when, which prefix, how they ended and how many units they added. */
export function RecentImports() {
  const { t, i18n } = useTranslation();
  const recent = useQuery(recentJobsQuery(DIVISION_IMPORT_KIND, SHOWN));
  if (recent.isError) return <Alert type="error" showIcon title={recent.error.message} />;
  return (
    <Table<Job>
      aria-label={t('org.import.recent')}
      rowKey="id"
      size="small"
      pagination={false}
      loading={recent.isPending}
      dataSource={recent.data ?? []}
      locale={{ emptyText: t('org.import.recentEmpty') }}
      columns={[
        {
          key: 'startedAt',
          title: t('org.import.columns.startedAt'),
          render: (_, job) => formatInstant(job.startedAt),
        },
        {
          key: 'prefix',
          title: t('org.import.columns.prefix'),
          render: (_, job) => {
            const prefix = divisionImportPrefix(job.params);
            return prefix === WHOLE_COUNTRY ? t('org.import.wholeCountry') : (prefix ?? '—');
          },
        },
        {
          key: 'status',
          title: t('org.import.columns.status'),
          render: (_, job) => <JobStatusTag status={job.status} />,
        },
        {
          key: 'inserted',
          title: t('org.import.columns.inserted'),
          align: 'right',
          render: (_, job) => {
            const result = divisionImportResult(job.result);
            return result ? formatCount(result.inserted, i18n.language) : '—';
          },
        },
        { key: 'requestedBy', title: t('org.import.columns.requestedBy'), render: (_, job) => job.requestedBy ?? '—' },
      ]}
    />
  );
}
