import { type Kysely, sql } from 'kysely';

/**
 * `task_open` (open tasks by id) served no query: the pass reads open tasks with a condition the partial
 * index cannot answer, and every other read narrows by unit, colour or grant first. Each judgement written
 * still paid for it: it was a fourth index entry per rewritten task row, a tenth of a first pass's update.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index task_open`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`create index task_open on task (id) where status not in ('draft', 'closed', 'cancelled')`.execute(db);
}
