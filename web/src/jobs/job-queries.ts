import { queryOptions } from '@tanstack/react-query';
import { api, dataOf } from '../api/client.ts';
import type { Job } from '../api/types.ts';

/** How often a running job is asked about; the server records progress every 250 ms. */
export const JOB_POLL_MS = 500;
/** A list only needs to notice that a job has ended. */
const RECENT_POLL_MS = 3_000;

export const jobKeys = {
  all: ['jobs'] as const,
  detail: (id: string) => ['jobs', 'detail', id] as const,
  recentAll: ['jobs', 'recent'] as const,
  recent: (kind: string, limit: number) => ['jobs', 'recent', kind, limit] as const,
};

/** One job, asked about again every half second until it has finished; a finished job never changes. */
export const jobQuery = (id: string) =>
  queryOptions({
    queryKey: jobKeys.detail(id),
    queryFn: () => dataOf(api.GET('/api/jobs/{id}', { params: { path: { id } } })),
    refetchInterval: (query) => (query.state.data?.status === 'running' ? JOB_POLL_MS : false),
    staleTime: (query) => (query.state.data?.status === 'running' ? 0 : Infinity),
  });

/** The latest jobs of one kind that the user may watch, newest first; refreshed now and then while one runs. */
export const recentJobsQuery = (kind: string, limit: number) =>
  queryOptions({
    queryKey: jobKeys.recent(kind, limit),
    queryFn: async (): Promise<Job[]> =>
      (await dataOf(api.GET('/api/jobs', { params: { query: { kind, limit } } }))).items,
    refetchInterval: (query) => (query.state.data?.some((job) => job.status === 'running') ? RECENT_POLL_MS : false),
  });
