import { sql } from 'kysely';
import type { Executor, Tx } from '../../platform/database.ts';

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

/**
 * Puts the values into a temporary table of the transaction, so that every check and the write itself are
 * a handful of set-based statements, for 1 cell or 1 million.
 */
export async function stageValues(tx: Tx, values: readonly StagedValue[], onProgress?: (done: number) => void) {
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
      expected_version integer
    ) on commit drop`.execute(tx);
  for (let start = 0; start < values.length; start += CHUNK) {
    const chunk = values.slice(start, start + CHUNK);
    const column = <T>(pick: (v: StagedValue) => T) => chunk.map(pick);
    await sql`
      insert into staged_value
      select * from unnest(
        ${column((v) => v.row)}::int[], ${column((v) => v.indicatorId)}::int[], ${column((v) => v.period)}::text[],
        ${column((v) => v.previousPeriod)}::text[], ${column((v) => v.unitId)}::int[],
        ${column((v) => v.category)}::text[], ${column((v) => v.value)}::numeric[],
        ${column((v) => v.comment)}::text[], ${column((v) => v.pathAt)}::text[], ${column((v) => v.level)}::smallint[],
        ${column((v) => v.expectedVersion !== undefined)}::boolean[], ${column((v) => v.expectedVersion ?? null)}::int[])`.execute(
      tx,
    );
    onProgress?.(start + chunk.length);
  }
  await sql`create unique index on staged_value (indicator_id, period, unit_id, category)`.execute(tx);
  await sql`analyze staged_value`.execute(tx);
}

/**
 * One writer per indicator and period at a time: roll-up deltas read the old value, so two concurrent
 * writers of the same cell must not both see it empty.
 */
export async function lockStagedCells(tx: Tx) {
  await sql`
    select pg_advisory_xact_lock(indicator_id, hashtext(period))
    from (select distinct indicator_id, period from staged_value order by 1, 2) cells`.execute(tx);
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
    where exists (select 1 from indicator_approval x where x.period in (select distinct period from staged_value))
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
export async function brokenRules(tx: Tx): Promise<StagedIssue[]> {
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

/**
 * Writes the staged values: the change log (old and new), the roll-up deltas of every ancestor (the old value
 * leaves the ancestors of its old path, the new one joins those of its path), then the values themselves.
 * Returns how many values changed.
 */
export type ValueChange = {
  indicator_id: number;
  unit_id: number;
  period: string;
  category: string;
  old_value: string | null;
  new_value: string;
};

export async function applyStagedValues(
  tx: Tx,
  actor: { userId: number | null; requestId: string | null; at: Date; returnChanges: boolean },
): Promise<{ count: number; sample: ValueChange[] }> {
  // The stored values are looked up once: every statement below reads the changed cells beside their old state
  // instead of joining a table of millions again.
  await sql`
    create temp table changed_value on commit drop as
    select s.*, v.value as old_value, v.path_at as old_path, v.level as old_level, v.indicator_id is not null as existed
    from staged_value s
    left join indicator_value v using (indicator_id, period, unit_id, category)
    where v.value is distinct from s.value or v.comment is distinct from s.comment`.execute(tx);
  const logged = sql`
    insert into indicator_value_change
      (indicator_id, period, unit_id, category, old_value, new_value, comment, changed_by, changed_at, request_id)
    select indicator_id, period, unit_id, category, old_value, value, comment,
           ${actor.userId}::int, ${actor.at}::timestamptz, ${actor.requestId}::text
    from changed_value`;
  // A grid save's audit record lists its changes; an import's record counts them (the log holds each).
  const { rows, numAffectedRows } = actor.returnChanges
    ? await sql<ValueChange>`
        ${logged}
        returning indicator_id, unit_id, period, category, old_value::text, new_value::text`.execute(tx)
    : await logged.execute(tx);
  await sql`
    insert into indicator_rollup as r (indicator_id, period, category, path, level, total, count)
    select d.indicator_id, d.period, d.category, left(d.path, 1 + 13 * l), l, sum(d.delta), sum(d.counted)
    from (
      select indicator_id, period, category, path_at as path, level, value as delta, 1 as counted
      from changed_value
      where old_value is distinct from value
      union all
      select indicator_id, period, category, old_path, old_level, -old_value, -1
      from changed_value
      where existed and old_value <> value
    ) d
    cross join lateral generate_series(1, d.level - 1) l
    group by 1, 2, 3, 4, 5
    on conflict (indicator_id, period, category, path)
    do update set total = r.total + excluded.total, count = r.count + excluded.count`.execute(tx);
  // Cells are locked per indicator and period (lockStagedCells), so a plain insert of the new cells is safe
  // and much cheaper than a speculative insert for each of a million rows.
  await sql`
    update indicator_value v
    set value = c.value, comment = c.comment, path_at = c.path_at, level = c.level,
        entered_by = ${actor.userId}::int, entered_at = ${actor.at}::timestamptz, version = v.version + 1
    from changed_value c
    where c.existed
      and (v.indicator_id, v.period, v.unit_id, v.category) = (c.indicator_id, c.period, c.unit_id, c.category)`.execute(
    tx,
  );
  await sql`
    insert into indicator_value
      (indicator_id, period, unit_id, category, value, comment, path_at, level, entered_by, entered_at)
    select indicator_id, period, unit_id, category, value, comment, path_at, level, ${actor.userId}::int,
           ${actor.at}::timestamptz
    from changed_value
    where not existed`.execute(tx);
  return { count: Number(numAffectedRows ?? 0), sample: rows as ValueChange[] };
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
