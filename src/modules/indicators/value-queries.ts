import { sql } from 'kysely';
import { type CopyClient, type CopyValue, copyRows } from '../../platform/copy.ts';
import type { Executor, Tx } from '../../platform/database.ts';
import { putBackWeightedContributions, takeOutWeightedContributions } from './weighted-rollup-queries.ts';

/** One value ready to be written: everything resolved, `row` points back to the input for error reports. */
export type StagedValue = {
  row: number;
  indicatorId: number;
  period: string;
  previousPeriod: string;
  unitId: number;
  category: string;
  value: number;
  comment: string | null;
  pathAt: string;
  level: number;
  /** undefined: no check; null: the cell must still be empty; n: its version must still be n. */
  expectedVersion?: number | null;
};

const CHUNK = 20_000;
const STAGED_COLUMNS = [
  'row_no',
  'indicator_id',
  'period',
  'previous_period',
  'unit_id',
  'category',
  'value',
  'comment',
  'path_at',
  'level',
  'check_version',
  'expected_version',
] as const;

function stagedRow(v: StagedValue): CopyValue[] {
  return [
    v.row,
    v.indicatorId,
    v.period,
    v.previousPeriod,
    v.unitId,
    v.category,
    v.value,
    v.comment,
    v.pathAt,
    v.level,
    v.expectedVersion !== undefined,
    v.expectedVersion ?? null,
  ];
}

/** Key order of the stored values (indicator, period, unit, category), which the staged rows are written in. */
function byValueKey(a: StagedValue, b: StagedValue): number {
  return (
    a.indicatorId - b.indicatorId ||
    (a.period < b.period ? -1 : a.period > b.period ? 1 : 0) ||
    a.unitId - b.unitId ||
    (a.category < b.category ? -1 : a.category > b.category ? 1 : 0)
  );
}

/**
 * Puts the values into a temporary table of the transaction, so that every check and the write itself are
 * a handful of set-based statements, for 1 cell or 1 million. A file's import streams them in with COPY on
 * its transaction's connection; a grid save's few hundred cells go in as arrays. The rows go in in the values'
 * key order (a file is usually in it already: then sorting costs one pass), so that the change log and the
 * values are inserted from a plain scan in index order, without sorting a million rows in the database. The
 * indicators and periods written are kept apart too (a few hundred rows): locks and lookups of stored data
 * start from them instead of scanning the staged rows. The columns after `expected_version` describe the stored
 * value a staged one replaces (`markStoredCells`).
 */
export async function stageValues(
  tx: Tx,
  values: readonly StagedValue[],
  options: { copyClient?: CopyClient; onProgress?: (done: number) => void },
) {
  await sql`
    create temp table staged_value (
      row_no integer not null,
      indicator_id integer not null,
      period text not null,
      previous_period text not null,
      unit_id integer not null,
      category text not null,
      value numeric not null,
      comment text,
      path_at text not null,
      level smallint not null,
      check_version boolean not null,
      expected_version integer,
      old_value numeric,
      old_path text,
      old_level smallint,
      existed boolean not null default false,
      changed boolean not null default true
    ) on commit drop`.execute(tx);
  const ordered = [...values].sort(byValueKey);
  if (options.copyClient) {
    const rows = (function* () {
      for (const value of ordered) yield stagedRow(value);
    })();
    await copyRows(options.copyClient, 'staged_value', STAGED_COLUMNS, rows, options.onProgress);
  } else {
    for (let start = 0; start < ordered.length; start += CHUNK) {
      const rows = ordered.slice(start, start + CHUNK).map(stagedRow);
      const column = (index: number) => rows.map((row) => row[index]);
      await sql`
        insert into staged_value (${sql.raw(STAGED_COLUMNS.join(', '))})
        select * from unnest(
          ${column(0)}::int[], ${column(1)}::int[], ${column(2)}::text[], ${column(3)}::text[], ${column(4)}::int[],
          ${column(5)}::text[], ${column(6)}::numeric[], ${column(7)}::text[], ${column(8)}::text[],
          ${column(9)}::smallint[], ${column(10)}::boolean[], ${column(11)}::int[])`.execute(tx);
      options.onProgress?.(start + rows.length);
    }
  }
  await sql`analyze staged_value`.execute(tx);
  // Sorted, each indicator and period written is where its run of rows starts.
  const written = ordered.filter(
    (v, i) => i === 0 || v.indicatorId !== ordered[i - 1]?.indicatorId || v.period !== ordered[i - 1]?.period,
  );
  await sql`
    create temp table staged_period on commit drop as
    select * from unnest(${written.map((v) => v.indicatorId)}::int[], ${written.map((v) => v.period)}::text[])
      w (indicator_id, period)`.execute(tx);
  await sql`analyze staged_period`.execute(tx);
}

/**
 * One writer per indicator and period at a time: roll-up deltas read the old value, so two concurrent
 * writers of the same cell must not both see it empty. The quarters and years written are taken too (a writer
 * that finds no roll-up row of a quarter inserts them plainly), and a writer of a weight also takes the
 * indicators it weights: their weighted roll-ups read both.
 */
export async function lockStagedCells(tx: Tx) {
  await sql`
    select pg_advisory_xact_lock(indicator_id, hashtext(period))
    from (
      select indicator_id, period from staged_period
      union
      select s.indicator_id, c.period from staged_period s cross join unnest(indicator_coarse_periods(s.period)) c (period)
      union
      select i.id, s.period from staged_period s join indicator w on w.id = s.indicator_id join indicator i on i.weight_code = w.code
      order by 1, 2
    ) cells`.execute(tx);
}

export type StagedIssue = { row: number; code: string; params: Record<string, string | number> };

/** Values under an approval (of the unit or any unit above it as of the period). */
export async function lockedRows(tx: Tx): Promise<StagedIssue[]> {
  const { rows } = await sql<{ row_no: number; period: string; code: string }>`
    select s.row_no, s.period, u.code
    from staged_value s
    cross join lateral generate_series(1, s.level) l
    join indicator_approval a on a.period = s.period and a.path_at = left(s.path_at, 1 + 13 * l)
    join org_unit u on u.id = a.unit_id
    where exists (select 1 from indicator_approval x where x.period in (select period from staged_period))
    order by s.row_no
    limit 1000`.execute(tx);
  return rows.map((r) => ({
    row: r.row_no,
    code: 'INDICATOR_PERIOD_LOCKED',
    params: { period: r.period, unit: r.code },
  }));
}

export async function staleRows(tx: Tx): Promise<StagedIssue[]> {
  const { rows } = await sql<{ row_no: number; current: number | null }>`
    select s.row_no, v.version as current
    from staged_value s
    left join indicator_value v using (indicator_id, period, unit_id, category)
    where s.check_version and v.version is distinct from s.expected_version
    order by s.row_no
    limit 1000`.execute(tx);
  return rows.map((r) => ({ row: r.row_no, code: 'VERSION_CONFLICT', params: { current: r.current ?? 0 } }));
}

/** Big changes from the previous period (staged or stored) that came without a comment. */
export async function uncommentedOutliers(tx: Tx): Promise<StagedIssue[]> {
  const { rows } = await sql<{ row_no: number; previous: string }>`
    select s.row_no, coalesce(sp.value, vp.value)::text as previous
    from staged_value s
    join indicator i on i.id = s.indicator_id and i.outlier_change_pct is not null
    left join staged_value sp
      on sp.indicator_id = s.indicator_id and sp.period = s.previous_period and sp.unit_id = s.unit_id
      and sp.category = s.category
    left join indicator_value vp
      on vp.indicator_id = s.indicator_id and vp.period = s.previous_period and vp.unit_id = s.unit_id
      and vp.category = s.category
    where coalesce(s.comment, '') = ''
      and coalesce(sp.value, vp.value) is not null
      and case when coalesce(sp.value, vp.value) = 0 then s.value <> 0
               else abs(s.value - coalesce(sp.value, vp.value)) * 100 / abs(coalesce(sp.value, vp.value))
                    > i.outlier_change_pct end
    order by s.row_no
    limit 1000`.execute(tx);
  return rows.map((r) => ({
    row: r.row_no,
    code: 'INDICATOR_COMMENT_REQUIRED',
    params: { previous: Number(r.previous) },
  }));
}

/**
 * Cross-indicator rules broken by the staged values: rules of the staged indicator against the other's value
 * (staged or stored), and rules of other indicators against a staged value when theirs is only stored.
 */
export async function brokenRules(
  tx: Tx,
  definitions: ReadonlyMap<string, { rules: unknown }>,
): Promise<StagedIssue[]> {
  // With no rule defined the query is skipped: planned for a million staged values it hashes whole tables.
  if (![...definitions.values()].some((d) => Array.isArray(d.rules) && d.rules.length > 0)) return [];
  const { rows } = await sql<{ row_no: number; op: string; code: string; other: string }>`
    with rule as (
      select i.id as indicator_id, o.id as other_id, o.code as other_code, r.op
      from indicator i
      cross join jsonb_to_recordset(i.rules) r (op text, code text)
      join indicator o on o.code = r.code
    ),
    pair as (
      select s.row_no, r.op, r.other_code as code, s.value as left_value,
             coalesce(so.value, vo.value) as right_value
      from staged_value s
      join rule r on r.indicator_id = s.indicator_id
      left join staged_value so on so.indicator_id = r.other_id and so.period = s.period and so.unit_id = s.unit_id
        and so.category = s.category
      left join indicator_value vo on vo.indicator_id = r.other_id and vo.period = s.period and vo.unit_id = s.unit_id
        and vo.category = s.category
      union all
      select s.row_no, r.op, (select code from indicator where id = r.indicator_id), vx.value, s.value
      from staged_value s
      join rule r on r.other_id = s.indicator_id
      join indicator_value vx on vx.indicator_id = r.indicator_id and vx.period = s.period and vx.unit_id = s.unit_id
        and vx.category = s.category
      where not exists (select 1 from staged_value sx where sx.indicator_id = r.indicator_id and sx.period = s.period
                          and sx.unit_id = s.unit_id and sx.category = s.category)
    )
    select row_no, op, code, right_value::text as other
    from pair
    where right_value is not null and not case op
      when 'lte' then left_value <= right_value
      when 'lt' then left_value < right_value
      when 'gte' then left_value >= right_value
      else left_value > right_value end
    order by row_no
    limit 1000`.execute(tx);
  return rows.map((r) => ({
    row: r.row_no,
    code: 'INDICATOR_RULE_BROKEN',
    params: { op: OPERATOR_SIGNS[r.op] ?? r.op, code: r.code, other: Number(r.other) },
  }));
}

const OPERATOR_SIGNS: Record<string, string> = { lte: '≤', lt: '<', gte: '≥', gt: '>' };

export type ValueChange = {
  indicator_id: number;
  unit_id: number;
  period: string;
  category: string;
  old_value: string | null;
  new_value: string;
};

/**
 * Writes the staged values: the change log (old and new), the roll-up deltas of every ancestor (the old value
 * leaves the ancestors of its old path, the new one joins those of its path), then the values themselves.
 * Every statement reads the staged rows that change (`changed`) beside their old state, set by markStoredCells.
 * Returns how many values changed.
 */
export async function applyStagedValues(
  tx: Tx,
  actor: { userId: number | null; requestId: string | null; at: Date; returnChanges: boolean },
): Promise<{ count: number; sample: ValueChange[] }> {
  const replacing = await markStoredCells(tx);
  // In the staged rows' order, which is also the change log's key order (migration 0014): appended without a sort.
  const logged = sql`
    insert into indicator_value_change
      (indicator_id, period, unit_id, category, old_value, new_value, comment, changed_by, changed_at, request_id)
    select indicator_id, period, unit_id, category, old_value, value, comment,
           ${actor.userId}::int, ${actor.at}::timestamptz, ${actor.requestId}::text
    from staged_value
    where changed`;
  // A grid save's audit record lists its changes; an import's record counts them (the log holds each).
  const { rows, numAffectedRows } = actor.returnChanges
    ? await sql<ValueChange>`
        ${logged}
        returning indicator_id, unit_id, period, category, old_value::text, new_value::text`.execute(tx)
    : await logged.execute(tx);
  await applyTreeRollupDeltas(tx, { replacing: replacing > 0 });
  await applyPeriodRollupDeltas(tx);
  const weighted = await takeOutWeightedContributions(tx);
  if (replacing > 0) {
    await sql`
      update indicator_value v
      set value = c.value, comment = c.comment, path_at = c.path_at, level = c.level,
          entered_by = ${actor.userId}::int, entered_at = ${actor.at}::timestamptz, version = v.version + 1
      from staged_value c
      where c.existed and c.changed
        and (v.indicator_id, v.period, v.unit_id, v.category) = (c.indicator_id, c.period, c.unit_id, c.category)`.execute(
      tx,
    );
  }
  // Cells are locked per indicator and period (lockStagedCells), so a plain insert of the new cells is safe
  // and much cheaper than a speculative insert for each of a million rows. A plain scan of the staged rows
  // returns them in key order: the primary key grows page after page instead of at a million scattered places.
  await sql`
    insert into indicator_value
      (indicator_id, period, unit_id, category, value, comment, path_at, level, entered_by, entered_at)
    select indicator_id, period, unit_id, category, value, comment, path_at, level, ${actor.userId}::int,
           ${actor.at}::timestamptz
    from staged_value
    where not existed`.execute(tx);
  if (replacing > 0) await recomputeMovedPeriodRollups(tx);
  if (weighted) await putBackWeightedContributions(tx);
  return { count: Number(numAffectedRows ?? 0), sample: rows as ValueChange[] };
}

/**
 * Sets, on the staged rows whose cell is stored already, the value, path and level they replace, and whether
 * they change anything. Only the indicators' periods being written are read (index ranges), never the whole
 * history: a file of new months finds nothing there and updates no staged row. Returns how many it found.
 */
async function markStoredCells(tx: Tx): Promise<number> {
  const { numAffectedRows } = await sql`
    update staged_value s
    set old_value = v.value, old_path = v.path_at, old_level = v.level, existed = true,
        changed = v.value <> s.value or v.comment is distinct from s.comment
    from staged_period w
    -- offset 0 keeps this an index range per written period: joined flat, the planner expects the new
    -- periods to be as full as the stored ones and scans the whole table
    cross join lateral (
      select * from indicator_value x where x.indicator_id = w.indicator_id and x.period = w.period offset 0
    ) v
    where (s.indicator_id, s.period, s.unit_id, s.category) = (v.indicator_id, v.period, v.unit_id, v.category)`.execute(
    tx,
  );
  const found = Number(numAffectedRows ?? 0);
  // The staged rows were analysed as all new: a file of corrections is planned with what it really holds.
  if (found > 0) await sql`analyze staged_value`.execute(tx);
  return found;
}

/**
 * Adds the changes to the sums and counts of every ancestor (indicator_rollup). The deltas are first summed per
 * parent (a township for village values: ~1M rows become ~70k), and only those sums are spread over the
 * ancestors, instead of every value once per level. Periods that have no roll-up row yet (a file of new months)
 * are inserted plainly, the others take the deltas; both are locked (lockStagedCells). Old values leave their
 * ancestors only where stored values are replaced.
 */
async function applyTreeRollupDeltas(tx: Tx, options: { replacing: boolean }) {
  await sql`
    with parent as (
      select indicator_id, period, category, left(path, 1 + 13 * (level - 1)) as parent, level - 1 as parent_level,
             sum(delta) as delta, sum(counted) as counted
      from (
        select indicator_id, period, category, path_at as path, level, value as delta, 1 as counted
        from staged_value
        where changed and (old_value is distinct from value or old_path <> path_at)
        ${
          options.replacing
            ? sql`
              union all
              select indicator_id, period, category, old_path, old_level, -old_value, -1
              from staged_value
              where changed and existed and (old_value <> value or old_path <> path_at)`
            : sql``
        }
      ) d
      where level > 1
      group by 1, 2, 3, 4, 5
    ),
    rollup as (
      select p.indicator_id, p.period, p.category, left(p.parent, 1 + 13 * l) as path, l as level,
             sum(p.delta) as total, sum(p.counted) as count
      from parent p
      cross join lateral generate_series(1, p.parent_level) l
      group by 1, 2, 3, 4, 5
    ),
    fresh as (
      select w.indicator_id, w.period
      from staged_period w
      where not exists (select 1 from indicator_rollup x where x.indicator_id = w.indicator_id and x.period = w.period)
    ),
    inserted as (
      insert into indicator_rollup (indicator_id, period, category, path, level, total, count)
      select r.* from rollup r join fresh f using (indicator_id, period)
    )
    insert into indicator_rollup as r (indicator_id, period, category, path, level, total, count)
    select d.* from rollup d
    where not exists (select 1 from fresh f where f.indicator_id = d.indicator_id and f.period = d.period)
    on conflict (indicator_id, period, category, path)
    do update set total = r.total + excluded.total, count = r.count + excluded.count`.execute(tx);
}

/**
 * Adds the changed cells to the quarter and year roll-ups of their entry unit, before the values are written
 * (a stored period counts once however many categories it holds, so a new category cell of a period already
 * present adds nothing to the count). The latest stored period can only move forward by a write: a delta in a
 * later period than the stored last one is that period's whole value, one in the same period adds to it.
 * Cells whose unit's path changed are left to recomputeMovedPeriodRollups.
 *
 * A month counts in its quarter and a quarter in its year, so the cells are summed into the first coarser period
 * (a million months into a third as many quarters) and those sums into the next (years), all by hash. The
 * latest period's delta is the second element of the largest [place in time, delta] pair: an ordered aggregate
 * would sort the rows. Quarters and years that have no row yet (a file of new months) are inserted plainly; the
 * others take the deltas. Both kinds are locked (lockStagedCells).
 */
async function applyPeriodRollupDeltas(tx: Tx) {
  // Each indicator and period written: whether the indicator has categories, the period's place in time, the
  // coarser period it counts in directly and that one's. Analysed, the joins below are expected at their real
  // size and aggregate by hash (misjudged, the planner sorted a million rows by text, for seconds).
  await sql`
    create temp table period_place on commit drop as
    select w.indicator_id, w.period, cardinality(i.categories) > 0 as categorized,
           dense_rank() over (order by w.period collate "C") as ord, c.coarse,
           (indicator_coarse_periods(c.coarse))[1] as coarser
    from staged_period w
    join indicator i on i.id = w.indicator_id
    cross join lateral (select (indicator_coarse_periods(w.period))[1] as coarse) c`.execute(tx);
  await sql`analyze period_place`.execute(tx);
  await sql`
    with first_sum as (
      -- a cell of an indicator without categories is its unit's whole value in the period; summed apart from the
      -- categorised ones, because through a union the planner loses the staged rows' statistics
      select d.indicator_id, p.coarse as period, d.path_at as path, sum(d.value - coalesce(d.old_value, 0)) as total,
             count(*) filter (where not d.existed) as periods, max(d.period) as last_period,
             (max(array[p.ord, d.value - coalesce(d.old_value, 0)]))[2] as last_value,
             max(p.ord) as last_ord, max(p.coarser) as coarser
      from staged_value d
      join period_place p using (indicator_id, period)
      where not p.categorized and p.coarse is not null and d.changed
        and d.old_value is distinct from d.value and (not d.existed or d.old_path = d.path_at)
      group by 1, 2, 3
      union all
      select u.indicator_id, p.coarse, u.path, sum(u.delta), sum(u.added), max(u.period),
             (max(array[p.ord, u.delta]))[2], max(p.ord), max(p.coarser)
      from (
        select d.indicator_id, d.period, d.path_at as path, sum(d.value - coalesce(d.old_value, 0)) as delta,
               case when bool_and(d.existed) then 0
                    when exists (select 1 from indicator_value v where v.indicator_id = d.indicator_id
                                   and v.period = d.period and v.unit_id = d.unit_id and v.path_at = d.path_at) then 0
                    else 1 end as added
        from staged_value d
        join period_place p using (indicator_id, period)
        where p.categorized and p.coarse is not null and d.changed
          and d.old_value is distinct from d.value and (not d.existed or d.old_path = d.path_at)
        group by d.indicator_id, d.period, d.unit_id, d.path_at
      ) u
      join period_place p using (indicator_id, period)
      group by 1, 2, 3
    ),
    delta as (
      select indicator_id, period, path, total, periods, last_period, last_value from first_sum
      union all
      -- a quarter's last period is its latest: the latest quarter's is the year's
      select indicator_id, coarser, path, sum(total), sum(periods), max(last_period),
             (max(array[last_ord, last_value]))[2]
      from first_sum
      where coarser is not null
      group by 1, 2, 3
    ),
    fresh as (
      select distinct p.indicator_id, c.period
      from period_place p
      cross join unnest(array[p.coarse, p.coarser]) c (period)
      where c.period is not null and not exists (
        select 1 from indicator_period_rollup x where x.indicator_id = p.indicator_id and x.period = c.period)
    ),
    inserted as (
      -- in the index's order (bytewise, as text_pattern_ops): inserted at scattered places, they cost a third more
      insert into indicator_period_rollup (indicator_id, period, path, total, periods, last_period, last_value)
      select d.* from delta d join fresh f using (indicator_id, period)
      order by d.indicator_id, d.period collate "C", d.path collate "C"
    )
    insert into indicator_period_rollup as r (indicator_id, period, path, total, periods, last_period, last_value)
    select d.* from delta d
    where not exists (select 1 from fresh f where f.indicator_id = d.indicator_id and f.period = d.period)
    on conflict (indicator_id, period, path) do update set
      total = r.total + excluded.total,
      periods = r.periods + excluded.periods,
      last_value = case when excluded.last_period > r.last_period then excluded.last_value
                        when excluded.last_period = r.last_period then r.last_value + excluded.last_value
                        else r.last_value end,
      last_period = greatest(r.last_period, excluded.last_period)`.execute(tx);
}

/**
 * A value re-keyed to another path (its unit's history was corrected) leaves a period of its old path, which
 * deltas cannot express for the count and the last period: the quarters and years of both paths are
 * recomputed from the stored values, after they are written. Rare, and bounded to those units and years.
 */
async function recomputeMovedPeriodRollups(tx: Tx) {
  const { rows } = await sql<{ moved: boolean }>`
    select exists (select 1 from staged_value where existed and changed and old_path <> path_at) as moved`.execute(tx);
  if (!rows[0]?.moved) return;
  await sql`
    create temp table moved_period_key on commit drop as
    select distinct d.indicator_id, c.period, p.path
    from staged_value d
    cross join lateral unnest(indicator_coarse_periods(d.period)) c (period)
    cross join lateral (values (d.old_path), (d.path_at)) p (path)
    where d.existed and d.changed and d.old_path <> d.path_at`.execute(tx);
  await sql`
    delete from indicator_period_rollup r
    using moved_period_key k
    where r.indicator_id = k.indicator_id and r.period = k.period and r.path = k.path`.execute(tx);
  await sql`
    insert into indicator_period_rollup (indicator_id, period, path, total, periods, last_period, last_value)
    select k.indicator_id, k.period, k.path, sum(m.v), count(*), max(m.stored_period),
           (array_agg(m.v order by m.stored_period desc))[1]
    from moved_period_key k
    cross join lateral (
      select v.period as stored_period, sum(v.value) as v
      from indicator_value v
      where v.indicator_id = k.indicator_id and v.path_at = k.path
        and v.period >= left(k.period, 4) and v.period < (left(k.period, 4)::int + 1)::text
        and k.period = any(indicator_coarse_periods(v.period))
      group by v.period
    ) m
    group by 1, 2, 3`.execute(tx);
}

/** City and county paths (levels 2–3) above the staged values, per indicator and period: where alerts are watched. */
export async function stagedAlertCells(tx: Tx) {
  const { rows } = await sql<{ indicator_id: number; period: string; path: string }>`
    select distinct s.indicator_id, s.period, left(s.path_at, 1 + 13 * l) as path
    from staged_value s
    join indicator i on i.id = s.indicator_id
    cross join lateral generate_series(2, least(3, s.level)) l
    where i.alert_line is not null or exists (
      select 1 from indicator f where f.alert_line is not null and f.source = 'formula')`.execute(tx);
  return rows;
}

export async function hasMovedUnits(db: Executor): Promise<boolean> {
  const row = await db
    .selectFrom('org_unit_change')
    .select('id')
    .where('change', '=', 'moved')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Paths as of each period's last day for (unit, day) pairs, computed in one round trip. */
export async function pathsAt(db: Executor, pairs: readonly { unitId: number; day: string }[]) {
  const { rows } = await sql<{ unit_id: number; day: string; path: string }>`
    select p.unit_id, p.day::text as day, org_unit_path_at(p.unit_id, p.day) as path
    from unnest(${pairs.map((p) => p.unitId)}::int[], ${pairs.map((p) => p.day)}::date[]) p (unit_id, day)`.execute(db);
  return new Map(rows.map((r) => [`${r.unit_id}@${r.day}`, r.path]));
}

export function unitsByFullCodes(db: Executor, codes: readonly string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('org_unit')
    .select(['id', 'code', 'name', 'path', 'level', 'established_on', 'ended_on'])
    .where(sql<boolean>`code = any(${codes}::text[])`)
    .execute();
}

export function activeExceptions(db: Executor, options: { periods: readonly string[]; now: Date }) {
  if (options.periods.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('indicator_entry_exception')
    .select(['indicator_id', 'path', 'period', 'expires_at'])
    .where(sql<boolean>`period = any(${options.periods}::text[])`)
    .where('expires_at', '>', options.now)
    .execute();
}

/** The stored cells of a unit and period, with the previous period's values beside them. */
export function storedCells(db: Executor, options: { unitId: number; periods: readonly string[] }) {
  return db
    .selectFrom('indicator_value')
    .select(['indicator_id', 'period', 'category', 'value', 'comment', 'version'])
    .where('unit_id', '=', options.unitId)
    .where(sql<boolean>`period = any(${options.periods}::text[])`)
    .execute();
}

/** Is the unit (as of the period) approved itself or below an approved unit? */
export async function isLocked(db: Executor, options: { period: string; pathAt: string }) {
  const row = await db
    .selectFrom('indicator_approval')
    .select('unit_id')
    .where('period', '=', options.period)
    .where(sql<boolean>`${options.pathAt} like path_at || '%'`)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
