import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from '../api/client.ts';
import type {
  ChangeRequestBody,
  ChangeRequestStatus,
  ConditionsBody,
  DecideBody,
  DecideDuplicateBody,
  DuplicateStatus,
  ExitApplicationBody,
  RelocationBody,
  SampleCheckBody,
  IncomeBody,
  MeasureBody,
  NewHouseholdBody,
  RegistryHouseholdStatus,
  TransitionBody,
} from '../api/types.ts';
import { jobKeys } from '../jobs/job-queries.ts';
import type { MeasureType, PovertyCause } from './causes-and-measures.ts';

export const registryKeys = {
  all: ['registry'] as const,
  stats: (unit: string, year: number) => ['registry', 'stats', unit, year] as const,
  trend: (unit: string) => ['registry', 'trend', unit] as const,
  breakdown: (unit: string, year: number, by: 'cause' | 'measure') =>
    ['registry', 'breakdown', unit, year, by] as const,
  households: (filter: HouseholdFilter) => ['registry', 'households', filter] as const,
  household: (id: string, reveal: boolean) => ['registry', 'household', id, reveal] as const,
  changeRequests: (status: ChangeRequestStatus | undefined) => ['registry', 'change-requests', status] as const,
  duplicates: (filter: DuplicateFilter) => ['registry', 'duplicates', filter] as const,
  exitOverview: (filter: ExitOverviewFilter) => ['registry', 'exit-overview', filter] as const,
  exitApplications: ['registry', 'exit-applications'] as const,
  relocations: (unit: string) => ['registry', 'relocations', unit] as const,
};

export type ExitOverviewFilter = {
  unit: string;
  year: number;
  level: 'village' | 'county';
  offset: number;
  limit: number;
};

export type DuplicateFilter = { unit?: string; status?: DuplicateStatus; q?: string; offset: number; limit: number };

/** What a click on a breakdown chart opens: the households behind one cause or measure of a unit and year. */
export type HouseholdDrill = { unit: string; year: number; cause?: PovertyCause; measure?: MeasureType };

export type HouseholdFilter = {
  unit?: string;
  status?: RegistryHouseholdStatus;
  q?: string;
  cause?: PovertyCause;
  measure?: MeasureType;
  year?: number;
  offset: number;
  limit: number;
};

export const statsQuery = (unit: string, year: number) =>
  queryOptions({
    queryKey: registryKeys.stats(unit, year),
    queryFn: () => dataOf(api.GET('/api/registry/stats', { params: { query: { unit, year } } })),
  });

export const trendQuery = (unit: string) =>
  queryOptions({
    queryKey: registryKeys.trend(unit),
    queryFn: async () => (await dataOf(api.GET('/api/registry/stats/trend', { params: { query: { unit } } }))).items,
  });

export const breakdownQuery = (unit: string, year: number, by: 'cause' | 'measure') =>
  queryOptions({
    queryKey: registryKeys.breakdown(unit, year, by),
    queryFn: async () =>
      (await dataOf(api.GET('/api/registry/stats/breakdown', { params: { query: { unit, year, by } } }))).items,
  });

export const householdsQuery = (filter: HouseholdFilter) =>
  queryOptions({
    queryKey: registryKeys.households(filter),
    queryFn: () => dataOf(api.GET('/api/registry/households', { params: { query: filter } })),
    placeholderData: keepPreviousData,
  });

export const householdQuery = (id: string, reveal: boolean) =>
  queryOptions({
    queryKey: registryKeys.household(id, reveal),
    queryFn: () =>
      dataOf(
        api.GET('/api/registry/households/{id}', {
          params: { path: { id }, query: { reveal: reveal ? 'true' : undefined } },
        }),
      ),
  });

export const changeRequestsQuery = (status: ChangeRequestStatus | undefined) =>
  queryOptions({
    queryKey: registryKeys.changeRequests(status),
    queryFn: async () =>
      (await dataOf(api.GET('/api/registry/change-requests', { params: { query: { status, limit: 200 } } }))).items,
  });

export const duplicatesQuery = (filter: DuplicateFilter) =>
  queryOptions({
    queryKey: registryKeys.duplicates(filter),
    queryFn: () => dataOf(api.GET('/api/registry/duplicates', { params: { query: filter } })),
    placeholderData: keepPreviousData,
  });

export const exitOverviewQuery = (filter: ExitOverviewFilter) =>
  queryOptions({
    queryKey: registryKeys.exitOverview(filter),
    queryFn: () => dataOf(api.GET('/api/registry/exit-overview', { params: { query: filter } })),
    placeholderData: keepPreviousData,
  });

export const exitApplicationsQuery = () =>
  queryOptions({
    queryKey: registryKeys.exitApplications,
    queryFn: async () => (await dataOf(api.GET('/api/registry/exit-applications'))).items,
  });

export const relocationsQuery = (unit: string) =>
  queryOptions({
    queryKey: registryKeys.relocations(unit),
    queryFn: async () => (await dataOf(api.GET('/api/registry/relocations', { params: { query: { unit } } }))).items,
  });

/** Every registry change can move any figure, so all registry queries refresh after one. */
function useRegistryMutation<Input, Output>(call: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => client.invalidateQueries({ queryKey: registryKeys.all }),
  });
}

export function useCreateHousehold() {
  return useRegistryMutation((body: NewHouseholdBody) => dataOf(api.POST('/api/registry/households', { body })));
}

export function useTransition(id: string) {
  return useRegistryMutation((body: TransitionBody) =>
    dataOf(api.POST('/api/registry/households/{id}/transitions', { params: { path: { id } }, body })),
  );
}

export function useRecordMeasure(id: string) {
  return useRegistryMutation((body: MeasureBody) =>
    dataOf(api.POST('/api/registry/households/{id}/measures', { params: { path: { id } }, body })),
  );
}

export function useRecordIncome(id: string) {
  return useRegistryMutation((body: IncomeBody) =>
    dataOf(api.POST('/api/registry/households/{id}/incomes', { params: { path: { id } }, body })),
  );
}

export function useUpdateConditions(id: string) {
  return useRegistryMutation((body: ConditionsBody) =>
    dataOf(api.PATCH('/api/registry/households/{id}', { params: { path: { id } }, body })),
  );
}

export function useRequestChange(householdId: string) {
  return useRegistryMutation((body: ChangeRequestBody) =>
    dataOf(api.POST('/api/registry/households/{id}/change-requests', { params: { path: { id: householdId } }, body })),
  );
}

export function useDecideChangeRequest() {
  return useRegistryMutation(({ id, ...body }: DecideBody & { id: string }) =>
    dataOf(api.POST('/api/registry/change-requests/{id}/decisions', { params: { path: { id } }, body })),
  );
}

/** Uploads the layout as multipart (field "file"); answers the job that checks (and, unless a dry run, imports) it. */
export function useStartRegistryImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) => {
      const form = new FormData();
      form.append('file', file, file.name);
      const format = file.name.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx';
      return dataOf(
        api.POST('/api/registry/imports', {
          params: { query: { format, dryRun: dryRun ? 'true' : 'false' } },
          body: form as never,
          bodySerializer: (body: unknown) => body as BodyInit,
        }),
      );
    },
    onSuccess: (job) => client.setQueryData(jobKeys.detail(job.id), job),
  });
}

export function useDecideDuplicate() {
  return useRegistryMutation(({ id, ...body }: DecideDuplicateBody & { id: string }) =>
    dataOf(api.POST('/api/registry/duplicates/{id}/decisions', { params: { path: { id } }, body })),
  );
}

export function useApplyForExit() {
  return useRegistryMutation((body: ExitApplicationBody) =>
    dataOf(api.POST('/api/registry/exit-applications', { body })),
  );
}

export function useReviewExit() {
  return useRegistryMutation(({ id, ...body }: DecideBody & { id: string }) =>
    dataOf(api.POST('/api/registry/exit-applications/{id}/reviews', { params: { path: { id } }, body })),
  );
}

export function useRecordSampleCheck() {
  return useRegistryMutation((body: SampleCheckBody) => dataOf(api.POST('/api/registry/sample-checks', { body })));
}

export function useCreateRelocation() {
  return useRegistryMutation((body: RelocationBody) => dataOf(api.POST('/api/registry/relocations', { body })));
}
