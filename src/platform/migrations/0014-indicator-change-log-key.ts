import { type Kysely, sql } from 'kysely';

// The change log had two indexes: its identity key and the cell index (indicator, unit, period) that makes the
// audit trail queryable. One key over the cell and the identity serves both — a cell's history is a range of it,
// and a change is still named by its id — at half the cost of logging each change: an import of a million
// values spent a third of its change log's time on the second index. The key is in the values' order (indicator,
// period, unit), the order writers log in: a file of new months then appends at one place per indicator instead
// of splitting pages at one place per indicator and unit all over a log of millions.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table indicator_value_change drop constraint indicator_value_change_pkey`.execute(db);
  await sql`drop index indicator_value_change_cell`.execute(db);
  await sql`alter table indicator_value_change add primary key (indicator_id, period, unit_id, category, id)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table indicator_value_change drop constraint indicator_value_change_pkey`.execute(db);
  await sql`alter table indicator_value_change add primary key (id)`.execute(db);
  await sql`create index indicator_value_change_cell on indicator_value_change (indicator_id, unit_id, period)`.execute(
    db,
  );
}
