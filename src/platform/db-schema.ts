import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

type DateColumn = ColumnType<string, string | undefined, string>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | undefined, string>;

export type OrgUnitTable = {
  id: Generated<number>;
  code: string;
  kind: 'division' | 'department';
  level: number | null;
  category: 'department' | 'centre' | 'team' | null;
  name: string;
  parent_id: number | null;
  path: string;
  established_on: DateColumn;
  ended_on: string | null;
  end_kind: 'merged' | 'abolished' | null;
  merged_into_id: number | null;
  version: Generated<number>;
};

export type OrgUnitChangeTable = {
  id: Generated<string>;
  unit_id: number;
  change: 'established' | 'renamed' | 'moved' | 'merged' | 'abolished';
  effective_on: string;
  reason: string;
  old_name: string | null;
  new_name: string | null;
  old_parent_id: number | null;
  new_parent_id: number | null;
  merged_into_id: number | null;
  recorded_by: number | null;
  recorded_at: Timestamp;
};

export type AppUserTable = {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  locale: Generated<'zh-CN' | 'en'>;
  active: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  password_changed_at: Timestamp;
  created_at: Timestamp;
  version: Generated<number>;
};

export type UserScopeTable = { user_id: number; unit_id: number };

export type UserSessionTable = {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Date;
  client_ip: string | null;
  user_agent: string | null;
};

export type AuditLogTable = {
  id: Generated<string>;
  at: Date;
  actor_id: number | null;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  unit_path: string | null;
  before: Json;
  after: Json;
  request_id: string | null;
  client_ip: string | null;
  prev_hash: string;
  hash: string;
};

export type AuditChainHeadTable = { singleton: Generated<boolean>; last_id: string | null; last_hash: string };

export type JobRunTable = {
  id: Generated<string>;
  kind: string;
  status: Generated<'running' | 'succeeded' | 'failed'>;
  phase: string | null;
  done: Generated<string>;
  total: Generated<string>;
  params: Json;
  result: Json;
  error: Json;
  requested_by: number | null;
  unit_path: string | null;
  started_at: Timestamp;
  updated_at: Timestamp;
  finished_at: Date | null;
};

export type AppliedSeedTable = { name: string; applied_at: Timestamp };

export type Database = {
  applied_seed: AppliedSeedTable;
  job_run: JobRunTable;
  org_unit: OrgUnitTable;
  org_unit_change: OrgUnitChangeTable;
  app_user: AppUserTable;
  user_scope: UserScopeTable;
  user_session: UserSessionTable;
  audit_log: AuditLogTable;
  audit_chain_head: AuditChainHeadTable;
};

export type OrgUnitRow = Selectable<OrgUnitTable>;
export type NewOrgUnit = Insertable<OrgUnitTable>;
export type AppUserRow = Selectable<AppUserTable>;
