import { type Insertable, sql } from 'kysely';
import type { Executor, Tx } from '../../platform/database.ts';
import type { Database, SupervisionNoticeKind } from '../../platform/db-schema.ts';
import { arrayLiteral } from '../../platform/pg-array.ts';
import { escapeLike, grantedWithin } from '../tasks/queries.ts';

export function ruleSetInForce(db: Executor, day: string) {
  return db
    .selectFrom('supervision_rule_set')
    .selectAll()
    .where('effective_from', '<=', day)
    .orderBy('effective_from', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function upsertRuleSet(tx: Tx, values: { effectiveFrom: string; colour: unknown; escalation: unknown }) {
  const row = {
    effective_from: values.effectiveFrom,
    colour: JSON.stringify(values.colour),
    escalation: JSON.stringify(values.escalation),
  };
  return tx
    .insertInto('supervision_rule_set')
    .values(row)
    .onConflict((oc) => oc.column('effective_from').doUpdateSet({ colour: row.colour, escalation: row.escalation }))
    .execute();
}

/**
 * Tasks as the colour is judged from them (only what the rules read and what a judgement is compared with):
 * the given ones, or the page after a task id of every open task and any closed, draft or cancelled one
 * whose colour is not yet settled.
 */
export function tasksToJudge(db: Executor, which: { ids: readonly string[] } | { after: string; limit: number }) {
  const query = db
    .selectFrom('task')
    .select([
      'id',
      'status',
      'start_on',
      'deadline',
      'milestones',
      'reported_percent',
      'last_report_returned',
      'completion_reported_on',
      'colour',
      'planned_percent',
    ])
    // As one string, the form judgements are compared in: parsing tens of thousands of arrays in the
    // driver cost more than the rest of the read.
    .select(sql<string>`array_to_string(colour_reasons, ',')`.as('colour_reasons'));
  if ('ids' in which) return query.where(sql<boolean>`id = any(${which.ids}::bigint[])`).execute();
  return query
    .where('id', '>', which.after)
    .where(
      sql<boolean>`(status not in ('draft', 'closed', 'cancelled')
        or (status = 'closed' and colour is distinct from 'grey')
        or (status in ('draft', 'cancelled') and colour is not null))`,
    )
    .orderBy('id')
    .limit(which.limit)
    .execute();
}
export type JudgeRow = Awaited<ReturnType<typeof tasksToJudge>>[number];

/** Stores many judgements in one statement. */
export function storeJudgements(
  tx: Executor,
  rows: readonly { id: string; colour: string | null; reasons: string; planned: number }[],
  day: string,
) {
  if (rows.length === 0) return Promise.resolve();
  return sql`
    update task set colour = v.colour, colour_reasons = string_to_array(v.reasons, ','),
      planned_percent = v.planned, colour_judged_on = ${day}::date
    from unnest(${arrayLiteral(rows.map((r) => r.id))}::bigint[], ${arrayLiteral(rows.map((r) => r.colour))}::text[],
      ${arrayLiteral(rows.map((r) => r.reasons))}::text[], ${arrayLiteral(rows.map((r) => r.planned))}::numeric[])
      as v(id, colour, reasons, planned)
    where task.id = v.id`
    .execute(tx)
    .then(() => undefined);
}

/**
 * Starts the given colour spells and, in the same statement, warns the lead unit of each new yellow or red
 * one in its inbox (keyed by the spell, so delivered once: the key of a spell started now is new, so the
 * insert needs no conflict check). The warning is built from the task row. Answers the tasks whose new
 * spell was a warning, in the order the spells were started.
 */
export async function startSpellsAndWarn(
  tx: Executor,
  rows: readonly { taskId: string; colour: string }[],
  options: { day: string; at: Date },
): Promise<{ task_id: string }[]> {
  if (rows.length === 0) return [];
  const result = await sql<{ task_id: string }>`
    with spell as (
      insert into task_colour_history (task_id, colour, on_day)
      select v.task_id, v.colour, ${options.day}::date
      from unnest(${arrayLiteral(rows.map((r) => r.taskId))}::bigint[], ${arrayLiteral(rows.map((r) => r.colour))}::text[])
        as v(task_id, colour)
      on conflict do nothing
      returning id, task_id, colour
    ), warning as (
      insert into notification (unit_id, unit_path, kind, task_id, title, body, source_key, created_at)
      select t.lead_unit_id, t.lead_unit_path, 'colour_' || s.colour, t.id, t.title, '', 'colour:' || s.id,
        ${options.at}::timestamptz
      from spell s join task t on t.id = s.task_id
      where s.colour in ('yellow', 'red')
      order by s.id
    )
    select task_id from spell where colour in ('yellow', 'red') order by id`.execute(tx);
  return result.rows;
}

export function historiesOf(db: Executor, taskIds: readonly string[]) {
  if (taskIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('task_colour_history')
    .select(['id', 'task_id', 'colour', 'on_day'])
    .where(sql<boolean>`task_id = any(${taskIds}::bigint[])`)
    .orderBy('task_id')
    .orderBy('on_day')
    .orderBy('id')
    .execute();
}

/** Inserts a notice a supervisor issues by hand (the automatic ones come from `issueEscalations`). */
export function insertNotice(tx: Executor, values: Insertable<Database['supervision_notice']>) {
  return tx.insertInto('supervision_notice').values(values).returning('id').executeTakeFirstOrThrow();
}

/** A notice the escalation rules call for on a task: issued to the task's lead unit, keyed by its source. */
export type Escalated = {
  taskId: string;
  kind: SupervisionNoticeKind;
  notice: string;
  dueOn: string;
  deductionPoints: number;
};

/**
 * Issues automatic notices to the tasks' lead units and, in the same statement, delivers each one issued
 * now to its unit's inbox (keyed by the notice, which is new). Each is keyed by its source (task, notice
 * and day), so one already issued is left alone. Answers how many were issued.
 */
export async function issueEscalations(tx: Executor, escalated: readonly Escalated[], at: Date): Promise<number> {
  if (escalated.length === 0) return 0;
  const column = (pick: (row: Escalated) => string | number) => arrayLiteral(escalated.map(pick));
  const result = await sql<{ issued: number }>`
    with notice as (
      insert into supervision_notice (task_id, unit_id, unit_path, kind, origin, issued_on, body, deduction_points,
        source_key, created_at)
      select t.id, t.lead_unit_id, t.lead_unit_path, v.kind, 'automatic', v.due_on::date, v.notice, v.points,
        'escalation:' || t.id || ':' || v.notice || ':' || v.due_on, ${at}::timestamptz
      from unnest(${column((e) => e.taskId)}::bigint[], ${column((e) => e.kind)}::text[],
        ${column((e) => e.notice)}::text[], ${column((e) => e.dueOn)}::text[],
        ${column((e) => e.deductionPoints)}::numeric[]) with ordinality as v(task_id, kind, notice, due_on, points, n)
        join task t on t.id = v.task_id
      order by v.n
      on conflict (source_key) do nothing
      returning id, task_id, kind, unit_id, unit_path, created_at
    ), delivered as (
      insert into notification (unit_id, unit_path, kind, task_id, title, body, source_key, created_at)
      select n.unit_id, n.unit_path, n.kind, n.task_id, t.title, '', 'notice:' || n.id, n.created_at
      from notice n join task t on t.id = n.task_id
      order by n.id
    )
    select count(*)::int as issued from notice`.execute(tx);
  return result.rows[0]?.issued ?? 0;
}

/** Counts by colour of the tasks led inside a subtree, from the tally the triggers keep. */
export function colourCounts(db: Executor, unitPath: string) {
  return db
    .selectFrom('task_colour_tally')
    .select(['colour', sql<number>`sum(tasks)::int`.as('count')])
    .where('lead_unit_path', 'like', `${unitPath}%`)
    .groupBy('colour')
    .execute();
}

/**
 * The colour wall: counts by colour for each child of the unit (the path segment after the unit's own),
 * with the unit's own tasks under an empty child code.
 */
export function colourWall(db: Executor, unitPath: string) {
  const depth = unitPath.split('/').length; // the next segment's position in split_part
  return sql<{ child_code: string; colour: string; count: number }>`
    select split_part(lead_unit_path, '/', ${depth}) as child_code, colour, sum(tasks)::int as count
    from task_colour_tally
    where lead_unit_path like ${`${unitPath}%`}
    group by 1, 2
    having sum(tasks) > 0`
    .execute(db)
    .then((result) => result.rows);
}

export function noticesFor(
  db: Executor,
  options: { scope: string[] | null; unitPath?: string; taskId?: string; limit: number },
) {
  let query = db
    .selectFrom('supervision_notice as n')
    .innerJoin('task as t', 't.id', 'n.task_id')
    .innerJoin('org_unit as u', 'u.id', 'n.unit_id')
    .leftJoin('app_user as a', 'a.id', 'n.issued_by')
    .select([
      'n.id',
      'n.task_id',
      't.title as task_title',
      'n.kind',
      'n.origin',
      'n.issued_on',
      'n.body',
      'n.deduction_points',
      'n.escalated_to',
      'u.code as unit_code',
      'u.name as unit_name',
      'a.display_name as issued_by_name',
    ]);
  if (options.scope) query = query.where(grantedWithin(options.scope));
  if (options.unitPath) query = query.where('n.unit_path', 'like', `${options.unitPath}%`);
  if (options.taskId) query = query.where('n.task_id', '=', options.taskId);
  return query.orderBy('n.issued_on', 'desc').orderBy('n.id', 'desc').limit(options.limit).execute();
}
export type NoticeRow = Awaited<ReturnType<typeof noticesFor>>[number];

export function insertInspection(
  tx: Tx,
  values: {
    taskId: string;
    on: string;
    findings: string;
    verdict: 'confirmed' | 'not_as_reported';
    userId: number | null;
    at: Date;
  },
) {
  return tx
    .insertInto('inspection')
    .values({
      task_id: values.taskId,
      inspected_on: values.on,
      findings: values.findings,
      verdict: values.verdict,
      recorded_by: values.userId,
      created_at: values.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** Inspections joined to their task, to filter on either before the details are read. */
function inspectionsFrom(db: Executor) {
  return db.selectFrom('inspection as i').innerJoin('task as t', 't.id', 'i.task_id');
}

/** The inspections' details: their task, its lead unit, who recorded them and their photos; newest first. */
function withDetails(query: ReturnType<typeof inspectionsFrom>) {
  return query
    .innerJoin('org_unit as lead', 'lead.id', 't.lead_unit_id')
    .leftJoin('app_user as a', 'a.id', 'i.recorded_by')
    .select([
      'i.id',
      'i.task_id',
      't.title as task_title',
      'lead.code as lead_code',
      'lead.name as lead_name',
      'i.inspected_on',
      'i.findings',
      'i.verdict',
      'a.display_name as recorded_by_name',
    ])
    .select((eb) =>
      sql<
        { sha256: string; name: string }[]
      >`coalesce((select json_agg(json_build_object('sha256', f.sha256, 'name', f.file_name) order by f.file_name) from file_link f where f.owner_kind = 'inspection' and f.owner_id = ${eb.ref('i.id')}), '[]')`.as(
        'photos',
      ),
    )
    .orderBy('i.inspected_on', 'desc')
    .orderBy('i.id', 'desc');
}
export type InspectionRow = Awaited<ReturnType<ReturnType<typeof withDetails>['execute']>>[number];

export function inspectionsOf(db: Executor, taskId: string) {
  return withDetails(inspectionsFrom(db).where('i.task_id', '=', taskId)).execute();
}

/**
 * One page of the inspections of tasks the caller may see (the task list's rule: a grant to a unit in scope,
 * and a draft only through the issuing unit), newest first, and how many match in all.
 */
export async function inspectionsPage(
  db: Executor,
  options: {
    scope: string[] | null;
    unitPath?: string | undefined;
    verdict?: 'confirmed' | 'not_as_reported' | undefined;
    from?: string | undefined;
    to?: string | undefined;
    page: number;
    pageSize: number;
  },
) {
  let query = inspectionsFrom(db)
    .where(grantedWithin(options.scope))
    .where((eb) => eb.or([eb('t.status', '<>', 'draft'), grantedWithin(options.scope, { role: 'issuer' })]));
  if (options.unitPath) query = query.where('t.lead_unit_path', 'like', `${escapeLike(options.unitPath)}%`);
  if (options.verdict) query = query.where('i.verdict', '=', options.verdict);
  if (options.from) query = query.where('i.inspected_on', '>=', options.from);
  if (options.to) query = query.where('i.inspected_on', '<=', options.to);
  const [items, count] = await Promise.all([
    withDetails(query)
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: count.total };
}

export function overdueTasks(db: Executor, options: { scope: string[] | null; unitPath?: string; limit: number }) {
  let query = db
    .selectFrom('task as t')
    .innerJoin('org_unit as lead', 'lead.id', 't.lead_unit_id')
    .select([
      't.id',
      't.title',
      't.deadline',
      't.status',
      't.responsible_leader',
      'lead.code as lead_code',
      'lead.name as lead_name',
    ])
    .where('t.colour', '=', 'red');
  if (options.scope) query = query.where(grantedWithin(options.scope));
  if (options.unitPath) query = query.where('t.lead_unit_path', 'like', `${options.unitPath}%`);
  return query.orderBy('t.deadline').orderBy('t.id').limit(options.limit).execute();
}

export function schedulerRuns(db: Executor, job: string, limit: number) {
  return db.selectFrom('scheduler_run').selectAll().where('job', '=', job).orderBy('id', 'desc').limit(limit).execute();
}
