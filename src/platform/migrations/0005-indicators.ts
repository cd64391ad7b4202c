import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // A unit's path as it stood on a day. Units whose chain never moved (nearly all) answer from their row;
  // the others walk the parent chain as it stood then, so history stays where it was entered.
  await sql`
    create function org_unit_path_at(unit integer, day date) returns text language plpgsql stable as $$
    declare
      current_path text;
      walked text := '/';
      step integer := unit;
      depth integer := 0;
    begin
      select path into current_path from org_unit where id = unit;
      if not exists (
        select 1 from org_unit_change c join org_unit a on a.id = c.unit_id
        where c.change = 'moved' and c.effective_on > day
          and a.code = any(string_to_array(trim(both '/' from current_path), '/'))
      ) then
        return current_path;
      end if;
      while step is not null and depth < 10 loop
        walked := '/' || (select code from org_unit where id = step) || walked;
        step := org_unit_parent_at(step, day);
        depth := depth + 1;
      end loop;
      return walked;
    end $$`.execute(db);

  await sql`
    create table indicator (
      id integer generated always as identity primary key,
      code text not null unique check (code ~ '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$'),
      name_zh text not null,
      name_en text not null,
      measure_unit text not null default '',
      value_type text not null check (value_type in ('number', 'percent', 'count', 'money')),
      direction text not null check (direction in ('up', 'down')),
      unit_aggregation text not null check (unit_aggregation in ('sum', 'average', 'weighted_average', 'none')),
      weight_code text,
      period_aggregation text not null check (period_aggregation in ('sum', 'last', 'average')),
      period_type text not null check (period_type in ('month', 'quarter', 'year')),
      source text not null check (source in ('entered', 'formula', 'computed')),
      entry_level smallint check (entry_level between 1 and 5),
      categories text[] not null default '{}',
      numerator_code text,
      denominator_code text,
      factor numeric not null default 1,
      computed_key text,
      min_value numeric,
      max_value numeric,
      outlier_change_pct numeric,
      rules jsonb not null default '[]',
      alert_line numeric,
      entry_window_days integer not null default 20,
      version integer not null default 1,
      check ((source = 'entered') = (entry_level is not null)),
      check ((source = 'formula') = (numerator_code is not null and denominator_code is not null)),
      check ((source = 'computed') = (computed_key is not null)),
      check ((unit_aggregation = 'weighted_average') = (weight_code is not null)),
      check (cardinality(categories) <= 8)
    )`.execute(db);

  // Typed values, keyed by the unit's path as it stood at the end of the period: roll-ups and "as of" reads
  // follow the tree of that day without re-deriving it. No foreign keys on the value tables: their per-row
  // triggers cost more than half of a million-row import, the writer resolves every id from existing rows,
  // and neither indicators nor units are ever deleted.
  await sql`
    create table indicator_value (
      indicator_id integer not null,
      period text not null,
      unit_id integer not null,
      category text not null default '',
      value numeric not null,
      comment text,
      path_at text not null,
      level smallint not null,
      entered_by integer,
      entered_at timestamptz not null default now(),
      version integer not null default 1,
      primary key (indicator_id, period, unit_id, category)
    )`.execute(db);
  await sql`create index indicator_value_path on indicator_value (indicator_id, period, path_at text_pattern_ops)`.execute(
    db,
  );

  // Sum and count of the values below each ancestor, kept in the writing transaction: analytics read one
  // row per unit instead of re-aggregating the leaves, and nothing is ever rebuilt in batch.
  await sql`
    create table indicator_rollup (
      indicator_id integer not null,
      period text not null,
      category text not null,
      path text not null,
      level smallint not null,
      total numeric not null,
      count integer not null,
      primary key (indicator_id, period, category, path)
    )`.execute(db);
  await sql`create index indicator_rollup_level on indicator_rollup (indicator_id, period, level, path text_pattern_ops)`.execute(
    db,
  );

  // Every change of a value with the old and the new one; the audit record of the save or import names it.
  await sql`
    create table indicator_value_change (
      id bigint generated always as identity primary key,
      indicator_id integer not null,
      period text not null,
      unit_id integer not null,
      category text not null,
      old_value numeric,
      new_value numeric not null,
      comment text,
      changed_by integer,
      changed_at timestamptz not null,
      request_id text
    )`.execute(db);
  await sql`create index indicator_value_change_cell on indicator_value_change (indicator_id, unit_id, period)`.execute(
    db,
  );

  await sql`
    create table indicator_target (
      indicator_id integer not null references indicator (id),
      unit_id integer not null references org_unit (id),
      period text not null,
      baseline numeric,
      target numeric not null,
      green_at numeric not null default 1,
      amber_at numeric not null default 0.9,
      version integer not null default 1,
      primary key (indicator_id, unit_id, period),
      check (amber_at <= green_at)
    )`.execute(db);

  // Approving a unit for a period locks every value of that period in its subtree (as of then).
  await sql`
    create table indicator_approval (
      period text not null,
      unit_id integer not null references org_unit (id),
      path_at text not null,
      approved_by integer references app_user (id),
      approved_at timestamptz not null,
      primary key (period, unit_id)
    )`.execute(db);
  await sql`create index indicator_approval_path on indicator_approval (period, path_at text_pattern_ops)`.execute(db);

  await sql`
    create table indicator_entry_exception (
      id bigint generated always as identity primary key,
      indicator_id integer references indicator (id),
      unit_id integer not null references org_unit (id),
      path text not null,
      period text not null,
      reason text not null,
      expires_at timestamptz not null,
      granted_by integer references app_user (id),
      granted_at timestamptz not null
    )`.execute(db);
  await sql`create index indicator_entry_exception_period on indicator_entry_exception (period, path text_pattern_ops)`.execute(
    db,
  );

  await sql`
    create table indicator_alert (
      id bigint generated always as identity primary key,
      indicator_id integer not null references indicator (id),
      unit_id integer not null references org_unit (id),
      path text not null,
      period text not null,
      line numeric not null,
      previous_value numeric,
      value numeric not null,
      crossed text not null check (crossed in ('up', 'down')),
      raised_at timestamptz not null,
      unique (indicator_id, unit_id, period)
    )`.execute(db);
  await sql`create index indicator_alert_path on indicator_alert (path text_pattern_ops, raised_at desc)`.execute(db);

  await sql`
    create table dashboard (
      id integer generated always as identity primary key,
      role text not null,
      unit_id integer not null references org_unit (id),
      widgets jsonb not null,
      version integer not null default 1,
      updated_by integer references app_user (id),
      updated_at timestamptz not null,
      unique (role, unit_id)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists dashboard, indicator_alert, indicator_entry_exception, indicator_approval, indicator_target, indicator_value_change, indicator_rollup, indicator_value, indicator`.execute(
    db,
  );
  await sql`drop function if exists org_unit_path_at`.execute(db);
}
