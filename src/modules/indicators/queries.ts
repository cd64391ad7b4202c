import { sql } from 'kysely';
import type { Executor } from '../../platform/database.ts';
import type { Database, IndicatorTable } from '../../platform/db-schema.ts';
import type { Insertable, Updateable } from 'kysely';

export function allIndicators(db: Executor) {
  return db.selectFrom('indicator').selectAll().orderBy('code').execute();
}

export function indicatorByCode(db: Executor, code: string) {
  return db.selectFrom('indicator').selectAll().where('code', '=', code).executeTakeFirst();
}

export function lockIndicator(db: Executor, code: string) {
  return db.selectFrom('indicator').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
}

export function insertIndicator(db: Executor, values: Insertable<IndicatorTable>) {
  return db.insertInto('indicator').values(values).returningAll().executeTakeFirstOrThrow();
}

export function updateIndicator(db: Executor, id: number, values: Updateable<IndicatorTable>) {
  return db
    .updateTable('indicator')
    .set({ ...values, version: (eb) => eb('version', '+', 1) })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Serialises definition changes, so two concurrent saves cannot together close a formula cycle. */
export async function lockDefinitions(db: Executor) {
  await sql`lock table indicator in share row exclusive mode`.execute(db);
}

/** The unit by full code with its current path, for scope checks and as the anchor of "as of" paths. */
export function unitByCode(db: Executor, code: string) {
  return db
    .selectFrom('org_unit')
    .select(['id', 'code', 'name', 'path', 'level', 'kind'])
    .where('code', '=', code)
    .executeTakeFirst();
}

export async function pathAt(db: Executor, unitId: number, day: string): Promise<string> {
  const { rows } = await sql<{ path: string }>`select org_unit_path_at(${unitId}, ${day}::date) as path`.execute(db);
  return rows[0]?.path ?? '';
}

/** Names of units as they stood on a day, by code. */
export async function unitNamesAt(db: Executor, codes: readonly string[], day: string) {
  if (codes.length === 0) return new Map<string, string>();
  const { rows } = await sql<{ code: string; name: string }>`
    select code, org_unit_name_at(id, ${day}::date) as name from org_unit where code = any(${codes}::text[])`.execute(
    db,
  );
  return new Map(rows.map((r) => [r.code, r.name]));
}

/**
 * Division units of a level below a path that existed on a day (today's tree filtered by their dates), with
 * their names of that day (looked up only for units renamed since).
 */
export function unitsAtLevel(db: Executor, options: { path: string; level: number; day: string }) {
  return db
    .selectFrom('org_unit as u')
    .select(['id', 'code', 'path', 'level'])
    .select(
      sql<string>`case when exists (select 1 from org_unit_change c where c.unit_id = u.id and c.change = 'renamed'
        and c.effective_on > ${options.day}::date) then org_unit_name_at(u.id, ${options.day}::date) else u.name end`.as(
        'name',
      ),
    )
    .where('path', 'like', `${options.path}%`)
    .where('level', '=', options.level)
    .where('established_on', '<=', options.day)
    .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>', options.day)]))
    .orderBy('code')
    .execute()
    .then((rows) => rows.map((r) => ({ ...r, level: r.level ?? options.level })));
}

export async function indicatorHasValues(db: Executor, indicatorId: number) {
  const row = await db
    .selectFrom('indicator_value')
    .select('indicator_id')
    .where('indicator_id', '=', indicatorId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export function unitsByPaths(db: Executor, codes: readonly string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('org_unit')
    .select(['id', 'code', 'path', 'level'])
    .where(sql<boolean>`code = any(${codes}::text[])`)
    .execute();
}

export function insertAlert(db: Executor, values: Insertable<Database['indicator_alert']>) {
  return db
    .insertInto('indicator_alert')
    .values(values)
    .onConflict((oc) => oc.columns(['indicator_id', 'unit_id', 'period']).doNothing())
    .returning('id')
    .executeTakeFirst();
}

export function alertsUnder(db: Executor, options: { path: string; limit: number }) {
  return db
    .selectFrom('indicator_alert as a')
    .innerJoin('indicator as i', 'i.id', 'a.indicator_id')
    .innerJoin('org_unit as u', 'u.id', 'a.unit_id')
    .select([
      'a.id',
      'i.code as indicator',
      'i.name_zh',
      'i.name_en',
      'u.code as unit',
      'u.name as unit_name',
      'a.period',
      'a.line',
      'a.previous_value',
      'a.value',
      'a.crossed',
      'a.raised_at',
    ])
    .where('a.path', 'like', `${options.path}%`)
    .orderBy('a.raised_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(options.limit)
    .execute();
}

/** How many values of a period lie under each child path of a path (as of the period). */
export async function valueCountsByChild(db: Executor, options: { period: string; path: string }) {
  const { rows } = await sql<{ child: string; values: number }>`
    select left(path_at, ${options.path.length + 13}) as child, count(*)::int as values
    from indicator_value
    where indicator_id = any(array(select id from indicator)) and period = ${options.period}
      and path_at like ${`${options.path}%`}
    group by 1`.execute(db);
  return rows;
}

export function approvalsUnder(db: Executor, options: { period: string; path: string }) {
  return db
    .selectFrom('indicator_approval as a')
    .leftJoin('app_user as u', 'u.id', 'a.approved_by')
    .select(['a.path_at', 'a.approved_at', 'u.username'])
    .where('a.period', '=', options.period)
    .where('a.path_at', 'like', `${options.path}%`)
    .execute();
}

export function insertApproval(db: Executor, values: Insertable<Database['indicator_approval']>) {
  return db.insertInto('indicator_approval').values(values).execute();
}

export function insertException(db: Executor, values: Insertable<Database['indicator_entry_exception']>) {
  return db.insertInto('indicator_entry_exception').values(values).returning('id').executeTakeFirstOrThrow();
}

export function targetsForUnit(db: Executor, options: { unitId: number; indicatorId?: number }) {
  let query = db
    .selectFrom('indicator_target as t')
    .innerJoin('indicator as i', 'i.id', 't.indicator_id')
    .innerJoin('org_unit as u', 'u.id', 't.unit_id')
    .select([
      'i.code as indicator',
      'u.code as unit',
      'u.name as unit_name',
      't.period',
      't.baseline',
      't.target',
      't.green_at',
      't.amber_at',
      't.version',
    ])
    .where('t.unit_id', '=', options.unitId);
  if (options.indicatorId !== undefined) query = query.where('t.indicator_id', '=', options.indicatorId);
  return query.orderBy('i.code').orderBy('t.period').execute();
}

export function lockTarget(db: Executor, key: { indicatorId: number; unitId: number; period: string }) {
  return db
    .selectFrom('indicator_target')
    .selectAll()
    .where('indicator_id', '=', key.indicatorId)
    .where('unit_id', '=', key.unitId)
    .where('period', '=', key.period)
    .forUpdate()
    .executeTakeFirst();
}

export function upsertTarget(db: Executor, values: Insertable<Database['indicator_target']>) {
  return db
    .insertInto('indicator_target')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['indicator_id', 'unit_id', 'period']).doUpdateSet((eb) => ({
        baseline: eb.ref('excluded.baseline'),
        target: eb.ref('excluded.target'),
        green_at: eb.ref('excluded.green_at'),
        amber_at: eb.ref('excluded.amber_at'),
        version: sql`indicator_target.version + 1`,
      })),
    )
    .execute();
}

export function dashboardFor(db: Executor, options: { role: string; unitId: number }) {
  return db
    .selectFrom('dashboard')
    .selectAll()
    .where('role', '=', options.role)
    .where('unit_id', '=', options.unitId)
    .executeTakeFirst();
}

export function upsertDashboard(db: Executor, values: Insertable<Database['dashboard']>) {
  return db
    .insertInto('dashboard')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['role', 'unit_id']).doUpdateSet((eb) => ({
        widgets: eb.ref('excluded.widgets'),
        updated_by: eb.ref('excluded.updated_by'),
        updated_at: eb.ref('excluded.updated_at'),
        version: sql`dashboard.version + 1`,
      })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function divisionCodes(db: Executor, prefix: string, level: number): Promise<string[]> {
  const rows = await db
    .selectFrom('org_unit')
    .select('code')
    .where('level', '=', level)
    .where('code', 'like', `${prefix}%`)
    .where('ended_on', 'is', null)
    .orderBy('code')
    .execute();
  return rows.map((r) => r.code);
}

export async function storedValuesOf(
  db: Executor,
  options: { indicator: string; period: string; unitCodes: string[] },
) {
  const { rows } = await sql<{ code: string; value: string }>`
    select u.code, v.value::text as value
    from indicator_value v
    join org_unit u on u.id = v.unit_id
    join indicator i on i.id = v.indicator_id
    where i.code = ${options.indicator} and v.period = ${options.period} and u.code = any(${options.unitCodes}::text[])`.execute(
    db,
  );
  return rows;
}

/**
 * A unit's logged value changes for one period, newest first, with the name of whoever made each. Read per
 * indicator, since the log's key leads with the indicator (migration 0014): one key range each.
 */
export function valueChangesOf(
  db: Executor,
  options: { unitId: number; period: string; indicatorId?: number; limit: number },
) {
  let query = db
    .selectFrom('indicator as i')
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('indicator_value_change')
          .selectAll()
          .whereRef('indicator_id', '=', 'i.id')
          .where('period', '=', options.period)
          .where('unit_id', '=', options.unitId)
          .as('c'),
      (join) => join.onTrue(),
    )
    .leftJoin('app_user as u', 'u.id', 'c.changed_by')
    .select([
      'i.code as indicator',
      'c.category',
      'c.old_value',
      'c.new_value',
      'c.comment',
      'u.display_name as changed_by',
      'c.changed_at',
      'c.request_id',
    ]);
  if (options.indicatorId !== undefined) query = query.where('i.id', '=', options.indicatorId);
  return query.orderBy('c.changed_at', 'desc').orderBy('c.id', 'desc').limit(options.limit).execute();
}
