import { sql } from 'kysely';
import type { Executor } from '../../platform/database.ts';

/**
 * Each unit's value at a level, combined in SQL so that a year of months comes back as one row per unit:
 * across units from the values themselves at the entry level (categories add up) or from the roll-ups
 * above it (sum, or sum ÷ count for an average), then across the periods (sum, average or the last present).
 * At the entry level a quarter or year of shorter periods is one maintained row per unit already.
 */
export async function valuesAtLevel(
  db: Executor,
  options: {
    indicatorId: number;
    period: string;
    periods: readonly string[];
    basePath: string;
    level: number;
    atEntryLevel: boolean;
    unitAggregation: string;
    periodAggregation: string;
  },
) {
  const like = `${options.basePath}%`;
  if (options.atEntryLevel && options.periods.length > 1) {
    const { rows } = await sql<{ path: string; value: string }>`
      select path,
             (case ${options.periodAggregation} when 'sum' then total when 'average' then total / periods
                   else last_value end)::text as value
      from indicator_period_rollup
      where indicator_id = ${options.indicatorId} and period = ${options.period} and path like ${like}
        and periods > 0`.execute(db);
    return rows.map((r) => ({ path: r.path, value: Number(r.value) }));
  }
  const cells = options.atEntryLevel
    ? sql`
        select path_at as path, period, sum(value) as v
        from indicator_value
        where indicator_id = ${options.indicatorId} and period = any(${options.periods}::text[])
          and path_at like ${like}
        group by path_at, period`
    : sql`
        select path, period,
               case ${options.unitAggregation} when 'sum' then sum(total)
                    when 'average' then sum(total) / nullif(sum(count), 0) end as v
        from indicator_rollup
        where indicator_id = ${options.indicatorId} and period = any(${options.periods}::text[])
          and level = ${options.level} and path like ${like} and count > 0
        group by path, period`;
  const { rows } = await sql<{ path: string; value: string }>`
    with cell as (${cells})
    select path,
           (case ${options.periodAggregation} when 'sum' then sum(v) when 'average' then avg(v)
                 else (array_agg(v order by period desc))[1] end)::text as value
    from cell
    where v is not null
    group by path`.execute(db);
  return rows.map((r) => ({ path: r.path, value: Number(r.value) }));
}

/**
 * Σ value × weight and Σ weight per unit above the entry level and per period, from the maintained roll-up
 * (indicator_weighted_rollup: a value counts where its unit has a weight in the same period).
 */
export async function weightedTotalsAtLevel(
  db: Executor,
  options: { indicatorId: number; periods: readonly string[]; basePath: string; level: number },
) {
  const { rows } = await sql<{ path: string; period: string; weighted: string; weight: string }>`
    select path, period, weighted::text, weight::text
    from indicator_weighted_rollup
    where indicator_id = ${options.indicatorId} and period = any(${options.periods}::text[])
      and level = ${options.level} and path like ${`${options.basePath}%`} and count > 0`.execute(db);
  return rows.map((r) => ({ path: r.path, period: r.period, weighted: Number(r.weighted), weight: Number(r.weight) }));
}

/** The plain alternative the benchmark compares with: GROUP BY over the leaf values on every read. */
export async function plainGroupBy(
  db: Executor,
  options: { indicatorId: number; periods: readonly string[]; basePath: string; level: number },
) {
  const { rows } = await sql<{ path: string; total: string }>`
    select left(path_at, 1 + 13 * ${options.level}) as path, sum(value)::text as total
    from indicator_value
    where indicator_id = ${options.indicatorId} and period = any(${options.periods}::text[])
      and path_at like ${`${options.basePath}%`}
    group by 1`.execute(db);
  return rows;
}

export function targetsOf(
  db: Executor,
  options: { indicatorId: number; period: string; unitCodes: readonly string[] },
) {
  if (options.unitCodes.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('indicator_target as t')
    .innerJoin('org_unit as u', 'u.id', 't.unit_id')
    .select(['u.code', 't.baseline', 't.target', 't.green_at', 't.amber_at'])
    .where('t.indicator_id', '=', options.indicatorId)
    .where('t.period', '=', options.period)
    .where(sql<boolean>`u.code = any(${options.unitCodes}::text[])`)
    .execute();
}

/** The entered values behind a figure (the click-through of a dashboard). */
export async function valuesUnder(
  db: Executor,
  options: { indicatorId: number; periods: readonly string[]; basePath: string; limit: number },
) {
  const { rows } = await sql<{
    code: string;
    name: string;
    period: string;
    category: string;
    value: string;
    comment: string | null;
    entered_by: string | null;
    entered_at: Date;
  }>`
    select u.code, u.name, v.period, v.category, v.value::text as value, v.comment, a.username as entered_by,
           v.entered_at
    from indicator_value v
    join org_unit u on u.id = v.unit_id
    left join app_user a on a.id = v.entered_by
    where v.indicator_id = ${options.indicatorId} and v.period = any(${options.periods}::text[])
      and v.path_at like ${`${options.basePath}%`}
    order by v.path_at, v.period, v.category
    limit ${options.limit}`.execute(db);
  return rows;
}
