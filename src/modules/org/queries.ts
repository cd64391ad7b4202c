import { type ExpressionBuilder, sql } from 'kysely';
import type { Executor } from '../../platform/database.ts';
import type { Database } from '../../platform/db-schema.ts';

type UnitRefs = ExpressionBuilder<Database & { u: Database['org_unit'] }, 'u'>;

/**
 * The unit as presented: current state, or its state on `asOf` (name, parent and active children as they
 * were then, derived from org_unit_change by the SQL functions of the foundation migration).
 */
export function selectUnits(db: Executor, asOf?: string) {
  const day = asOf ?? null;
  return db
    .selectFrom('org_unit as u')
    .select([
      'u.id',
      'u.code',
      'u.kind',
      'u.level',
      'u.category',
      'u.path',
      'u.established_on',
      'u.ended_on',
      'u.end_kind',
      'u.version',
    ])
    .select((eb: UnitRefs) => [
      day === null ? eb.ref('u.name').as('name') : sql<string>`org_unit_name_at(u.id, ${day}::date)`.as('name'),
      day === null
        ? sql<string | null>`(select p.code from org_unit p where p.id = u.parent_id)`.as('parent_code')
        : sql<string | null>`(select p.code from org_unit p where p.id = org_unit_parent_at(u.id, ${day}::date))`.as(
            'parent_code',
          ),
      sql<string | null>`(select m.code from org_unit m where m.id = u.merged_into_id)`.as('merged_into_code'),
      day === null
        ? sql<number>`(select count(*)::int from org_unit c where c.parent_id = u.id and c.ended_on is null)`.as(
            'child_count',
          )
        : sql<number>`(select count(*)::int from org_unit_children_at(u.id, ${day}::date))`.as('child_count'),
    ]);
}
export type UnitRow = Awaited<ReturnType<ReturnType<typeof selectUnits>['executeTakeFirstOrThrow']>>;

export function findUnit(db: Executor, code: string, asOf?: string) {
  return selectUnits(db, asOf).where('u.code', '=', code).executeTakeFirst();
}

export function findUnitForUpdate(db: Executor, code: string) {
  return db.selectFrom('org_unit').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
}

export function childrenOf(db: Executor, parentId: number, options: { asOf?: string; includeEnded: boolean }) {
  let query = selectUnits(db, options.asOf);
  if (options.asOf) {
    // The function's ids as one array, so the planner looks units up by key instead of scanning the tree.
    query = query.where(
      sql<boolean>`u.id = any(array(select org_unit_children_at(${parentId}, ${options.asOf}::date)))`,
    );
  } else {
    query = query.where('u.parent_id', '=', parentId);
    if (!options.includeEnded) query = query.where('u.ended_on', 'is', null);
  }
  return query.orderBy('u.kind', 'desc').orderBy('u.code').execute();
}

export function unitsByCodes(db: Executor, codes: string[], asOf?: string) {
  if (codes.length === 0) return Promise.resolve([]);
  return selectUnits(db, asOf).where('u.code', 'in', codes).orderBy('u.path').execute();
}

/** Units under any of the scope paths whose name contains the text or whose code starts with it. */
export function searchUnits(db: Executor, options: { text: string; scopePaths: readonly string[]; limit: number }) {
  const like = `%${options.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const codePrefix = `${options.text.replace(/[\\%_]/g, '')}%`;
  return selectUnits(db)
    .where((eb) => eb.or([eb('u.name', 'ilike', like), eb('u.code', 'like', codePrefix)]))
    .where((eb) => eb.or(options.scopePaths.map((p) => eb('u.path', 'like', `${p}%`))))
    .orderBy(sql`coalesce(u.level, 6)`)
    .orderBy('u.code')
    .limit(options.limit)
    .execute();
}

export function rootUnits(db: Executor) {
  return selectUnits(db).where('u.parent_id', 'is', null).where('u.ended_on', 'is', null).orderBy('u.code').execute();
}

export function latestChangeDate(db: Executor, unitId: number) {
  return db
    .selectFrom('org_unit_change')
    .select((eb) => eb.fn.max('effective_on').as('latest'))
    .where('unit_id', '=', unitId)
    .executeTakeFirst()
    .then((row) => (row?.latest as string | null | undefined) ?? null);
}

export function activeChildren(db: Executor, parentId: number) {
  return db
    .selectFrom('org_unit')
    .selectAll()
    .where('parent_id', '=', parentId)
    .where('ended_on', 'is', null)
    .execute();
}

export function historyOf(db: Executor, unitId: number) {
  return db
    .selectFrom('org_unit_change as c')
    .leftJoin('app_user as a', 'a.id', 'c.recorded_by')
    .select((eb) => [
      'c.id',
      'c.change',
      'c.effective_on',
      'c.reason',
      'c.old_name',
      'c.new_name',
      'c.recorded_at',
      'a.username as recorded_by',
      eb.selectFrom('org_unit as p').select('p.code').whereRef('p.id', '=', 'c.old_parent_id').as('old_parent_code'),
      eb.selectFrom('org_unit as p').select('p.code').whereRef('p.id', '=', 'c.new_parent_id').as('new_parent_code'),
      eb.selectFrom('org_unit as m').select('m.code').whereRef('m.id', '=', 'c.merged_into_id').as('merged_into_code'),
    ])
    .where('c.unit_id', '=', unitId)
    .orderBy('c.effective_on', 'desc')
    .orderBy('c.id', 'desc')
    .execute();
}

export async function nextDepartmentSequence(db: Executor, parentCode: string): Promise<number> {
  const row = await db
    .selectFrom('org_unit')
    .select(sql<number>`coalesce(max(substr(code, 14)::int), 0) + 1`.as('next'))
    .where('code', 'like', `${parentCode}-%`)
    .executeTakeFirstOrThrow();
  return row.next;
}

/** Re-roots a moved subtree: every descendant's path swaps the old prefix for the new one. */
export function rewritePaths(db: Executor, oldPrefix: string, newPrefix: string) {
  return db
    .updateTable('org_unit')
    .set({ path: sql`${newPrefix} || substr(path, ${oldPrefix.length + 1})` })
    .where('path', 'like', `${oldPrefix}%`)
    .execute();
}

/** The unit and its ancestors on a day, top first: the parent chain as it stood then, not today's path. */
export async function ancestorsAsOf(db: Executor, unitId: number, asOf: string) {
  const chain = await sql<{ id: number; depth: number }>`
    with recursive chain (id, depth) as (
      select ${unitId}::int, 0
      union all
      select org_unit_parent_at(c.id, ${asOf}::date), c.depth + 1
      from chain c
      where org_unit_parent_at(c.id, ${asOf}::date) is not null and c.depth < 10
    )
    select id, depth from chain`.execute(db);
  const depthOf = new Map(chain.rows.map((r) => [r.id, r.depth]));
  const rows = await selectUnits(db, asOf)
    .where('u.id', 'in', [...depthOf.keys()])
    .execute();
  return rows.sort((a, b) => (depthOf.get(b.id) ?? 0) - (depthOf.get(a.id) ?? 0));
}

export function unitsByIds(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('org_unit')
    .select(['id', 'code', 'path', 'level'])
    .where('id', 'in', [...ids])
    .execute();
}
