import { type Kysely, sql } from 'kysely';

/**
 * The closed work loop: files, decisions and plans, tasks with their grants and reports, supervision
 * (colour history, notices, inspections, rules, scheduler runs), notifications and assessment.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    // Content-addressed evidence: a file is stored once under its SHA-256 and never overwritten.
    sql`create table stored_file (
      sha256 text primary key check (sha256 ~ '^[0-9a-f]{64}$'),
      size_bytes bigint not null,
      media_type text not null,
      uploaded_by integer references app_user (id),
      uploaded_at timestamptz not null default now()
    )`,
    // Which record a file is evidence for (decision, report, inspection, exemption, bonus claim).
    sql`create table file_link (
      owner_kind text not null check (owner_kind in ('decision', 'report', 'inspection', 'exemption', 'bonus_claim')),
      owner_id bigint not null,
      sha256 text not null references stored_file (sha256),
      file_name text not null,
      primary key (owner_kind, owner_id, sha256)
    )`,
    sql`create index file_link_sha on file_link (sha256)`,

    sql`create table decision (
      id bigint generated always as identity primary key,
      unit_id integer not null references org_unit (id),
      kind text not null check (kind in ('meeting', 'document')),
      title text not null,
      decided_on date not null,
      body text not null default '',
      created_by integer references app_user (id),
      created_at timestamptz not null default now(),
      version integer not null default 1
    )`,
    sql`create table plan (
      id bigint generated always as identity primary key,
      unit_id integer not null references org_unit (id),
      title text not null,
      framework text,
      description text not null default '',
      decision_id bigint references decision (id),
      created_at timestamptz not null default now(),
      version integer not null default 1
    )`,
    sql`create table plan_node (
      id bigint generated always as identity primary key,
      plan_id bigint not null references plan (id) on delete cascade,
      parent_id bigint references plan_node (id) on delete cascade,
      number text not null,
      title text not null,
      description text not null default '',
      owner_unit_ids integer[] not null default '{}',
      indicator_codes text[] not null default '{}',
      yearly_targets jsonb not null default '{}',
      decision_id bigint references decision (id),
      position integer not null default 0,
      version integer not null default 1
    )`,
    sql`create index plan_node_plan on plan_node (plan_id, parent_id, position)`,

    sql`create table task (
      id bigint generated always as identity primary key,
      title text not null,
      description text not null default '',
      plan_node_id bigint references plan_node (id),
      decision_id bigint references decision (id),
      issuer_unit_id integer not null references org_unit (id),
      lead_unit_id integer not null references org_unit (id),
      lead_unit_path text not null,
      supervising_unit_id integer not null references org_unit (id),
      responsible_leader text not null,
      priority text not null default 'normal' check (priority in ('high', 'normal', 'low')),
      report_cadence text not null default 'none' check (report_cadence in ('none', 'weekly', 'monthly', 'quarterly')),
      start_on date not null,
      deadline date not null,
      milestones jsonb not null default '[]',
      status text not null default 'draft',
      status_before_extension text,
      requested_deadline date,
      reported_percent numeric(5, 2) not null default 0,
      last_report_returned boolean not null default false,
      completion_reported_on date,
      closed_on date,
      colour text check (colour in ('grey', 'red', 'yellow', 'blue', 'green')),
      colour_reasons text[] not null default '{}',
      planned_percent numeric(5, 2) not null default 0,
      colour_judged_on date,
      created_by integer references app_user (id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1
    )`,
    sql`create index task_lead_path on task (lead_unit_path text_pattern_ops, colour)`,
    sql`create index task_colour_deadline on task (colour, deadline)`,
    sql`create index task_open on task (id) where status not in ('draft', 'closed', 'cancelled')`,
    // Counts by lead unit and colour, kept by statement-level triggers, so the colour wall and the summary
    // read at most one row per unit and colour instead of scanning every task of a subtree.
    sql`create table task_colour_tally (
      lead_unit_id integer not null,
      lead_unit_path text not null,
      colour text not null,
      tasks integer not null,
      primary key (lead_unit_id, colour)
    )`,
    sql`create index task_colour_tally_path on task_colour_tally (lead_unit_path text_pattern_ops)`,
    sql`create function task_colour_tally_apply() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        insert into task_colour_tally
        select lead_unit_id, lead_unit_path, colour, count(*) from new_rows where colour is not null group by 1, 2, 3
        on conflict (lead_unit_id, colour) do update set tasks = task_colour_tally.tasks + excluded.tasks;
      elsif tg_op = 'DELETE' then
        update task_colour_tally c set tasks = c.tasks - d.n
        from (select lead_unit_id, colour, count(*) as n from old_rows where colour is not null group by 1, 2) d
        where c.lead_unit_id = d.lead_unit_id and c.colour = d.colour;
      else
        insert into task_colour_tally
        select lead_unit_id, lead_unit_path, colour, sum(delta) from (
          select lead_unit_id, lead_unit_path, colour, 1 as delta from new_rows where colour is not null
          union all
          select lead_unit_id, lead_unit_path, colour, -1 from old_rows where colour is not null
        ) changes group by 1, 2, 3 having sum(delta) <> 0
        on conflict (lead_unit_id, colour) do update set tasks = task_colour_tally.tasks + excluded.tasks;
      end if;
      return null;
    end $$`,
    sql`create trigger task_colour_tally_insert after insert on task referencing new table as new_rows
      for each statement execute function task_colour_tally_apply()`,
    sql`create trigger task_colour_tally_update after update on task referencing old table as old_rows new table as new_rows
      for each statement execute function task_colour_tally_apply()`,
    sql`create trigger task_colour_tally_delete after delete on task referencing old table as old_rows
      for each statement execute function task_colour_tally_apply()`,
    // Per-task access: the units a task is granted to, and the part each plays in it.
    sql`create table task_grant (
      task_id bigint not null references task (id) on delete cascade,
      unit_id integer not null references org_unit (id),
      role text not null check (role in ('issuer', 'lead', 'cooperating', 'supervisor')),
      unit_path text not null,
      primary key (task_id, role, unit_id)
    )`,
    sql`create index task_grant_path on task_grant (unit_path text_pattern_ops, task_id)`,
    sql`create table task_report (
      id bigint generated always as identity primary key,
      task_id bigint not null references task (id),
      kind text not null check (kind in ('progress', 'completion')),
      percent numeric(5, 2) not null check (percent between 0 and 100),
      narrative text not null,
      figures jsonb not null default '[]',
      unit_id integer not null references org_unit (id),
      idempotency_key text not null,
      status text not null default 'submitted' check (status in ('submitted', 'accepted', 'returned')),
      review_reason text,
      reviewed_by integer references app_user (id),
      reviewed_at timestamptz,
      submitted_by integer references app_user (id),
      submitted_at timestamptz not null,
      unique (task_id, idempotency_key)
    )`,
    sql`create index task_report_task on task_report (task_id, submitted_at desc)`,

    // One row per change of colour, dated: the spells escalation and deductions are derived from.
    sql`create table task_colour_history (
      id bigint generated always as identity primary key,
      task_id bigint not null references task (id) on delete cascade,
      colour text not null,
      on_day date not null,
      unique (task_id, on_day, colour)
    )`,
    sql`create table supervision_notice (
      id bigint generated always as identity primary key,
      task_id bigint not null references task (id),
      unit_id integer not null references org_unit (id),
      unit_path text not null,
      kind text not null check (kind in ('supervision_notice', 'supervision_letter', 'formal_interview', 'escalation')),
      origin text not null check (origin in ('automatic', 'manual')),
      issued_on date not null,
      body text not null,
      deduction_points numeric(6, 2) not null default 0,
      escalated_to text,
      source_key text unique,
      issued_by integer references app_user (id),
      created_at timestamptz not null default now()
    )`,
    sql`create index supervision_notice_path on supervision_notice (unit_path text_pattern_ops, issued_on desc)`,
    sql`create index supervision_notice_task on supervision_notice (task_id)`,
    sql`create table inspection (
      id bigint generated always as identity primary key,
      task_id bigint not null references task (id),
      inspected_on date not null,
      findings text not null,
      verdict text not null check (verdict in ('confirmed', 'not_as_reported')),
      recorded_by integer references app_user (id),
      created_at timestamptz not null default now()
    )`,
    sql`create index inspection_task on inspection (task_id)`,
    sql`create table supervision_rule_set (
      effective_from date primary key,
      colour jsonb not null,
      escalation jsonb not null
    )`,
    sql`create table scheduler_run (
      id bigint generated always as identity primary key,
      job text not null,
      slot text not null,
      status text not null default 'running' check (status in ('running', 'succeeded', 'failed')),
      result jsonb,
      started_at timestamptz not null,
      finished_at timestamptz,
      unique (job, slot)
    )`,

    sql`create table notification (
      id bigint generated always as identity primary key,
      unit_id integer not null references org_unit (id),
      unit_path text not null,
      kind text not null,
      task_id bigint references task (id),
      title text not null,
      body text not null default '',
      source_key text unique,
      created_at timestamptz not null
    )`,
    sql`create index notification_path on notification (unit_path text_pattern_ops, created_at desc)`,
    sql`create table notification_read (
      notification_id bigint not null references notification (id) on delete cascade,
      user_id integer not null references app_user (id),
      read_at timestamptz not null,
      primary key (user_id, notification_id)
    )`,

    sql`create table assessment_scheme (
      id bigint generated always as identity primary key,
      unit_id integer not null references org_unit (id),
      code text not null unique,
      year integer not null,
      name text not null,
      definition jsonb not null,
      assessed_unit_ids integer[] not null default '{}',
      version integer not null default 1
    )`,
    sql`create table assessment_indicator_value (
      scheme_id bigint not null references assessment_scheme (id) on delete cascade,
      unit_id integer not null references org_unit (id),
      item_code text not null,
      period text not null check (period in ('year', 'Q1', 'Q2', 'Q3', 'Q4')),
      actual numeric,
      target numeric not null check (target > 0),
      primary key (scheme_id, unit_id, item_code, period)
    )`,
    sql`create table assessment_entered_score (
      scheme_id bigint not null references assessment_scheme (id) on delete cascade,
      unit_id integer not null references org_unit (id),
      item_code text not null,
      score numeric(5, 2) not null check (score between 0 and 100),
      entered_by integer references app_user (id),
      primary key (scheme_id, unit_id, item_code)
    )`,
    sql`create table assessment_bonus_claim (
      id bigint generated always as identity primary key,
      scheme_id bigint not null references assessment_scheme (id) on delete cascade,
      unit_id integer not null references org_unit (id),
      item_code text not null,
      points numeric(6, 2) not null check (points > 0),
      reason text not null,
      status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
      decision_reason text,
      decided_by integer references app_user (id),
      claimed_by integer references app_user (id),
      version integer not null default 1
    )`,
    sql`create table assessment_veto (
      id bigint generated always as identity primary key,
      scheme_id bigint not null references assessment_scheme (id) on delete cascade,
      unit_id integer not null references org_unit (id),
      item_code text not null,
      occurred_on date not null,
      reason text not null,
      recorded_by integer references app_user (id)
    )`,
    // Error tolerance (容错免责): an application against one deduction (a colour spell or a notice).
    sql`create table assessment_exemption (
      id bigint generated always as identity primary key,
      scheme_id bigint not null references assessment_scheme (id) on delete cascade,
      unit_id integer not null references org_unit (id),
      event_id text not null,
      reason text not null,
      reduce_points numeric(6, 2),
      status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
      decision_reason text,
      decided_by integer references app_user (id),
      applied_by integer references app_user (id),
      applied_at timestamptz not null,
      version integer not null default 1
    )`,
    sql`create table assessment_run (
      id bigint generated always as identity primary key,
      scheme_id bigint not null references assessment_scheme (id) on delete cascade,
      as_of date not null,
      input_hash text not null,
      status text not null default 'draft' check (status in ('draft', 'published')),
      results jsonb not null,
      created_at timestamptz not null,
      published_at timestamptz,
      version integer not null default 1
    )`,
    sql`create index assessment_run_scheme on assessment_run (scheme_id, id desc)`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const tables = [
    'assessment_run',
    'assessment_exemption',
    'assessment_veto',
    'assessment_bonus_claim',
    'assessment_entered_score',
    'assessment_indicator_value',
    'assessment_scheme',
    'notification_read',
    'notification',
    'scheduler_run',
    'supervision_rule_set',
    'inspection',
    'supervision_notice',
    'task_colour_history',
    'task_report',
    'task_grant',
    'task_colour_tally',
    'task',
    'plan_node',
    'plan',
    'decision',
    'file_link',
    'stored_file',
  ];
  for (const table of tables) await sql`drop table if exists ${sql.table(table)}`.execute(db);
  await sql`drop function if exists task_colour_tally_apply()`.execute(db);
}
