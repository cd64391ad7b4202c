import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from '../../api/client.ts';
import type { ImportDivisionsBody, Job } from '../../api/types.ts';
import { auditKeys } from '../../audit/audit-queries.ts';
import { jobKeys } from '../../jobs/job-queries.ts';
import { orgKeys } from '../org-queries.ts';

/** Starts an import in the background; the answer is the job to watch, shown at once without a second request. */
export function useStartDivisionImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ImportDivisionsBody) => dataOf(api.POST('/api/org-units/import-divisions', { body })),
    onSuccess: (job) => {
      queryClient.setQueryData(jobKeys.detail(job.id), job);
      return queryClient.invalidateQueries({ queryKey: jobKeys.recentAll });
    },
  });
}

/** Once an import has ended: the list of imports, and on success the tree and the audit trail it added to. */
export function useRefreshAfterDivisionImport() {
  const queryClient = useQueryClient();
  return (job: Job) => {
    const keys = job.status === 'succeeded' ? [jobKeys.recentAll, orgKeys.all, auditKeys.all] : [jobKeys.recentAll];
    void Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
  };
}
