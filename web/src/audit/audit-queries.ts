import { infiniteQueryOptions, useMutation } from '@tanstack/react-query';
import { api, dataOf } from '../api/client.ts';
import type { AuditFilter } from '../api/types.ts';

const PAGE_SIZE = 50;

export const auditKeys = {
  all: ['audit'] as const,
  list: (filter: AuditFilter) => ['audit', 'list', filter] as const,
};

/** Audit records newest first, a page at a time, each page continuing from the previous page's cursor. */
export const auditQuery = (filter: AuditFilter) =>
  infiniteQueryOptions({
    queryKey: auditKeys.list(filter),
    queryFn: ({ pageParam }) =>
      dataOf(api.GET('/api/audit', { params: { query: { ...filter, before: pageParam, limit: PAGE_SIZE } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

/** Re-checks the whole hash chain on demand; never cached, since the point is a fresh verdict. */
export function useVerifyChain() {
  return useMutation({ mutationFn: () => dataOf(api.GET('/api/audit/verify')) });
}
