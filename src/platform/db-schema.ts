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
} & RegistryTables;

export type OrgUnitRow = Selectable<OrgUnitTable>;
export type NewOrgUnit = Insertable<OrgUnitTable>;
export type AppUserRow = Selectable<AppUserTable>;

// ── Registry (migration 0003) ──────────────────────────────────────────────────────────────────────────

type Money = ColumnType<string, string | number, string | number>;

export type RegistryHouseholdTable = {
  id: Generated<string>;
  number: string;
  village_id: number;
  type: Generated<'ordinary' | 'minimum_income' | 'extreme_poverty_support'>;
  main_cause: Generated<string>;
  secondary_causes: Generated<string[]>;
  status: Generated<'identified' | 'registered' | 'exited' | 'monitored' | 'risk_eliminated'>;
  monitoring_kind: 'unstable_exited' | 'marginal' | 'sudden_difficulty' | null;
  identified_on: string | null;
  registered_on: string | null;
  exited_on: string | null;
  monitored_since: string | null;
  risk_eliminated_on: string | null;
  phone: string | null;
  housing_area_m2: Money | null;
  food_secured: Generated<boolean>;
  clothing_secured: Generated<boolean>;
  compulsory_education_secured: Generated<boolean>;
  basic_medical_care_secured: Generated<boolean>;
  safe_housing: Generated<boolean>;
  safe_drinking_water: Generated<boolean>;
  large_costs_resolved: Generated<boolean>;
  created_at: Timestamp;
  version: Generated<number>;
};

export type RegistryPersonTable = {
  id: Generated<string>;
  id_number: string;
  name: string;
  sex: 'male' | 'female';
  birth_date: string;
  ethnicity: Generated<string>;
  education: string | null;
  school_status: string | null;
  health: Generated<string>;
  labour_capacity: Generated<string>;
  months_working_away: Generated<number>;
  medical_insurance: Generated<boolean>;
  pension_insurance: Generated<boolean>;
  phone: string | null;
  version: Generated<number>;
};

export type RegistryMembershipTable = {
  id: Generated<string>;
  household_id: string;
  person_id: string;
  relation: string;
  start_on: string;
  end_on: string | null;
  end_reason: string | null;
};

export type RegistryIncomeTable = { household_id: string; year: number; per_capita_net_income: Money };

export type RegistryIncomeRecordTable = {
  id: Generated<string>;
  household_id: string;
  first_month: string;
  months: number;
  per_capita_income: Money;
};

export type RegistryMeasureTable = {
  id: Generated<string>;
  household_id: string;
  type: string;
  given_on: string;
  amount_yuan: Money;
  provider: string | null;
  note: string | null;
  recorded_by: number | null;
};

export type RegistryCadreTable = {
  id: Generated<number>;
  key: string;
  name: string;
  sex: 'male' | 'female';
  unit_code: string;
  level: 'province' | 'city' | 'county' | 'township' | 'village';
};

export type RegistryPairingTable = {
  id: Generated<string>;
  household_id: string;
  cadre_id: number;
  from_on: string;
  to_on: string | null;
};

export type RegistryLifecycleEventTable = {
  id: Generated<string>;
  household_id: string;
  from_status: string | null;
  to_status: string;
  monitoring_kind: string | null;
  effective_on: string;
  reason: string;
  checks: Json;
  steps: Json;
  recorded_by: number | null;
  recorded_at: Timestamp;
};

export type RegistryChangeRequestTable = {
  id: Generated<string>;
  household_id: string;
  kind: 'add_member' | 'remove_member' | 'transfer_member' | 'correct_id' | 'change_head';
  payload: Json;
  reason: string;
  status: Generated<'pending' | 'applied' | 'rejected'>;
  next_step: 'village' | 'township' | 'county' | null;
  requested_by: number | null;
  requested_at: Timestamp;
  version: Generated<number>;
};

export type RegistryChangeDecisionTable = {
  id: Generated<string>;
  request_id: string;
  step: string;
  decision: 'approve' | 'reject';
  comment: string | null;
  decided_by: number | null;
  decided_at: Timestamp;
};

export type RegistryDuplicateTable = {
  id: Generated<string>;
  id_number: string;
  name: string;
  relation: string;
  household_id: string;
  existing_household_id: string | null;
  status: Generated<'pending' | 'transferred' | 'dismissed'>;
  decided_by: number | null;
  decided_at: Date | null;
  reason: string | null;
  created_at: Timestamp;
  version: Generated<number>;
};

export type RegistryLineSettingTable = {
  id: Generated<number>;
  kind: 'poverty' | 'monitoring' | 'incidence_threshold';
  region: string | null;
  effective_from: string;
  value: Money;
  recorded_by: number | null;
  recorded_at: Timestamp;
};

export type RegistryRuralPopulationTable = { village_id: number; year: number; population: number };

export type RegistryVillageStatsTable = {
  year: number;
  village_id: number;
  rural_population: number;
  registered_households: number;
  registered_persons: number;
  poor_households: number;
  poor_persons: number;
  exited_households: number;
  exited_persons: number;
  monitored_households: number;
  monitored_persons: number;
};

export type RegistryRelocationProjectTable = {
  id: Generated<string>;
  name: string;
  destination_village_id: number;
  moved_on: string;
  households: number;
  persons: number;
  housing_area_m2: Money;
  reclaimed_plot_m2: Money;
  recorded_by: number | null;
  version: Generated<number>;
};

export type RegistryRelocationOriginTable = { project_id: string; village_id: number };

export type RegistrySampleCheckTable = {
  id: Generated<string>;
  county_id: number;
  year: number;
  sampled_exited: number;
  wrongly_exited: number;
  sampled_unregistered: number;
  verified_missed: number;
  recognition: Money;
  recorded_by: number | null;
  recorded_at: Timestamp;
};

export type RegistryExitApplicationTable = {
  id: Generated<string>;
  unit_id: number;
  level: 'village' | 'county';
  year: number;
  status: Generated<'under_review' | 'approved' | 'rejected'>;
  next_step: string | null;
  conditions: Json;
  outcome: Json;
  applied_by: number | null;
  applied_at: Timestamp;
  version: Generated<number>;
};

export type RegistryExitReviewTable = {
  id: Generated<string>;
  application_id: string;
  step: string;
  decision: 'approve' | 'reject';
  comment: string | null;
  decided_by: number | null;
  decided_at: Timestamp;
};

export type RegistryTables = {
  registry_household: RegistryHouseholdTable;
  registry_person: RegistryPersonTable;
  registry_membership: RegistryMembershipTable;
  registry_income: RegistryIncomeTable;
  registry_income_record: RegistryIncomeRecordTable;
  registry_measure: RegistryMeasureTable;
  registry_cadre: RegistryCadreTable;
  registry_pairing: RegistryPairingTable;
  registry_lifecycle_event: RegistryLifecycleEventTable;
  registry_change_request: RegistryChangeRequestTable;
  registry_change_decision: RegistryChangeDecisionTable;
  registry_duplicate: RegistryDuplicateTable;
  registry_line_setting: RegistryLineSettingTable;
  registry_rural_population: RegistryRuralPopulationTable;
  registry_village_stats: RegistryVillageStatsTable;
  registry_relocation_project: RegistryRelocationProjectTable;
  registry_relocation_origin: RegistryRelocationOriginTable;
  registry_sample_check: RegistrySampleCheckTable;
  registry_exit_application: RegistryExitApplicationTable;
  registry_exit_review: RegistryExitReviewTable;
};
