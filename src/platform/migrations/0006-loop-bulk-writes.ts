import { type Kysely, sql } from 'kysely';

/**
 * The supervision pass writes tens of thousands of colour spells, inbox warnings and notices at once.
 *
 * - Those append-only rows lose their per-row foreign-key checks (as the indicator value tables did): their
 *   writers take every id from rows read in the same transaction, and neither tasks nor units are deleted.
 *   The checks were a third of the cost of writing them.
 * - The colour tally is keyed by lead unit and colour only, and an update that changes neither (a new
 *   judgement of the same colour, a path rewritten after an org change) adds nothing to it. The path stored
 *   with a count is the unit's latest; org changes rewrite it with the tasks' paths.
 */
const DROPPED_FOREIGN_KEYS = [
  { table: 'task_colour_history', column: 'task_id', references: 'task (id) on delete cascade' },
  { table: 'notification', column: 'task_id', references: 'task (id)' },
  { table: 'notification', column: 'unit_id', references: 'org_unit (id)' },
  { table: 'supervision_notice', column: 'task_id', references: 'task (id)' },
  { table: 'supervision_notice', column: 'unit_id', references: 'org_unit (id)' },
  { table: 'supervision_notice', column: 'issued_by', references: 'app_user (id)' },
];

function tallyFunction(body: string) {
  return sql.raw(`create or replace function task_colour_tally_apply() returns trigger language plpgsql as $$
    begin
      ${body}
      return null;
    end $$`);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const { table, column } of DROPPED_FOREIGN_KEYS) {
    await sql`alter table ${sql.table(table)} drop constraint ${sql.ref(`${table}_${column}_fkey`)}`.execute(db);
  }
  await tallyFunction(`
      if tg_op = 'INSERT' then
        insert into task_colour_tally
        select lead_unit_id, max(lead_unit_path), colour, count(*) from new_rows where colour is not null group by 1, 3
        on conflict (lead_unit_id, colour) do update
          set tasks = task_colour_tally.tasks + excluded.tasks, lead_unit_path = excluded.lead_unit_path;
      elsif tg_op = 'DELETE' then
        update task_colour_tally c set tasks = c.tasks - d.n
        from (select lead_unit_id, colour, count(*) as n from old_rows where colour is not null group by 1, 2) d
        where c.lead_unit_id = d.lead_unit_id and c.colour = d.colour;
      else
        insert into task_colour_tally
        select lead_unit_id, max(lead_unit_path), colour, sum(delta) from (
          select lead_unit_id, lead_unit_path, colour, 1 as delta from new_rows where colour is not null
          union all
          select lead_unit_id, lead_unit_path, colour, -1 from old_rows where colour is not null
        ) changes group by 1, 3 having sum(delta) <> 0
        on conflict (lead_unit_id, colour) do update set tasks = task_colour_tally.tasks + excluded.tasks;
      end if;`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await tallyFunction(`
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
      end if;`).execute(db);
  for (const { table, column, references } of DROPPED_FOREIGN_KEYS) {
    await sql`alter table ${sql.table(table)} add constraint ${sql.ref(`${table}_${column}_fkey`)}
      foreign key (${sql.ref(column)}) references ${sql.raw(references)}`.execute(db);
  }
}
