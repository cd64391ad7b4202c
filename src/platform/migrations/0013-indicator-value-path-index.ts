import { type Kysely, sql } from 'kysely';

// The values' second index (indicator, period, path) duplicated the primary key's leading columns (indicator,
// period): every read of values names one indicator and its periods, whose rows are at most one per entry unit
// and category, and filters the path on those. It cost a third of writing each imported value.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists indicator_value_path`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`create index indicator_value_path on indicator_value (indicator_id, period, path_at text_pattern_ops)`.execute(
    db,
  );
}
