import { type Kysely, sql } from 'kysely';

/** Years the per-village statistics are kept for: the 2014 registration up to the end of the 2030 plan. */
export const STATS_FIRST_YEAR = 2014;
export const STATS_LAST_YEAR = 2030;

export async function up(db: Kysely<unknown>): Promise<void> {
  // Households, their people and dated memberships. A person is one identity number; a membership ends with
  // a date and a reason and is never deleted, so the household's composition on any day can be told.
  await sql`
    create table registry_household (
      id bigint generated always as identity primary key,
      number text not null unique,
      village_id integer not null references org_unit (id),
      type text not null default 'ordinary' check (type in ('ordinary', 'minimum_income', 'extreme_poverty_support')),
      main_cause text not null default 'other',
      secondary_causes text[] not null default '{}',
      status text not null default 'identified'
        check (status in ('identified', 'registered', 'exited', 'monitored', 'risk_eliminated')),
      monitoring_kind text check (monitoring_kind in ('unstable_exited', 'marginal', 'sudden_difficulty')),
      identified_on date,
      registered_on date,
      exited_on date,
      monitored_since date,
      risk_eliminated_on date,
      phone text,
      housing_area_m2 numeric(8, 2),
      food_secured boolean not null default false,
      clothing_secured boolean not null default false,
      compulsory_education_secured boolean not null default false,
      basic_medical_care_secured boolean not null default false,
      safe_housing boolean not null default false,
      safe_drinking_water boolean not null default false,
      large_costs_resolved boolean not null default false,
      created_at timestamptz not null default now(),
      version integer not null default 1,
      check ((status in ('monitored', 'risk_eliminated')) = (monitoring_kind is not null))
    )`.execute(db);
  await sql`create index registry_household_village on registry_household (village_id, status)`.execute(db);

  await sql`
    create table registry_person (
      id bigint generated always as identity primary key,
      id_number text not null unique,
      name text not null,
      sex text not null check (sex in ('male', 'female')),
      birth_date date not null,
      ethnicity text not null default '汉族',
      education text,
      school_status text,
      health text not null default 'healthy',
      labour_capacity text not null default 'ordinary',
      months_working_away smallint not null default 0,
      medical_insurance boolean not null default false,
      pension_insurance boolean not null default false,
      phone text,
      version integer not null default 1
    )`.execute(db);

  await sql`
    create table registry_membership (
      id bigint generated always as identity primary key,
      household_id bigint not null references registry_household (id),
      person_id bigint not null references registry_person (id),
      relation text not null,
      start_on date not null,
      end_on date,
      end_reason text,
      check ((end_on is null) = (end_reason is null)),
      check (end_on is null or end_on >= start_on)
    )`.execute(db);
  await sql`create index registry_membership_household on registry_membership (household_id)`.execute(db);
  // One current household per person, one current head per household: the database backs the service's checks.
  await sql`create unique index registry_membership_one_household on registry_membership (person_id) where end_on is null`.execute(
    db,
  );
  await sql`create unique index registry_membership_one_head on registry_membership (household_id) where end_on is null and relation = 'head'`.execute(
    db,
  );

  await sql`
    create table registry_income (
      household_id bigint not null references registry_household (id),
      year smallint not null,
      per_capita_net_income numeric(12, 2) not null,
      primary key (household_id, year)
    )`.execute(db);
  // Monthly (or quarterly) income while monitored: what the six-month rule of risk elimination reads.
  await sql`
    create table registry_income_record (
      id bigint generated always as identity primary key,
      household_id bigint not null references registry_household (id),
      first_month text not null check (first_month ~ '^\\d{4}-(0[1-9]|1[0-2])$'),
      months smallint not null check (months between 1 and 12),
      per_capita_income numeric(12, 2) not null
    )`.execute(db);
  await sql`create index registry_income_record_household on registry_income_record (household_id)`.execute(db);

  await sql`
    create table registry_measure (
      id bigint generated always as identity primary key,
      household_id bigint not null references registry_household (id),
      type text not null,
      given_on date not null,
      amount_yuan numeric(12, 2) not null default 0,
      provider text,
      note text,
      recorded_by integer
    )`.execute(db);
  await sql`create index registry_measure_household on registry_measure (household_id)`.execute(db);

  await sql`
    create table registry_cadre (
      id integer generated always as identity primary key,
      key text not null unique,
      name text not null,
      sex text not null check (sex in ('male', 'female')),
      unit_code text not null,
      level text not null check (level in ('province', 'city', 'county', 'township', 'village'))
    )`.execute(db);
  await sql`
    create table registry_pairing (
      id bigint generated always as identity primary key,
      household_id bigint not null references registry_household (id),
      cadre_id integer not null references registry_cadre (id),
      from_on date not null,
      to_on date
    )`.execute(db);
  await sql`create index registry_pairing_household on registry_pairing (household_id)`.execute(db);

  await sql`
    create table registry_lifecycle_event (
      id bigint generated always as identity primary key,
      household_id bigint not null references registry_household (id),
      from_status text,
      to_status text not null,
      monitoring_kind text,
      effective_on date not null,
      reason text not null,
      checks jsonb not null default '[]',
      steps jsonb not null default '[]',
      recorded_by integer,
      recorded_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index registry_lifecycle_event_household on registry_lifecycle_event (household_id, effective_on)`.execute(
    db,
  );

  await sql`
    create table registry_change_request (
      id bigint generated always as identity primary key,
      household_id bigint not null references registry_household (id),
      kind text not null check (kind in ('add_member', 'remove_member', 'transfer_member', 'correct_id', 'change_head')),
      payload jsonb not null,
      reason text not null,
      status text not null default 'pending' check (status in ('pending', 'applied', 'rejected')),
      next_step text check (next_step in ('village', 'township', 'county')),
      requested_by integer,
      requested_at timestamptz not null default now(),
      version integer not null default 1
    )`.execute(db);
  await sql`create index registry_change_request_open on registry_change_request (status, household_id)`.execute(db);
  await sql`
    create table registry_change_decision (
      id bigint generated always as identity primary key,
      request_id bigint not null references registry_change_request (id),
      step text not null,
      decision text not null check (decision in ('approve', 'reject')),
      comment text,
      decided_by integer,
      decided_at timestamptz not null default now()
    )`.execute(db);

  // The same identity number met again (in another household, or twice in one): held for a decision.
  await sql`
    create table registry_duplicate (
      id bigint generated always as identity primary key,
      id_number text not null,
      name text not null,
      relation text not null,
      household_id bigint not null references registry_household (id),
      existing_household_id bigint references registry_household (id),
      status text not null default 'pending' check (status in ('pending', 'transferred', 'dismissed')),
      decided_by integer,
      decided_at timestamptz,
      reason text,
      created_at timestamptz not null default now(),
      version integer not null default 1
    )`.execute(db);
  await sql`create index registry_duplicate_pending on registry_duplicate (status, household_id)`.execute(db);

  // Lines are dated settings (append-only history), never constants: kind, region (short code) and date.
  await sql`
    create table registry_line_setting (
      id integer generated always as identity primary key,
      kind text not null check (kind in ('poverty', 'monitoring', 'incidence_threshold')),
      region text,
      effective_from date not null,
      value numeric(12, 4) not null,
      recorded_by integer,
      recorded_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    insert into registry_line_setting (kind, region, effective_from, value) values
      ('poverty', null, '2011-01-01', 2536), ('poverty', null, '2012-01-01', 2625),
      ('poverty', null, '2013-01-01', 2736), ('poverty', null, '2014-01-01', 2800),
      ('poverty', null, '2015-01-01', 2855), ('poverty', null, '2016-01-01', 2952),
      ('poverty', null, '2017-01-01', 2952), ('poverty', null, '2018-01-01', 2995),
      ('poverty', null, '2019-01-01', 3218), ('poverty', null, '2020-01-01', 4000),
      ('monitoring', null, '2020-01-01', 6000), ('monitoring', '14', '2024-01-01', 7500),
      ('incidence_threshold', null, '2014-01-01', 0.02)`.execute(db);

  // Registry-owned for now; the indicator module will expose it as population.rural.
  await sql`
    create table registry_rural_population (
      village_id integer not null references org_unit (id),
      year smallint not null,
      population integer not null check (population >= 0),
      primary key (village_id, year)
    )`.execute(db);

  // Per village and year-end, maintained in the transaction of every change (never stale) and summed over
  // the org path for townships, counties and cities.
  await sql`
    create table registry_village_stats (
      year smallint not null,
      village_id integer not null references org_unit (id),
      rural_population integer not null,
      registered_households integer not null,
      registered_persons integer not null,
      poor_households integer not null,
      poor_persons integer not null,
      exited_households integer not null,
      exited_persons integer not null,
      monitored_households integer not null,
      monitored_persons integer not null,
      primary key (year, village_id)
    )`.execute(db);
  await sql`create index registry_village_stats_village on registry_village_stats (village_id)`.execute(db);

  // Recounts the given villages from the records. Persons are memberships: registered counts everyone who
  // belonged to a registered household by the year's end; poor, exited and monitored count members then.
  await sql
    .raw(
      `
    create function registry_refresh_village_stats(villages integer[]) returns void language sql as $$
      delete from registry_village_stats where village_id = any(villages);
      with years as (
        select y as year, make_date(y, 12, 31) as year_end from generate_series(${STATS_FIRST_YEAR}, ${STATS_LAST_YEAR}) y
      ),
      -- Members who joined and left together count as one group: most households are one group.
      member_groups as (
        select m.household_id, m.start_on, m.end_on, count(*)::int as members
        from registry_membership m
        join registry_household h on h.id = m.household_id
        where h.village_id = any(villages)
        group by m.household_id, m.start_on, m.end_on
      ),
      household_years as (
        select g.household_id, y.year, y.year_end,
          sum(g.members)::int as ever,
          coalesce(sum(g.members) filter (where g.end_on is null or g.end_on > y.year_end), 0)::int as present
        from member_groups g
        join years y on y.year_end >= g.start_on
        group by g.household_id, y.year, y.year_end
      ),
      flagged as (
        select h.village_id, hy.year, hy.ever, hy.present,
          coalesce(h.registered_on <= hy.year_end, false) as registered,
          coalesce(h.registered_on <= hy.year_end and (h.exited_on is null or h.exited_on > hy.year_end), false) as poor,
          coalesce(h.exited_on <= hy.year_end, false) as exited,
          coalesce(h.monitored_since <= hy.year_end
            and (h.risk_eliminated_on is null or h.risk_eliminated_on > hy.year_end), false) as monitored
        from household_years hy
        join registry_household h on h.id = hy.household_id
      ),
      counts as (
        select village_id, year,
          count(*) filter (where registered) as registered_households,
          coalesce(sum(ever) filter (where registered), 0) as registered_persons,
          count(*) filter (where poor and present > 0) as poor_households,
          coalesce(sum(present) filter (where poor), 0) as poor_persons,
          count(*) filter (where exited and present > 0) as exited_households,
          coalesce(sum(present) filter (where exited), 0) as exited_persons,
          count(*) filter (where monitored and present > 0) as monitored_households,
          coalesce(sum(present) filter (where monitored), 0) as monitored_persons
        from flagged group by village_id, year
      )
      insert into registry_village_stats
      select y.year, v.id,
        coalesce((select p.population from registry_rural_population p
                  where p.village_id = v.id and p.year <= y.year order by p.year desc limit 1), 0),
        coalesce(c.registered_households, 0), coalesce(c.registered_persons, 0),
        coalesce(c.poor_households, 0), coalesce(c.poor_persons, 0),
        coalesce(c.exited_households, 0), coalesce(c.exited_persons, 0),
        coalesce(c.monitored_households, 0), coalesce(c.monitored_persons, 0)
      from unnest(villages) v (id)
      cross join years y
      left join counts c on c.village_id = v.id and c.year = y.year
    $$`,
    )
    .execute(db);

  await sql`
    create table registry_relocation_project (
      id bigint generated always as identity primary key,
      name text not null,
      destination_village_id integer not null references org_unit (id),
      moved_on date not null,
      households integer not null check (households >= 0),
      persons integer not null check (persons >= 0),
      housing_area_m2 numeric(12, 2) not null check (housing_area_m2 >= 0),
      reclaimed_plot_m2 numeric(12, 2) not null default 0,
      recorded_by integer,
      version integer not null default 1
    )`.execute(db);
  await sql`
    create table registry_relocation_origin (
      project_id bigint not null references registry_relocation_project (id),
      village_id integer not null references org_unit (id),
      primary key (project_id, village_id)
    )`.execute(db);

  // Recorded sample checks of the exit assessment, from which a county's wrong-exit and missed rates come.
  await sql`
    create table registry_sample_check (
      id bigint generated always as identity primary key,
      county_id integer not null references org_unit (id),
      year smallint not null,
      sampled_exited integer not null check (sampled_exited >= 0),
      wrongly_exited integer not null check (wrongly_exited >= 0),
      sampled_unregistered integer not null check (sampled_unregistered >= 0),
      verified_missed integer not null check (verified_missed >= 0),
      recognition numeric(5, 4) not null check (recognition between 0 and 1),
      recorded_by integer,
      recorded_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index registry_sample_check_county on registry_sample_check (county_id, year)`.execute(db);

  await sql`
    create table registry_exit_application (
      id bigint generated always as identity primary key,
      unit_id integer not null references org_unit (id),
      level text not null check (level in ('village', 'county')),
      year smallint not null,
      status text not null default 'under_review' check (status in ('under_review', 'approved', 'rejected')),
      next_step text,
      conditions jsonb not null default '{}',
      outcome jsonb not null,
      applied_by integer,
      applied_at timestamptz not null default now(),
      version integer not null default 1
    )`.execute(db);
  await sql`create index registry_exit_application_unit on registry_exit_application (unit_id, year)`.execute(db);
  await sql`
    create table registry_exit_review (
      id bigint generated always as identity primary key,
      application_id bigint not null references registry_exit_application (id),
      step text not null,
      decision text not null check (decision in ('approve', 'reject')),
      comment text,
      decided_by integer,
      decided_at timestamptz not null default now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop function if exists registry_refresh_village_stats`.execute(db);
  await sql`
    drop table if exists registry_exit_review, registry_exit_application, registry_sample_check,
      registry_relocation_origin, registry_relocation_project, registry_village_stats, registry_rural_population,
      registry_line_setting, registry_duplicate, registry_change_decision, registry_change_request,
      registry_lifecycle_event, registry_pairing, registry_cadre, registry_measure, registry_income_record,
      registry_income, registry_membership, registry_person, registry_household cascade`.execute(db);
}
