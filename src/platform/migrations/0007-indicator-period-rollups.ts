import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // The coarser periods a stored period counts in: a month in its quarter and its year, a quarter in its year.
  await sql`
    create function indicator_coarse_periods(period text) returns text[] language sql immutable parallel safe as $$
      select case
        when period ~ '^[0-9]{4}-[0-9]{2}$'
          then array[left(period, 4) || 'Q' || ((substr(period, 6, 2)::int + 2) / 3), left(period, 4)]
        when period ~ '^[0-9]{4}Q[1-4]$' then array[left(period, 4)]
        else '{}'::text[] end
    $$`.execute(db);

  // Per entry unit (its path as of each stored period) and quarter or year: what a read of that unit over the
  // longer period needs for every period aggregation — the sum, how many stored periods hold a value (average),
  // and the latest of them with its value (last). Kept by deltas in the writing transaction, like
  // indicator_rollup, so a year of villages reads one row per village instead of twelve.
  await sql`
    create table indicator_period_rollup (
      indicator_id integer not null,
      period text not null,
      path text not null,
      total numeric not null,
      periods integer not null,
      last_period text not null,
      last_value numeric not null
    )`.execute(db);
  await sql`create unique index indicator_period_rollup_key on indicator_period_rollup (indicator_id, period, path text_pattern_ops)`.execute(
    db,
  );
  await sql`
    insert into indicator_period_rollup (indicator_id, period, path, total, periods, last_period, last_value)
    select m.indicator_id, c.period, m.path_at, sum(m.v), count(*), max(m.period),
           (array_agg(m.v order by m.period desc))[1]
    from (select indicator_id, period, path_at, sum(value) as v from indicator_value group by 1, 2, 3) m
    cross join lateral unnest(indicator_coarse_periods(m.period)) c (period)
    group by 1, 2, 3`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists indicator_period_rollup`.execute(db);
  await sql`drop function if exists indicator_coarse_periods`.execute(db);
}
