/** Names for the shapes the generated schema already describes, so components need not spell out paths. */
import type { components, paths } from './schema.d.ts';

type JsonOf<Response> = Response extends { content: { 'application/json': infer Body } } ? Body : never;
type Ok<Path extends keyof paths, Method extends 'get' | 'post' | 'patch'> = paths[Path][Method] extends {
  responses: { 200: infer Response };
}
  ? JsonOf<Response>
  : never;
type Body<Path extends keyof paths, Method extends 'post' | 'patch'> = paths[Path][Method] extends {
  requestBody: { content: { 'application/json': infer Request } };
}
  ? Request
  : never;

export type Session = Ok<'/api/auth/me', 'get'>;
export type SessionUser = Session['user'];
export type Permission = SessionUser['permissions'][number];
export type Role = SessionUser['role'];
export type Language = SessionUser['locale'];

export type OrgUnit = components['schemas']['OrgUnit'];
export type OrgChange = Ok<'/api/org-units/{code}/history', 'get'>['items'][number];
export type RenameBody = Body<'/api/org-units/{code}/rename', 'post'>;
export type MergeBody = Body<'/api/org-units/{code}/merge', 'post'>;
export type AbolishBody = Body<'/api/org-units/{code}/abolish', 'post'>;
export type DepartmentBody = Body<'/api/org-units/{code}/departments', 'post'>;
export type DepartmentCategory = DepartmentBody['category'];
export type ImportDivisionsBody = Body<'/api/org-units/import-divisions', 'post'>;

export type Job = components['schemas']['Job'];
export type JobStatus = Job['status'];

export type User = Ok<'/api/users/{id}', 'get'>;
export type NewUserBody = Body<'/api/users', 'post'>;
export type UserPatchBody = Body<'/api/users/{id}', 'patch'>;
export type RolePermissions = Ok<'/api/roles', 'get'>['items'][number];

export type AuditRecord = Ok<'/api/audit', 'get'>['items'][number];
export type AuditFilter = Omit<NonNullable<paths['/api/audit']['get']['parameters']['query']>, 'before' | 'limit'>;
export type ChainVerdict = Ok<'/api/audit/verify', 'get'>;

export type RegistryStats = components['schemas']['RegistryStats'];
export type RegistryStatsBreakdown = components['schemas']['RegistryStatsBreakdown'];
export type RegistryHousehold = components['schemas']['RegistryHousehold'];
export type RegistryHouseholdSummary = components['schemas']['RegistryHouseholdSummary'];
export type RegistryHouseholdStatus = RegistryHousehold['status'];
export type NewHouseholdBody = Body<'/api/registry/households', 'post'>;
export type TransitionBody = Body<'/api/registry/households/{id}/transitions', 'post'>;
export type MeasureBody = Body<'/api/registry/households/{id}/measures', 'post'>;
export type IncomeBody = Body<'/api/registry/households/{id}/incomes', 'post'>;
export type ConditionsBody = Body<'/api/registry/households/{id}', 'patch'>;
export type ChangeRequest = components['schemas']['RegistryChangeRequest'];
export type ChangeRequestStatus = ChangeRequest['status'];
export type ChangeRequestBody = Body<'/api/registry/households/{id}/change-requests', 'post'>;
export type DecideBody = Body<'/api/registry/change-requests/{id}/decisions', 'post'>;
export type DuplicateCase = components['schemas']['RegistryDuplicateCase'];
export type DuplicateStatus = DuplicateCase['status'];
export type DecideDuplicateBody = Body<'/api/registry/duplicates/{id}/decisions', 'post'>;
export type ExitOverviewItem = Ok<'/api/registry/exit-overview', 'get'>['items'][number];
export type ExitCheck = ExitOverviewItem['checks'][number];
export type ExitApplication = components['schemas']['RegistryExitApplication'];
export type ExitApplicationBody = Body<'/api/registry/exit-applications', 'post'>;
export type SampleCheckBody = Body<'/api/registry/sample-checks', 'post'>;
export type RelocationProject = components['schemas']['RegistryRelocationProject'];
export type RelocationBody = Body<'/api/registry/relocations', 'post'>;
