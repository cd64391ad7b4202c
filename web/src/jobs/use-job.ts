import { useQuery } from '@tanstack/react-query';
import { useEffect, useEffectEvent, useRef } from 'react';
import type { Job } from '../api/types.ts';
import { jobQuery } from './job-queries.ts';

/**
 * Watches a job until it finishes, then calls `onFinished` once with its final state, so the caller can
 * refresh whatever the job changed.
 */
export function useJob(id: string, onFinished?: (job: Job) => void) {
  const job = useQuery(jobQuery(id));
  const reported = useRef<string | undefined>(undefined);
  const finished = job.data && job.data.status !== 'running' ? job.data : undefined;
  const report = useEffectEvent((done: Job) => onFinished?.(done));

  useEffect(() => {
    if (!finished || reported.current === finished.id) return;
    reported.current = finished.id;
    report(finished);
  }, [finished]);

  return job;
}
