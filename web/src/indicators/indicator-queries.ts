import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from '../api/client.ts';
import type { components, paths } from '../api/schema.d.ts';

export type Indicator = components['schemas']['Indicator'];
export type AnalyticsLevel = components['schemas']['AnalyticsLevel'];
export type AnalyticsCell = components['schemas']['AnalyticsCell'];
export type EntryGrid = components['schemas']['EntryGrid'];
export type Dashboard = components['schemas']['Dashboard'];
export type Target = components['schemas']['IndicatorTarget'];
export type Widget = Dashboard['widgets'][number];
export type ValueChange = components['schemas']['ValueHistory']['items'][number];
type Body<P extends keyof paths, M extends 'post' | 'put' | 'patch'> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;
export type SaveValuesBody = Body<'/api/indicator-values', 'post'>;
export type TargetBody = Body<'/api/indicator-targets', 'put'>;
export type NewIndicatorBody = Body<'/api/indicators', 'post'>;
export type IndicatorChanges = Body<'/api/indicators/{code}', 'patch'>;
export type DashboardBody = Body<'/api/dashboards', 'put'>;
export type ExceptionBody = Body<'/api/indicator-entry-exceptions', 'post'>;

export const indicatorKeys = { all: ['indicators'] as const };

export const indicatorsQuery = () =>
  queryOptions({
    queryKey: ['indicators', 'definitions'],
    queryFn: async () => (await dataOf(api.GET('/api/indicators'))).items,
  });

export const indicatorQuery = (code: string) =>
  queryOptions({
    queryKey: ['indicators', 'definition', code],
    queryFn: () => dataOf(api.GET('/api/indicators/{code}', { params: { path: { code } } })),
  });

export const levelQuery = (query: { indicator: string; unit: string; period: string; level: number }) =>
  queryOptions({
    queryKey: ['indicators', 'analytics', query],
    queryFn: async () => (await dataOf(api.GET('/api/analytics', { params: { query } }))) as AnalyticsLevel,
  });

export const cellQuery = (query: { indicator: string; unit: string; period: string }) =>
  queryOptions({
    queryKey: ['indicators', 'cell', query],
    queryFn: async () => (await dataOf(api.GET('/api/analytics', { params: { query } }))) as AnalyticsCell,
  });

export const seriesQuery = (query: { indicator: string; unit: string; period: string; count: number }) =>
  queryOptions({
    queryKey: ['indicators', 'series', query],
    queryFn: () => dataOf(api.GET('/api/analytics/series', { params: { query } })),
  });

export const sourceRowsQuery = (query: { indicator: string; unit: string; period: string }) =>
  queryOptions({
    queryKey: ['indicators', 'rows', query],
    queryFn: async () =>
      (await dataOf(api.GET('/api/analytics/rows', { params: { query: { ...query, limit: 200 } } }))).items,
  });

export const gridQuery = (query: { unit: string; period: string }) =>
  queryOptions({
    queryKey: ['indicators', 'grid', query],
    queryFn: () => dataOf(api.GET('/api/indicator-values', { params: { query } })),
  });

export const valueHistoryQuery = (query: { unit: string; period: string }) =>
  queryOptions({
    queryKey: ['indicators', 'history', query],
    queryFn: async () =>
      (await dataOf(api.GET('/api/indicator-values/history', { params: { query: { ...query, limit: 500 } } }))).items,
  });

export const approvalsQuery = (query: { unit: string; period: string }) =>
  queryOptions({
    queryKey: ['indicators', 'approvals', query],
    queryFn: () => dataOf(api.GET('/api/indicator-approvals', { params: { query } })),
  });

export const targetsQuery = (unit: string) =>
  queryOptions({
    queryKey: ['indicators', 'targets', unit],
    queryFn: async () => (await dataOf(api.GET('/api/indicator-targets', { params: { query: { unit } } }))).items,
  });

export const alertsQuery = (unit: string) =>
  queryOptions({
    queryKey: ['indicators', 'alerts', unit],
    queryFn: async () =>
      (await dataOf(api.GET('/api/indicator-alerts', { params: { query: { unit, limit: 50 } } }))).items,
  });

/** The caller's dashboard at a unit, or (to configure it) another role's. */
export const dashboardQuery = (unit: string, role?: DashboardBody['role']) =>
  queryOptions({
    queryKey: ['indicators', 'dashboard', unit, role ?? 'own'],
    queryFn: () => dataOf(api.GET('/api/dashboards/current', { params: { query: { unit, role } } })),
  });

/** Any write changes figures everywhere: every indicator query is refreshed. */
function useIndicatorMutation<Input, Output>(write: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: write, onSuccess: () => client.invalidateQueries({ queryKey: indicatorKeys.all }) });
}

export const useSaveValues = () =>
  useIndicatorMutation((body: SaveValuesBody) => dataOf(api.POST('/api/indicator-values', { body })));
/** Checks values as a dry run: nothing is written, so nothing is refreshed. */
export const useCheckValues = () =>
  useMutation({
    mutationFn: (body: SaveValuesBody) =>
      dataOf(api.POST('/api/indicator-values', { body: { ...body, dryRun: true } })),
  });
export const useApprove = () =>
  useIndicatorMutation((body: { unit: string; period: string }) =>
    dataOf(api.POST('/api/indicator-approvals', { body })),
  );
export const usePutTarget = () =>
  useIndicatorMutation((body: TargetBody) => dataOf(api.PUT('/api/indicator-targets', { body })));
export const useCreateIndicator = () =>
  useIndicatorMutation((body: NewIndicatorBody) => dataOf(api.POST('/api/indicators', { body })));
export const useChangeIndicator = () =>
  useIndicatorMutation(({ code, body }: { code: string; body: IndicatorChanges }) =>
    dataOf(api.PATCH('/api/indicators/{code}', { params: { path: { code } }, body })),
  );
export const useSaveDashboard = () =>
  useIndicatorMutation((body: DashboardBody) => dataOf(api.PUT('/api/dashboards', { body })));
export const useGrantException = () =>
  useIndicatorMutation((body: ExceptionBody) => dataOf(api.POST('/api/indicator-entry-exceptions', { body })));

/** Uploads a filled file as the raw body; answers the job that checks (and, unless a dry run, saves) it. */
export async function uploadValues(file: File, dryRun: boolean) {
  const format = file.name.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx';
  return dataOf(
    api.POST('/api/indicator-values/import', {
      params: { query: { dryRun: dryRun ? 'true' : 'false', format } },
      body: (await file.arrayBuffer()) as never,
      bodySerializer: (body: unknown) => body as BodyInit,
      headers: {
        'content-type':
          format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
    }),
  );
}

/** Today's month and year, the periods screens open on. */
export function currentPeriods() {
  const now = new Date();
  const month = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
  return { month, year: String(now.getFullYear() - 1) };
}
