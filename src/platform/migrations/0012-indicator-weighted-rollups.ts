import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Σ value × weight and Σ weight (and how many values count) of a weighted-average indicator below each
  // ancestor, per stored period: kept by deltas in the transactions that write the indicator or its weight, so
  // a weighted average above the entry level reads one row per unit and period instead of joining the leaves
  // of both indicators. A value counts where its unit has a weight in the same period (the weight's categories
  // add up), as in the leaf computation.
  await sql`
    create table indicator_weighted_rollup (
      indicator_id integer not null,
      period text not null,
      level smallint not null,
      path text not null,
      weighted numeric not null,
      weight numeric not null,
      count integer not null
    )`.execute(db);
  await sql`create unique index indicator_weighted_rollup_key on indicator_weighted_rollup (indicator_id, period, level, path text_pattern_ops)`.execute(
    db,
  );

  // The whole roll-up of one indicator from the leaves: when its weight changes (changeIndicator), and here.
  await sql`
    create function indicator_rebuild_weighted_rollup(weighted_id integer) returns void language sql as $$
      delete from indicator_weighted_rollup where indicator_id = weighted_id;
      with weight as (
        select x.unit_id, x.period, sum(x.value) as value
        from indicator_value x
        where x.indicator_id = (select w.id from indicator i join indicator w on w.code = i.weight_code
                                where i.id = weighted_id)
        group by 1, 2
      )
      insert into indicator_weighted_rollup (indicator_id, period, level, path, weighted, weight, count)
      select v.indicator_id, v.period, l, left(v.path_at, 1 + 13 * l), sum(v.value * w.value), sum(w.value), count(*)
      from indicator_value v
      join weight w using (unit_id, period)
      cross join lateral generate_series(1, v.level - 1) l
      where v.indicator_id = weighted_id
      group by 1, 2, 3, 4
    $$`.execute(db);
  await sql`select indicator_rebuild_weighted_rollup(id) from indicator where weight_code is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop function if exists indicator_rebuild_weighted_rollup`.execute(db);
  await sql`drop table if exists indicator_weighted_rollup`.execute(db);
}
