import { sql } from 'kysely';
import type { Executor } from '../../platform/database.ts';

/** Active villages (level 5) or counties (level 3) under a path, by code, one page and the total. */
export function exitUnitsUnder(db: Executor, options: { path: string; level: 3 | 5; limit: number; offset: number }) {
  const query = db
    .selectFrom('org_unit')
    .where('kind', '=', 'division')
    .where('level', '=', options.level)
    .where('ended_on', 'is', null)
    .where('path', 'like', `${options.path}%`);
  return Promise.all([
    query
      .select(['id', 'code', 'name', 'path', 'level'])
      .orderBy('code')
      .limit(options.limit)
      .offset(options.offset)
      .execute(),
    query
      .select(sql<number>`count(*)::int`.as('total'))
      .executeTakeFirstOrThrow()
      .then((row) => row.total),
  ]);
}

/** Each unit's latest exit application for the year, if any. */
export function latestExitApplications(db: Executor, options: { unitIds: readonly number[]; year: number }) {
  if (options.unitIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('registry_exit_application')
    .distinctOn('unit_id')
    .select(['unit_id', 'id', 'status', 'next_step'])
    .where('unit_id', 'in', [...options.unitIds])
    .where('year', '=', options.year)
    .orderBy('unit_id')
    .orderBy('id', 'desc')
    .execute();
}

/** The sample checks recorded for counties and a year, summed per county (recognition averaged). */
export function sampleTotalsByCounty(db: Executor, options: { countyIds: readonly number[]; year: number }) {
  if (options.countyIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('registry_sample_check')
    .select([
      'county_id',
      sql<number>`sum(sampled_exited)::int`.as('sampled_exited'),
      sql<number>`sum(wrongly_exited)::int`.as('wrongly_exited'),
      sql<number>`sum(sampled_unregistered)::int`.as('sampled_unregistered'),
      sql<number>`sum(verified_missed)::int`.as('verified_missed'),
      sql<string | null>`avg(recognition)`.as('recognition'),
    ])
    .where('county_id', 'in', [...options.countyIds])
    .where('year', '=', options.year)
    .groupBy('county_id')
    .execute();
}
