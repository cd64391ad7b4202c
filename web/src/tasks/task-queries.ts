import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from '../api/client.ts';
import type { TaskQuery } from '../loop/types.ts';

export const taskKeys = { all: ['tasks'] as const };

export const tasksQuery = (query: TaskQuery) =>
  queryOptions({
    queryKey: ['tasks', 'list', query],
    queryFn: () => dataOf(api.GET('/api/tasks', { params: { query } })),
    placeholderData: keepPreviousData,
  });

export const taskQuery = (id: string) =>
  queryOptions({
    queryKey: ['tasks', 'one', id],
    queryFn: () => dataOf(api.GET('/api/tasks/{id}', { params: { path: { id } } })),
  });

export const reportsQuery = (id: string) =>
  queryOptions({
    queryKey: ['tasks', 'reports', id],
    queryFn: () => dataOf(api.GET('/api/tasks/{id}/reports', { params: { path: { id } } })),
  });

/** Every change to a task or its supervision can move lists, colours, counts and inboxes: all of it refreshes. */
export function useRefreshLoop() {
  const client = useQueryClient();
  return () =>
    Promise.all(['tasks', 'supervision', 'notifications'].map((key) => client.invalidateQueries({ queryKey: [key] })));
}

export function useTaskAction(id: string) {
  const refresh = useRefreshLoop();
  return useMutation({
    mutationFn: (body: {
      action:
        | 'issue'
        | 'acknowledge'
        | 'start'
        | 'resume'
        | 'request_extension'
        | 'approve_extension'
        | 'reject_extension'
        | 'cancel';
      version: number;
      reason?: string;
      newDeadline?: string;
    }) => dataOf(api.POST('/api/tasks/{id}/actions', { params: { path: { id } }, body })),
    onSuccess: refresh,
  });
}

export function useSubmitReport(id: string) {
  const refresh = useRefreshLoop();
  return useMutation({
    mutationFn: (body: {
      kind: 'progress' | 'completion';
      percent: number;
      narrative: string;
      figures: { label: string; value: number; unit: string }[];
      files: { sha256: string; name: string }[];
      idempotencyKey: string;
    }) => dataOf(api.POST('/api/tasks/{id}/reports', { params: { path: { id } }, body })),
    onSuccess: refresh,
  });
}

export function useReviewReport(id: string) {
  const refresh = useRefreshLoop();
  return useMutation({
    mutationFn: (body: { reportId: string; decision: 'accept' | 'return'; reason?: string }) =>
      dataOf(
        api.POST('/api/tasks/{id}/reports/{reportId}/review', {
          params: { path: { id, reportId: body.reportId } },
          body: { decision: body.decision, ...(body.reason ? { reason: body.reason } : {}) },
        }),
      ),
    onSuccess: refresh,
  });
}
