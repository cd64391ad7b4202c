import { type Kysely, sql } from 'kysely';

/**
 * The deduplication queue's workflow on the table 0003 created: a case holds the member that was claimed
 * (all the details entered, so the decision can add them), where the claim came from, and the decision —
 * keep the person in the existing household, move them to the new one, or correct a mistyped ID number.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table registry_duplicate drop constraint registry_duplicate_status_check`.execute(db);
  await sql`
    update registry_duplicate
    set status = case status when 'transferred' then 'kept_new' when 'dismissed' then 'kept_existing' else status end`.execute(
    db,
  );
  await sql`
    alter table registry_duplicate
      add constraint registry_duplicate_status_check
        check (status in ('pending', 'kept_existing', 'kept_new', 'corrected')),
      add column member jsonb not null default '{}',
      add column source text not null default 'registration' check (source in ('registration', 'change_request')),
      add column change_request_id bigint references registry_change_request (id),
      add column decided_on date,
      add column corrected_id_number text`.execute(db);
  await sql`create index registry_duplicate_existing on registry_duplicate (existing_household_id)`.execute(db);
  await sql`create index registry_duplicate_household on registry_duplicate (household_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index registry_duplicate_household`.execute(db);
  await sql`drop index registry_duplicate_existing`.execute(db);
  await sql`
    alter table registry_duplicate
      drop constraint registry_duplicate_status_check,
      drop column corrected_id_number,
      drop column decided_on,
      drop column change_request_id,
      drop column source,
      drop column member`.execute(db);
  await sql`
    update registry_duplicate
    set status = case status when 'pending' then 'pending' when 'kept_new' then 'transferred' else 'dismissed' end`.execute(
    db,
  );
  await sql`
    alter table registry_duplicate add constraint registry_duplicate_status_check
      check (status in ('pending', 'transferred', 'dismissed'))`.execute(db);
}
