import { sql } from 'kysely';
import type { Executor, Tx } from '../../platform/database.ts';
import type { Database, TaskGrantRole, TaskTable } from '../../platform/db-schema.ts';
import type { Insertable, Updateable } from 'kysely';
import type { ListTasksQuery } from './schema.ts';

export function unitRefsByCodes(db: Executor, codes: readonly string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db.selectFrom('org_unit').select(['id', 'code', 'name', 'path']).where('code', 'in', codes).execute();
}

export function unitRefsByIds(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('org_unit').select(['id', 'code', 'name', 'path']).where('id', 'in', ids).execute();
}

/**
 * Tasks granted to some unit inside one of the subtrees (`null`: everywhere), optionally in one part only.
 * `taskId` names the column holding the task id in the surrounding query.
 */
export function grantedWithin(
  scope: readonly string[] | null,
  options: { role?: TaskGrantRole; taskId?: string } = {},
) {
  if (scope === null && !options.role) return sql<boolean>`true`;
  const patterns = scope === null ? ['%'] : scope.map((p) => `${escapeLike(p)}%`);
  const role = options.role ? sql` and g.role = ${options.role}` : sql``;
  return sql<boolean>`exists (select 1 from task_grant g where g.task_id = ${sql.ref(options.taskId ?? 't.id')}${role}
    and g.unit_path like any(${patterns}::text[]))`;
}

export async function insertTask(tx: Tx, values: Insertable<TaskTable>) {
  const row = await tx.insertInto('task').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export function insertGrants(
  tx: Tx,
  rows: { task_id: string; unit_id: number; role: TaskGrantRole; unit_path: string }[],
) {
  return tx.insertInto('task_grant').values(rows).execute();
}

export function taskForUpdate(tx: Tx, id: string) {
  return tx.selectFrom('task').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function findTask(db: Executor, id: string) {
  return db.selectFrom('task').selectAll().where('id', '=', id).executeTakeFirst();
}
export type TaskRow = NonNullable<Awaited<ReturnType<typeof findTask>>>;

export function grantsOf(db: Executor, taskId: string) {
  return db
    .selectFrom('task_grant as g')
    .innerJoin('org_unit as u', 'u.id', 'g.unit_id')
    .select(['g.role', 'g.unit_id', 'g.unit_path', 'u.code', 'u.name'])
    .where('g.task_id', '=', taskId)
    .orderBy('u.code')
    .execute();
}
export type GrantRow = Awaited<ReturnType<typeof grantsOf>>[number];

export function updateTask(tx: Tx, id: string, values: Updateable<TaskTable>) {
  return tx
    .updateTable('task')
    .set({ ...values, version: (eb) => eb('version', '+', 1) })
    .where('id', '=', id)
    .execute();
}

export function originOf(db: Executor, task: { decision_id: string | null; plan_node_id: string | null }) {
  return Promise.all([
    task.decision_id
      ? db.selectFrom('decision').select(['id', 'title']).where('id', '=', task.decision_id).executeTakeFirst()
      : undefined,
    task.plan_node_id
      ? db
          .selectFrom('plan_node')
          .select(['id', 'number', 'title'])
          .where('id', '=', task.plan_node_id)
          .executeTakeFirst()
      : undefined,
  ]);
}

/** One page of the tasks the caller may see, soonest deadline first, and how many match in all. */
export async function listTasks(db: Executor, filters: ListTasksQuery & { unitPath?: string }, scope: string[] | null) {
  let query = db.selectFrom('task as t').where(grantedWithin(scope));
  // Drafts are the issuer's until issued: listed only when asked for, and only to the issuing units.
  query =
    filters.status === 'draft'
      ? query.where(grantedWithin(scope, { role: 'issuer' }))
      : query.where('t.status', '<>', 'draft');
  if (filters.involvement) query = query.where(grantedWithin(scope, { role: filters.involvement }));
  if (filters.unitPath) query = query.where('t.lead_unit_path', 'like', `${filters.unitPath}%`);
  if (filters.colour) query = query.where('t.colour', '=', filters.colour);
  if (filters.status) query = query.where('t.status', '=', filters.status);
  if (filters.leader) query = query.where('t.responsible_leader', 'ilike', `%${escapeLike(filters.leader)}%`);
  if (filters.q) query = query.where('t.title', 'ilike', `%${escapeLike(filters.q)}%`);
  if (filters.deadlineFrom) query = query.where('t.deadline', '>=', filters.deadlineFrom);
  if (filters.deadlineTo) query = query.where('t.deadline', '<=', filters.deadlineTo);
  const colour = talliedColour(filters, scope);
  const [items, count] = await Promise.all([
    query
      .innerJoin('org_unit as lead', 'lead.id', 't.lead_unit_id')
      .select([
        't.id',
        't.title',
        't.status',
        't.colour',
        't.deadline',
        't.start_on',
        't.priority',
        't.responsible_leader',
        't.planned_percent',
        't.reported_percent',
        'lead.code as lead_code',
        'lead.name as lead_name',
      ])
      .orderBy('t.deadline')
      .orderBy('t.id')
      .limit(filters.pageSize)
      .offset((filters.page - 1) * filters.pageSize)
      .execute(),
    colour
      ? colourTotal(db, colour, filters.unitPath)
      : query.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: count.total };
}
export type TaskListRow = Awaited<ReturnType<typeof listTasks>>['items'][number];

/**
 * The colour whose tally answers the list's total, if it does: an unrestricted reader asking for one colour,
 * at most inside a unit. The tally counts every task led in the subtree by colour; drafts are never coloured (the
 * colour rules give them none), so it counts exactly the tasks the list would. Counting them in the task
 * table instead reads every task of that colour in the subtree: the whole province's red tasks.
 */
function talliedColour(filters: ListTasksQuery, scope: string[] | null): string | undefined {
  const { colour, status, involvement, leader, q, deadlineFrom, deadlineTo } = filters;
  const narrowed = [status, involvement, leader, q, deadlineFrom, deadlineTo].some((f) => f !== undefined);
  return scope === null && !narrowed ? colour : undefined;
}

function colourTotal(db: Executor, colour: string, unitPath: string | undefined) {
  let query = db
    .selectFrom('task_colour_tally')
    .select(sql<number>`coalesce(sum(tasks), 0)::int`.as('total'))
    .where('colour', '=', colour);
  if (unitPath) query = query.where('lead_unit_path', 'like', `${escapeLike(unitPath)}%`);
  return query.executeTakeFirstOrThrow();
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function insertReport(tx: Tx, values: Insertable<Database['task_report']>) {
  return tx.insertInto('task_report').values(values).returning('id').executeTakeFirstOrThrow();
}

export function reportByKey(db: Executor, taskId: string, key: string) {
  return db
    .selectFrom('task_report')
    .select('id')
    .where('task_id', '=', taskId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

function selectReports(db: Executor) {
  return db
    .selectFrom('task_report as r')
    .innerJoin('org_unit as u', 'u.id', 'r.unit_id')
    .leftJoin('app_user as a', 'a.id', 'r.submitted_by')
    .select([
      'r.id',
      'r.task_id',
      'r.kind',
      'r.percent',
      'r.narrative',
      'r.figures',
      'r.status',
      'r.review_reason',
      'r.submitted_at',
      'r.reviewed_at',
      'u.code as unit_code',
      'u.name as unit_name',
      'a.display_name as submitted_by_name',
    ])
    .select((eb) =>
      sql<
        { sha256: string; name: string }[]
      >`coalesce((select json_agg(json_build_object('sha256', f.sha256, 'name', f.file_name) order by f.file_name) from file_link f where f.owner_kind = 'report' and f.owner_id = ${eb.ref('r.id')}), '[]')`.as(
        'files',
      ),
    );
}

export function reportsOf(db: Executor, taskId: string) {
  return selectReports(db)
    .where('r.task_id', '=', taskId)
    .orderBy('r.submitted_at', 'desc')
    .orderBy('r.id', 'desc')
    .execute();
}
export type ReportRow = Awaited<ReturnType<typeof reportsOf>>[number];

export function findReport(db: Executor, taskId: string, reportId: string) {
  return selectReports(db).where('r.task_id', '=', taskId).where('r.id', '=', reportId).executeTakeFirst();
}

export function reportForUpdate(tx: Tx, taskId: string, reportId: string) {
  return tx
    .selectFrom('task_report')
    .selectAll()
    .where('task_id', '=', taskId)
    .where('id', '=', reportId)
    .forUpdate()
    .executeTakeFirst();
}

export function latestCompletionReportId(db: Executor, taskId: string) {
  return db
    .selectFrom('task_report')
    .select('id')
    .where('task_id', '=', taskId)
    .where('kind', '=', 'completion')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function reviewReport(
  tx: Tx,
  reportId: string,
  values: { status: 'accepted' | 'returned'; reason: string | null; userId: number | null; at: Date },
) {
  return tx
    .updateTable('task_report')
    .set({ status: values.status, review_reason: values.reason, reviewed_by: values.userId, reviewed_at: values.at })
    .where('id', '=', reportId)
    .execute();
}

/**
 * The loop's copies of unit paths (taken when a task is issued or a notice raised, for scope checks and
 * counts), with their column, in the order they are rewritten.
 */
const PATH_COPIES = [
  ['task', 'lead_unit_path'],
  ['task_grant', 'unit_path'],
  ['task_colour_tally', 'lead_unit_path'],
  ['supervision_notice', 'unit_path'],
  ['notification', 'unit_path'],
] as const;

/** Rewrites every copied path under `oldPrefix` to start with `newPrefix` instead: a unit moved in the tree. */
export async function rewritePathCopies(tx: Tx, move: { oldPrefix: string; newPrefix: string }) {
  for (const [table, column] of PATH_COPIES) {
    await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${move.newPrefix} || substr(${sql.ref(column)}, ${move.oldPrefix.length + 1})
      where ${sql.ref(column)} like ${`${escapeLike(move.oldPrefix)}%`}`.execute(tx);
  }
}
