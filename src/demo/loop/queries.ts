import { sql } from 'kysely';
import { inBatches } from '../../platform/batches.ts';
import type { Executor, Tx } from '../../platform/database.ts';
import type { Database } from '../../platform/db-schema.ts';
import type { Insertable } from 'kysely';

export function unitsNamed(db: Executor, names: readonly string[]) {
  return db.selectFrom('org_unit').select(['id', 'code', 'name', 'path']).where('name', 'in', names).execute();
}

/** The counties and districts of a prefecture, as the lead units of county tasks. */
export function countiesOf(db: Executor, cityCode: string) {
  return db
    .selectFrom('org_unit as c')
    .innerJoin('org_unit as p', 'p.id', 'c.parent_id')
    .select(['c.id', 'c.code', 'c.name', 'c.path'])
    .where('p.code', '=', cityCode)
    .where('c.level', '=', 3)
    .where('c.ended_on', 'is', null)
    .orderBy('c.code')
    .execute();
}

export function insertTasks(tx: Tx, rows: Insertable<Database['task']>[]) {
  return inBatches(rows, 1000, (slice) => tx.insertInto('task').values(slice).returning('id').execute());
}

export function insertGrants(tx: Tx, rows: Insertable<Database['task_grant']>[]) {
  return inBatches(rows, 5000, (slice) => tx.insertInto('task_grant').values(slice).execute());
}

export function insertReports(tx: Tx, rows: Insertable<Database['task_report']>[]) {
  return inBatches(rows, 2000, (slice) => tx.insertInto('task_report').values(slice).execute());
}

export function firstColourEvent(db: Executor, unitPath: string, colour: string) {
  return db
    .selectFrom('task_colour_history as h')
    .innerJoin('task as t', 't.id', 'h.task_id')
    .select(['h.id'])
    .where('t.lead_unit_path', 'like', `${unitPath}%`)
    .where('h.colour', '=', colour)
    .orderBy('h.on_day')
    .orderBy('h.id')
    .executeTakeFirst();
}

export function analyzeLoopTables(db: Executor) {
  return sql`analyze task, task_grant, task_report, task_colour_history`.execute(db);
}
