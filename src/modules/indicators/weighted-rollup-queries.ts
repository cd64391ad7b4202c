import { sql } from 'kysely';
import type { Tx } from '../../platform/database.ts';

/**
 * Keeps indicator_weighted_rollup in step with a write. A changed value of a weighted-average indicator or of
 * its weight changes that unit's contribution (Σ value × weight, Σ weight) in the period: the contributions of
 * the touched cells are taken out before the values are written (`takeOutWeightedContributions`) and put back
 * after (`putBackWeightedContributions`), then the difference goes to every ancestor in one upsert. Reading the
 * stored rows both times makes it exact whatever moved: the value, the weight, a category of the weight or the
 * unit's path. Writers of a weight also lock the indicators it weights (lockStagedCells), so two transactions
 * never both compute from the same old state.
 */
export async function takeOutWeightedContributions(tx: Tx): Promise<boolean> {
  await sql`
    create temp table weighted_cell on commit drop as
    select distinct k.id as indicator_id, k.weight_id, c.unit_id, c.period
    from (
      select i.id, w.id as weight_id, unnest(array[i.id, w.id]) as written_id
      from indicator i
      join indicator w on w.code = i.weight_code
    ) k
    join staged_value c on c.indicator_id = k.written_id
    where c.changed`.execute(tx);
  const { rows } = await sql<{ any: boolean }>`select exists (select 1 from weighted_cell) as any`.execute(tx);
  if (!rows[0]?.any) return false;
  await sql`analyze weighted_cell`.execute(tx);
  await sql`
    create temp table weighted_delta (
      indicator_id integer not null,
      period text not null,
      path text not null,
      level smallint not null,
      weighted numeric not null,
      weight numeric not null,
      counted integer not null
    ) on commit drop`.execute(tx);
  await addContributions(tx, -1);
  return true;
}

export async function putBackWeightedContributions(tx: Tx) {
  await addContributions(tx, 1);
  await sql`
    insert into indicator_weighted_rollup as r (indicator_id, period, level, path, weighted, weight, count)
    select d.indicator_id, d.period, l, left(d.path, 1 + 13 * l), sum(d.weighted), sum(d.weight), sum(d.counted)
    from weighted_delta d
    cross join lateral generate_series(1, d.level - 1) l
    group by 1, 2, 3, 4
    on conflict (indicator_id, period, level, path) do update set
      weighted = r.weighted + excluded.weighted, weight = r.weight + excluded.weight,
      count = r.count + excluded.count`.execute(tx);
}

/** The stored contributions of the touched cells, with a sign: each value row of the weighted indicator × the
 * sum of its unit's weights in the period, as the leaf computation joins them. */
async function addContributions(tx: Tx, sign: 1 | -1) {
  await sql`
    insert into weighted_delta (indicator_id, period, path, level, weighted, weight, counted)
    select k.indicator_id, k.period, v.path_at, v.level, ${sign}::int * v.value * w.value, ${sign}::int * w.value,
           ${sign}::int
    from weighted_cell k
    join indicator_value v on v.indicator_id = k.indicator_id and v.period = k.period and v.unit_id = k.unit_id
    cross join lateral (
      select sum(x.value) as value
      from indicator_value x
      where x.indicator_id = k.weight_id and x.period = k.period and x.unit_id = k.unit_id
    ) w
    where w.value is not null`.execute(tx);
}

/**
 * Value writers hold this from before they decide which weighted roll-ups they touch until they commit, so a
 * rebuild (below) waits for writers under way and writers starting later wait for the rebuild and then see
 * the new weight.
 */
export async function holdWeightedRollupsForWrite(tx: Tx) {
  await sql`lock table indicator_weighted_rollup in row exclusive mode`.execute(tx);
}

/** Rebuilds one indicator's weighted roll-up from the leaves (its weight changed, or it stopped being weighted). */
export async function rebuildWeightedRollup(tx: Tx, indicatorId: number) {
  // Share mode conflicts with every writer's row-exclusive hold: the rebuild reads the leaves with none under way.
  await sql`lock table indicator_weighted_rollup in share mode`.execute(tx);
  await sql`select indicator_rebuild_weighted_rollup(${indicatorId}::int)`.execute(tx);
}
