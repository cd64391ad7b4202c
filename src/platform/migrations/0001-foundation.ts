import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);

  // The versioned organisation tree: one row per unit holding its current (or final) state; every change
  // is an org_unit_change row, from which the tree "as of" any date is derived.
  await sql`
    create table org_unit (
      id integer generated always as identity primary key,
      code text not null unique,
      kind text not null check (kind in ('division', 'department')),
      level smallint check (level between 1 and 5),
      category text check (category in ('department', 'centre', 'team')),
      name text not null,
      parent_id integer references org_unit (id),
      path text not null,
      established_on date not null default date '1949-10-01',
      ended_on date,
      end_kind text check (end_kind in ('merged', 'abolished')),
      merged_into_id integer references org_unit (id),
      version integer not null default 1,
      check ((kind = 'division') = (level is not null)),
      check ((kind = 'department') = (category is not null)),
      check ((ended_on is null) = (end_kind is null))
    )`.execute(db);
  await sql`create index org_unit_parent on org_unit (parent_id)`.execute(db);
  await sql`create index org_unit_path on org_unit (path text_pattern_ops)`.execute(db);
  // A large pending list keeps bulk division imports cheap; autovacuum folds it into the index afterwards.
  await sql`
    create index org_unit_name_trgm on org_unit using gin (name gin_trgm_ops)
    with (fastupdate = on, gin_pending_list_limit = 131072)`.execute(db);

  await sql`
    create table org_unit_change (
      id bigint generated always as identity primary key,
      unit_id integer not null references org_unit (id),
      change text not null check (change in ('established', 'renamed', 'moved', 'merged', 'abolished')),
      effective_on date not null,
      reason text not null,
      old_name text,
      new_name text,
      old_parent_id integer references org_unit (id),
      new_parent_id integer references org_unit (id),
      merged_into_id integer references org_unit (id),
      recorded_by integer,
      recorded_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index org_unit_change_unit on org_unit_change (unit_id, effective_on)`.execute(db);
  await sql`create index org_unit_change_old_parent on org_unit_change (old_parent_id) where old_parent_id is not null`.execute(
    db,
  );

  // A unit's name and parent on a given day: the value before the first later change, else the current one.
  await sql`
    create function org_unit_name_at(unit integer, day date) returns text language sql stable as $$
      select coalesce(
        (select c.old_name from org_unit_change c
          where c.unit_id = unit and c.change = 'renamed' and c.effective_on > day
          order by c.effective_on, c.id limit 1),
        (select u.name from org_unit u where u.id = unit))
    $$`.execute(db);
  await sql`
    create function org_unit_parent_at(unit integer, day date) returns integer language sql stable as $$
      select coalesce(
        (select c.old_parent_id from org_unit_change c
          where c.unit_id = unit and c.change = 'moved' and c.effective_on > day
          order by c.effective_on, c.id limit 1),
        (select u.parent_id from org_unit u where u.id = unit))
    $$`.execute(db);

  await sql`
    create function org_unit_children_at(unit integer, day date) returns setof integer language sql stable as $$
      select u.id
      from (select id from org_unit where parent_id = unit
            union
            select unit_id from org_unit_change where change = 'moved' and old_parent_id = unit) candidate
      join org_unit u on u.id = candidate.id
      where u.established_on <= day and (u.ended_on is null or day < u.ended_on)
        and org_unit_parent_at(u.id, day) = unit
    $$`.execute(db);

  await sql`
    create table app_user (
      id integer generated always as identity primary key,
      username text not null unique,
      display_name text not null,
      password_hash text not null,
      role text not null check (role in ('admin', 'leader', 'supervisor', 'staff', 'clerk', 'auditor')),
      locale text not null default 'zh-CN' check (locale in ('zh-CN', 'en')),
      active boolean not null default true,
      failed_logins integer not null default 0,
      locked_until timestamptz,
      password_changed_at timestamptz not null default now(),
      created_at timestamptz not null default now(),
      version integer not null default 1
    )`.execute(db);
  await sql`
    create table user_scope (
      user_id integer not null references app_user (id) on delete cascade,
      unit_id integer not null references org_unit (id),
      primary key (user_id, unit_id)
    )`.execute(db);
  await sql`
    create table user_session (
      token_hash text primary key,
      user_id integer not null references app_user (id) on delete cascade,
      csrf_token text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      client_ip text,
      user_agent text
    )`.execute(db);
  await sql`create index user_session_user on user_session (user_id)`.execute(db);

  // Demo and reference data applied once per database, by name, so every module can add its own.
  await sql`create table applied_seed (name text primary key, applied_at timestamptz not null default now())`.execute(
    db,
  );

  // Append-only, hash-chained audit trail. The head row lets verification notice a deleted last record.
  await sql`
    create table audit_log (
      id bigint generated always as identity primary key,
      at timestamptz not null,
      actor_id integer,
      actor_name text,
      action text not null,
      entity text not null,
      entity_id text,
      unit_path text,
      before jsonb,
      after jsonb,
      request_id text,
      client_ip text,
      prev_hash text not null,
      hash text not null
    )`.execute(db);
  await sql`create index audit_log_at on audit_log (at desc)`.execute(db);
  await sql`create index audit_log_entity on audit_log (entity, entity_id)`.execute(db);
  await sql`create index audit_log_actor on audit_log (actor_id)`.execute(db);
  await sql`create index audit_log_unit_path on audit_log (unit_path text_pattern_ops)`.execute(db);
  await sql`
    create table audit_chain_head (
      singleton boolean primary key default true check (singleton),
      last_id bigint,
      last_hash text not null
    )`.execute(db);
  await sql`insert into audit_chain_head (last_id, last_hash) values (null, 'genesis')`.execute(db);
  await sql`
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only';
    end $$`.execute(db);
  await sql`
    create trigger audit_log_append_only before update or delete on audit_log
    for each statement execute function audit_log_append_only()`.execute(db);
  await sql`
    create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists applied_seed, audit_chain_head, audit_log, user_session, user_scope, app_user, org_unit_change, org_unit cascade`.execute(
    db,
  );
  await sql`drop function if exists audit_log_append_only, org_unit_children_at, org_unit_name_at, org_unit_parent_at`.execute(
    db,
  );
}
