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
  stored_file: StoredFileTable;
  file_link: FileLinkTable;
  decision: DecisionTable;
  plan: PlanTable;
  plan_node: PlanNodeTable;
  task: TaskTable;
  task_grant: TaskGrantTable;
  task_colour_tally: TaskColourTallyTable;
  task_report: TaskReportTable;
  task_colour_history: TaskColourHistoryTable;
  supervision_notice: SupervisionNoticeTable;
  inspection: InspectionTable;
  supervision_rule_set: SupervisionRuleSetTable;
  scheduler_run: SchedulerRunTable;
  notification: NotificationTable;
  notification_read: NotificationReadTable;
  assessment_scheme: AssessmentSchemeTable;
  assessment_indicator_value: AssessmentIndicatorValueTable;
  assessment_entered_score: AssessmentEnteredScoreTable;
  assessment_bonus_claim: AssessmentBonusClaimTable;
  assessment_veto: AssessmentVetoTable;
  assessment_exemption: AssessmentExemptionTable;
  assessment_run: AssessmentRunTable;
} & RegistryTables;

export type OrgUnitRow = Selectable<OrgUnitTable>;
export type NewOrgUnit = Insertable<OrgUnitTable>;
export type AppUserRow = Selectable<AppUserTable>;

// The closed work loop (migration 0004-loop). numeric columns come back as strings, like bigints.

type Numeric = ColumnType<string, number | string, number | string>;

export type StoredFileTable = {
  sha256: string;
  size_bytes: ColumnType<string, number, number>;
  media_type: string;
  uploaded_by: number | null;
  uploaded_at: Timestamp;
};

export type FileOwnerKind = 'decision' | 'report' | 'inspection' | 'exemption' | 'bonus_claim';
export type FileLinkTable = { owner_kind: FileOwnerKind; owner_id: string | number; sha256: string; file_name: string };

export type DecisionTable = {
  id: Generated<string>;
  unit_id: number;
  kind: 'meeting' | 'document';
  title: string;
  decided_on: string;
  body: Generated<string>;
  created_by: number | null;
  created_at: Timestamp;
  version: Generated<number>;
};

export type PlanTable = {
  id: Generated<string>;
  unit_id: number;
  title: string;
  framework: string | null;
  description: Generated<string>;
  decision_id: string | null;
  created_at: Timestamp;
  version: Generated<number>;
};

export type PlanNodeTable = {
  id: Generated<string>;
  plan_id: string;
  parent_id: string | null;
  number: string;
  title: string;
  description: Generated<string>;
  owner_unit_ids: ColumnType<number[], number[] | undefined, number[]>;
  indicator_codes: ColumnType<string[], string[] | undefined, string[]>;
  yearly_targets: Json;
  decision_id: string | null;
  position: Generated<number>;
  version: Generated<number>;
};

export type TaskTable = {
  id: Generated<string>;
  title: string;
  description: Generated<string>;
  plan_node_id: string | null;
  decision_id: string | null;
  issuer_unit_id: number;
  lead_unit_id: number;
  lead_unit_path: string;
  supervising_unit_id: number;
  responsible_leader: string;
  priority: 'high' | 'normal' | 'low';
  report_cadence: 'none' | 'weekly' | 'monthly' | 'quarterly';
  start_on: string;
  deadline: string;
  milestones: Json;
  status: string;
  status_before_extension: string | null;
  requested_deadline: string | null;
  reported_percent: Numeric;
  last_report_returned: Generated<boolean>;
  completion_reported_on: string | null;
  closed_on: string | null;
  colour: string | null;
  colour_reasons: ColumnType<string[], string[] | undefined, string[]>;
  planned_percent: Numeric;
  colour_judged_on: string | null;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
};

export type TaskColourTallyTable = { lead_unit_id: number; lead_unit_path: string; colour: string; tasks: number };

export type TaskGrantRole = 'issuer' | 'lead' | 'cooperating' | 'supervisor';
export type TaskGrantTable = { task_id: string; unit_id: number; role: TaskGrantRole; unit_path: string };

export type TaskReportTable = {
  id: Generated<string>;
  task_id: string;
  kind: 'progress' | 'completion';
  percent: Numeric;
  narrative: string;
  figures: Json;
  unit_id: number;
  idempotency_key: string;
  status: Generated<'submitted' | 'accepted' | 'returned'>;
  review_reason: string | null;
  reviewed_by: number | null;
  reviewed_at: Date | null;
  submitted_by: number | null;
  submitted_at: Date;
};

export type TaskColourHistoryTable = { id: Generated<string>; task_id: string; colour: string; on_day: string };

export type SupervisionNoticeKind = 'supervision_notice' | 'supervision_letter' | 'formal_interview' | 'escalation';
export type SupervisionNoticeTable = {
  id: Generated<string>;
  task_id: string;
  unit_id: number;
  unit_path: string;
  kind: SupervisionNoticeKind;
  origin: 'automatic' | 'manual';
  issued_on: string;
  body: string;
  deduction_points: Numeric;
  escalated_to: string | null;
  source_key: string | null;
  issued_by: number | null;
  created_at: Timestamp;
};

export type InspectionTable = {
  id: Generated<string>;
  task_id: string;
  inspected_on: string;
  findings: string;
  verdict: 'confirmed' | 'not_as_reported';
  recorded_by: number | null;
  created_at: Timestamp;
};

export type SupervisionRuleSetTable = { effective_from: string; colour: Json; escalation: Json };

export type SchedulerRunTable = {
  id: Generated<string>;
  job: string;
  slot: string;
  status: Generated<'running' | 'succeeded' | 'failed'>;
  result: Json;
  started_at: Date;
  finished_at: Date | null;
};

export type NotificationTable = {
  id: Generated<string>;
  unit_id: number;
  unit_path: string;
  kind: string;
  task_id: string | null;
  title: string;
  body: Generated<string>;
  source_key: string | null;
  created_at: Date;
};
export type NotificationReadTable = { notification_id: string; user_id: number; read_at: Date };

export type AssessmentSchemeTable = {
  id: Generated<string>;
  unit_id: number;
  code: string;
  year: number;
  name: string;
  definition: Json;
  assessed_unit_ids: ColumnType<number[], number[] | undefined, number[]>;
  version: Generated<number>;
};

export type AssessmentPeriod = 'year' | 'Q1' | 'Q2' | 'Q3' | 'Q4';
export type AssessmentIndicatorValueTable = {
  scheme_id: string;
  unit_id: number;
  item_code: string;
  period: AssessmentPeriod;
  actual: Numeric | null;
  target: Numeric;
};

export type AssessmentEnteredScoreTable = {
  scheme_id: string;
  unit_id: number;
  item_code: string;
  score: Numeric;
  entered_by: number | null;
};

export type DecisionStatus = 'pending' | 'approved' | 'rejected';
export type AssessmentBonusClaimTable = {
  id: Generated<string>;
  scheme_id: string;
  unit_id: number;
  item_code: string;
  points: Numeric;
  reason: string;
  status: Generated<DecisionStatus>;
  decision_reason: string | null;
  decided_by: number | null;
  claimed_by: number | null;
  version: Generated<number>;
};

export type AssessmentVetoTable = {
  id: Generated<string>;
  scheme_id: string;
  unit_id: number;
  item_code: string;
  occurred_on: string;
  reason: string;
  recorded_by: number | null;
};

export type AssessmentExemptionTable = {
  id: Generated<string>;
  scheme_id: string;
  unit_id: number;
  event_id: string;
  reason: string;
  reduce_points: Numeric | null;
  status: Generated<DecisionStatus>;
  decision_reason: string | null;
  decided_by: number | null;
  applied_by: number | null;
  applied_at: Date;
  version: Generated<number>;
};

export type AssessmentRunTable = {
  id: Generated<string>;
  scheme_id: string;
  as_of: string;
  input_hash: string;
  status: Generated<'draft' | 'published'>;
  results: Json;
  created_at: Date;
  published_at: Date | null;
  version: Generated<number>;
};
// Indicators and analytics (migration 0005).

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

export type IndicatorPeriodRollupTable = {
  indicator_id: number;
  period: string;
  path: string;
  total: Numeric;
  periods: number;
  last_period: string;
  last_value: Numeric;
};

export type IndicatorWeightedRollupTable = {
  indicator_id: number;
  period: string;
  level: number;
  path: string;
  weighted: Numeric;
  weight: Numeric;
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
  indicator_period_rollup: IndicatorPeriodRollupTable;
  indicator_weighted_rollup: IndicatorWeightedRollupTable;
  indicator_value_change: IndicatorValueChangeTable;
  indicator_target: IndicatorTargetTable;
  indicator_approval: IndicatorApprovalTable;
  indicator_entry_exception: IndicatorEntryExceptionTable;
  indicator_alert: IndicatorAlertTable;
  dashboard: DashboardTable;
};
export type IndicatorRow = Selectable<IndicatorTable>;

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
  status: Generated<DuplicateStatus>;
  decided_by: number | null;
  decided_at: Date | null;
  reason: string | null;
  created_at: Timestamp;
  version: Generated<number>;
  member: Json;
  source: Generated<'registration' | 'change_request'>;
  change_request_id: string | null;
  decided_on: string | null;
  corrected_id_number: string | null;
};

export type DuplicateStatus = 'pending' | 'kept_existing' | 'kept_new' | 'corrected';

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
