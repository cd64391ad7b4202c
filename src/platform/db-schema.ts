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

export type Database = IndicatorTables & {
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

// Indicators and analytics (migration 0005).
type Numeric = ColumnType<string, string | number, string | number>;

export type IndicatorTable = {
  id: Generated<number>;
  code: string;
  name_zh: string;
  name_en: string;
  measure_unit: string;
  value_type: 'number' | 'percent' | 'count' | 'money';
  direction: 'up' | 'down';
  unit_aggregation: 'sum' | 'average' | 'weighted_average' | 'none';
  weight_code: string | null;
  period_aggregation: 'sum' | 'last' | 'average';
  period_type: 'month' | 'quarter' | 'year';
  source: 'entered' | 'formula' | 'computed';
  entry_level: number | null;
  categories: string[];
  numerator_code: string | null;
  denominator_code: string | null;
  factor: Numeric;
  computed_key: string | null;
  min_value: Numeric | null;
  max_value: Numeric | null;
  outlier_change_pct: Numeric | null;
  rules: Json;
  alert_line: Numeric | null;
  entry_window_days: number;
  version: Generated<number>;
};

export type IndicatorValueTable = {
  indicator_id: number;
  period: string;
  unit_id: number;
  category: string;
  value: Numeric;
  comment: string | null;
  path_at: string;
  level: number;
  entered_by: number | null;
  entered_at: Timestamp;
  version: Generated<number>;
};

export type IndicatorRollupTable = {
  indicator_id: number;
  period: string;
  category: string;
  path: string;
  level: number;
  total: Numeric;
  count: number;
};

export type IndicatorValueChangeTable = {
  id: Generated<string>;
  indicator_id: number;
  period: string;
  unit_id: number;
  category: string;
  old_value: Numeric | null;
  new_value: Numeric;
  comment: string | null;
  changed_by: number | null;
  changed_at: Timestamp;
  request_id: string | null;
};

export type IndicatorTargetTable = {
  indicator_id: number;
  unit_id: number;
  period: string;
  baseline: Numeric | null;
  target: Numeric;
  green_at: Numeric;
  amber_at: Numeric;
  version: Generated<number>;
};

export type IndicatorApprovalTable = {
  period: string;
  unit_id: number;
  path_at: string;
  approved_by: number | null;
  approved_at: Timestamp;
};

export type IndicatorEntryExceptionTable = {
  id: Generated<string>;
  indicator_id: number | null;
  unit_id: number;
  path: string;
  period: string;
  reason: string;
  expires_at: Timestamp;
  granted_by: number | null;
  granted_at: Timestamp;
};

export type IndicatorAlertTable = {
  id: Generated<string>;
  indicator_id: number;
  unit_id: number;
  path: string;
  period: string;
  line: Numeric;
  previous_value: Numeric | null;
  value: Numeric;
  crossed: 'up' | 'down';
  raised_at: Timestamp;
};

export type DashboardTable = {
  id: Generated<number>;
  role: string;
  unit_id: number;
  widgets: Json;
  version: Generated<number>;
  updated_by: number | null;
  updated_at: Timestamp;
};

export type IndicatorTables = {
  indicator: IndicatorTable;
  indicator_value: IndicatorValueTable;
  indicator_rollup: IndicatorRollupTable;
  indicator_value_change: IndicatorValueChangeTable;
  indicator_target: IndicatorTargetTable;
  indicator_approval: IndicatorApprovalTable;
  indicator_entry_exception: IndicatorEntryExceptionTable;
  indicator_alert: IndicatorAlertTable;
  dashboard: DashboardTable;
};
export type IndicatorRow = Selectable<IndicatorTable>;
