import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Long work (imports, generation, recomputation) runs as a job whose progress anyone allowed can watch.
  await sql`
    create table job_run (
      id bigint generated always as identity primary key,
      kind text not null,
      status text not null default 'running' check (status in ('running', 'succeeded', 'failed')),
      phase text,
      done bigint not null default 0,
      total bigint not null default 0,
      params jsonb not null default '{}',
      result jsonb,
      error jsonb,
      requested_by integer references app_user (id),
      unit_path text,
      started_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      finished_at timestamptz
    )`.execute(db);
  await sql`create index job_run_kind_started on job_run (kind, started_at desc)`.execute(db);
  await sql`create index job_run_running on job_run (status) where status = 'running'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists job_run`.execute(db);
}
