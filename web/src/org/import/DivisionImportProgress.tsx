import { useTranslation } from 'react-i18next';
import type { Job } from '../../api/types.ts';
import { formatCount } from '../../common/numbers.ts';
import { JobProgress } from '../../jobs/JobProgress.tsx';
import { divisionImportResult } from './division-import.ts';

/** A division import as it runs: reading the national tables, comparing with the tree, copying the new units in. */
export function DivisionImportProgress({ jobId, onFinished }: { jobId: string; onFinished: (job: Job) => void }) {
  const { t, i18n } = useTranslation();
  const phaseLabels = {
    reading: t('org.import.phases.reading'),
    planning: t('org.import.phases.planning'),
    copying: t('org.import.phases.copying'),
    done: t('org.import.phases.done'),
  };
  const renderResult = (job: Job) => {
    const result = divisionImportResult(job.result);
    if (!result) return t('jobs.status.succeeded');
    return t('org.import.result', {
      inserted: formatCount(result.inserted, i18n.language),
      existing: formatCount(result.existing, i18n.language),
    });
  };
  return <JobProgress jobId={jobId} phaseLabels={phaseLabels} renderResult={renderResult} onFinished={onFinished} />;
}
