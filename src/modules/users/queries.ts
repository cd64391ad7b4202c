import { sql } from 'kysely';
import type { Executor } from '../../platform/database.ts';

export function scopeUnitsOf(db: Executor, userId: number) {
  return db
    .selectFrom('user_scope')
    .innerJoin('org_unit', 'org_unit.id', 'user_scope.unit_id')
    .select(['org_unit.code', 'org_unit.name', 'org_unit.path'])
    .where('user_scope.user_id', '=', userId)
    .orderBy('org_unit.code')
    .execute();
}

/** Users with their scopes; a scoped viewer sees only scoped users whose every scope lies inside its own. */
export function listUsers(db: Executor, options: { text?: string; scopePaths: readonly string[]; id?: number }) {
  let query = db
    .selectFrom('app_user as a')
    .select([
      'a.id',
      'a.username',
      'a.display_name',
      'a.role',
      'a.locale',
      'a.active',
      'a.locked_until',
      'a.created_at',
      'a.version',
      sql<{ code: string; name: string; path: string }[]>`coalesce((
        select json_agg(json_build_object('code', o.code, 'name', o.name, 'path', o.path) order by o.code)
        from user_scope s join org_unit o on o.id = s.unit_id where s.user_id = a.id), '[]'::json)`.as('scopes'),
    ])
    .orderBy('a.username');
  if (options.id !== undefined) query = query.where('a.id', '=', options.id);
  if (options.text) {
    const like = `%${options.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('a.username', 'ilike', like), eb('a.display_name', 'ilike', like)]));
  }
  if (!options.scopePaths.includes('/')) {
    query = query.where(({ and, not, exists, selectFrom }) =>
      and([
        exists(selectFrom('user_scope as s').select('s.unit_id').whereRef('s.user_id', '=', 'a.id')),
        not(
          exists(
            selectFrom('user_scope as s')
              .innerJoin('org_unit as o', 'o.id', 's.unit_id')
              .select('s.unit_id')
              .whereRef('s.user_id', '=', 'a.id')
              .where(sql<boolean>`not (o.path like any(${sql.val(options.scopePaths.map((p) => `${p}%`))}))`),
          ),
        ),
      ]),
    );
  }
  return query.execute();
}
export type UserListRow = Awaited<ReturnType<typeof listUsers>>[number];

export async function unitsByCodesForScope(db: Executor, codes: string[]) {
  if (codes.length === 0) return [];
  return db.selectFrom('org_unit').select(['id', 'code', 'path', 'ended_on']).where('code', 'in', codes).execute();
}
