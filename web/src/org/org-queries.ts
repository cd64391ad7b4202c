import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/api-error.ts';
import { api, dataOf } from '../api/client.ts';
import type { AbolishBody, DepartmentBody, MergeBody, OrgUnit, RenameBody } from '../api/types.ts';
import { auditKeys } from '../audit/audit-queries.ts';

/** A day (YYYY-MM-DD) to see the tree as it stood then; undefined for today. */
export type AsOf = string | undefined;

export const orgKeys = {
  all: ['org'] as const,
  roots: (asOf: AsOf) => ['org', 'roots', asOf] as const,
  children: (code: string, asOf: AsOf, includeEnded: boolean) => ['org', 'children', code, asOf, includeEnded] as const,
  unit: (code: string, asOf: AsOf) => ['org', 'unit', code, asOf] as const,
  ancestors: (code: string, asOf: AsOf) => ['org', 'ancestors', code, asOf] as const,
  history: (code: string) => ['org', 'history', code] as const,
  search: (q: string) => ['org', 'search', q] as const,
};

function fetchUnit(code: string, asOf: AsOf) {
  return dataOf(api.GET('/api/org-units/{code}', { params: { path: { code }, query: { asOf } } }));
}

/** The tops of the user's scope; on a past day, as each stood then, leaving out those not yet established. */
async function fetchRoots(asOf: AsOf): Promise<OrgUnit[]> {
  const { items } = await dataOf(api.GET('/api/org-units'));
  if (!asOf) return items;
  const then = await Promise.all(
    items.map((unit) =>
      fetchUnit(unit.code, asOf).catch((error: unknown) => {
        if (isApiError(error, 'ORG_UNIT_NOT_FOUND')) return undefined;
        throw error;
      }),
    ),
  );
  return then.filter((unit) => unit !== undefined);
}

export const rootsQuery = (asOf: AsOf) =>
  queryOptions({ queryKey: orgKeys.roots(asOf), queryFn: () => fetchRoots(asOf) });

export const childrenQuery = (code: string, asOf: AsOf, includeEnded: boolean) =>
  queryOptions({
    queryKey: orgKeys.children(code, asOf, includeEnded),
    queryFn: async () => {
      const query = { asOf, includeEnded: includeEnded ? ('true' as const) : ('false' as const) };
      return (await dataOf(api.GET('/api/org-units/{code}/children', { params: { path: { code }, query } }))).items;
    },
  });

export const unitQuery = (code: string, asOf: AsOf) =>
  queryOptions({ queryKey: orgKeys.unit(code, asOf), queryFn: () => fetchUnit(code, asOf) });

export const ancestorsQuery = (code: string, asOf: AsOf) =>
  queryOptions({
    queryKey: orgKeys.ancestors(code, asOf),
    queryFn: async () =>
      (await dataOf(api.GET('/api/org-units/{code}/ancestors', { params: { path: { code }, query: { asOf } } }))).items,
  });

export const historyQuery = (code: string) =>
  queryOptions({
    queryKey: orgKeys.history(code),
    queryFn: async () => (await dataOf(api.GET('/api/org-units/{code}/history', { params: { path: { code } } }))).items,
  });

export const searchQuery = (q: string) =>
  queryOptions({
    queryKey: orgKeys.search(q),
    queryFn: async () => (await dataOf(api.GET('/api/org-units', { params: { query: { q } } }))).items,
    enabled: q.length > 0,
    staleTime: 60_000,
  });

/** Every change to the tree, as the modals send it. */
export type OrgWrite =
  | { kind: 'rename'; code: string; body: RenameBody }
  | { kind: 'merge'; code: string; body: MergeBody }
  | { kind: 'abolish'; code: string; body: AbolishBody }
  | { kind: 'addDepartment'; code: string; body: DepartmentBody };

function sendOrgWrite({ kind, code, body }: OrgWrite): Promise<OrgUnit> {
  const params = { path: { code } };
  switch (kind) {
    case 'rename':
      return dataOf(api.POST('/api/org-units/{code}/rename', { params, body }));
    case 'merge':
      return dataOf(api.POST('/api/org-units/{code}/merge', { params, body }));
    case 'abolish':
      return dataOf(api.POST('/api/org-units/{code}/abolish', { params, body }));
    case 'addDepartment':
      return dataOf(api.POST('/api/org-units/{code}/departments', { params, body }));
  }
}

/** Sends a change, then refreshes everything it may have touched: the tree, the unit pages and the audit trail. */
export function useOrgWrite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: sendOrgWrite,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: orgKeys.all }),
        queryClient.invalidateQueries({ queryKey: auditKeys.all }),
      ]),
  });
}
