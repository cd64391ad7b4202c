import { sql } from 'kysely';
import type { Executor, Tx } from '../../platform/database.ts';
import type { AssessmentPeriod, DecisionStatus } from '../../platform/db-schema.ts';

export function insertScheme(
  tx: Tx,
  values: { unitId: number; code: string; year: number; name: string; definition: unknown; unitIds: number[] },
) {
  return tx
    .insertInto('assessment_scheme')
    .values({
      unit_id: values.unitId,
      code: values.code,
      year: values.year,
      name: values.name,
      definition: JSON.stringify(values.definition),
      assessed_unit_ids: values.unitIds,
    })
    .onConflict((oc) => oc.column('code').doNothing())
    .returning('id')
    .executeTakeFirst();
}

export function updateScheme(
  tx: Tx,
  id: string,
  values: { year: number; name: string; definition: unknown; unitIds: number[] },
) {
  return tx
    .updateTable('assessment_scheme')
    .set({
      year: values.year,
      name: values.name,
      definition: JSON.stringify(values.definition),
      assessed_unit_ids: values.unitIds,
      version: (eb) => eb('version', '+', 1),
    })
    .where('id', '=', id)
    .execute();
}

export function findScheme(db: Executor, id: string, forUpdate = false) {
  const query = db
    .selectFrom('assessment_scheme as s')
    .innerJoin('org_unit as u', 'u.id', 's.unit_id')
    .select([
      's.id',
      's.code',
      's.year',
      's.name',
      's.definition',
      's.assessed_unit_ids',
      's.version',
      's.unit_id',
      'u.code as unit_code',
      'u.name as unit_name',
      'u.path as unit_path',
    ])
    .where('s.id', '=', id);
  return (forUpdate ? query.forUpdate('s') : query).executeTakeFirst();
}
export type SchemeRow = NonNullable<Awaited<ReturnType<typeof findScheme>>>;

export function listSchemeRows(db: Executor, scope: readonly string[] | null) {
  let query = db
    .selectFrom('assessment_scheme as s')
    .innerJoin('org_unit as u', 'u.id', 's.unit_id')
    .select(['s.id'])
    .orderBy('s.year', 'desc')
    .orderBy('s.code');
  if (scope) query = query.where(sql<boolean>`u.path like any(${scope.map((p) => `${p}%`)}::text[])`);
  return query.execute();
}

export function unitsById(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('org_unit')
    .select(['id', 'code', 'name', 'path'])
    .where(sql<boolean>`id = any(${ids}::int[])`)
    .orderBy('code')
    .execute();
}

export function upsertIndicatorValue(
  tx: Tx,
  values: {
    schemeId: string;
    unitId: number;
    itemCode: string;
    period: AssessmentPeriod;
    actual: number | null;
    target: number;
  },
) {
  const row = {
    scheme_id: values.schemeId,
    unit_id: values.unitId,
    item_code: values.itemCode,
    period: values.period,
    actual: values.actual,
    target: values.target,
  };
  return tx
    .insertInto('assessment_indicator_value')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['scheme_id', 'unit_id', 'item_code', 'period'])
        .doUpdateSet({ actual: row.actual, target: row.target }),
    )
    .execute();
}

export function upsertEnteredScore(
  tx: Tx,
  values: { schemeId: string; unitId: number; itemCode: string; score: number; userId: number | null },
) {
  return tx
    .insertInto('assessment_entered_score')
    .values({
      scheme_id: values.schemeId,
      unit_id: values.unitId,
      item_code: values.itemCode,
      score: values.score,
      entered_by: values.userId,
    })
    .onConflict((oc) =>
      oc.columns(['scheme_id', 'unit_id', 'item_code']).doUpdateSet({ score: values.score, entered_by: values.userId }),
    )
    .execute();
}

export function insertVeto(
  tx: Tx,
  values: { schemeId: string; unitId: number; itemCode: string; on: string; reason: string; userId: number | null },
) {
  return tx
    .insertInto('assessment_veto')
    .values({
      scheme_id: values.schemeId,
      unit_id: values.unitId,
      item_code: values.itemCode,
      occurred_on: values.on,
      reason: values.reason,
      recorded_by: values.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function insertBonusClaim(
  tx: Tx,
  values: { schemeId: string; unitId: number; itemCode: string; points: number; reason: string; userId: number | null },
) {
  return tx
    .insertInto('assessment_bonus_claim')
    .values({
      scheme_id: values.schemeId,
      unit_id: values.unitId,
      item_code: values.itemCode,
      points: values.points,
      reason: values.reason,
      claimed_by: values.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

const filesOfOwner = (kind: string, ref: string) =>
  sql<
    { sha256: string; name: string }[]
  >`coalesce((select json_agg(json_build_object('sha256', f.sha256, 'name', f.file_name) order by f.file_name) from file_link f where f.owner_kind = ${kind} and f.owner_id = ${sql.ref(ref)}), '[]')`;

export function bonusClaims(db: Executor, schemeId: string, options: { id?: string; forUpdate?: boolean } = {}) {
  let query = db
    .selectFrom('assessment_bonus_claim as b')
    .innerJoin('org_unit as u', 'u.id', 'b.unit_id')
    .select(['b.id', 'b.unit_id', 'b.item_code', 'b.points', 'b.reason', 'b.status', 'b.decision_reason', 'b.version'])
    .select(['u.code as unit_code', 'u.name as unit_name', 'u.path as unit_path'])
    .select(filesOfOwner('bonus_claim', 'b.id').as('files'))
    .where('b.scheme_id', '=', schemeId)
    .orderBy('b.id');
  if (options.id) query = query.where('b.id', '=', options.id);
  return (options.forUpdate ? query.forUpdate('b') : query).execute();
}

export function exemptions(db: Executor, schemeId: string, options: { id?: string; forUpdate?: boolean } = {}) {
  let query = db
    .selectFrom('assessment_exemption as e')
    .innerJoin('org_unit as u', 'u.id', 'e.unit_id')
    .select([
      'e.id',
      'e.unit_id',
      'e.event_id',
      'e.reason',
      'e.reduce_points',
      'e.status',
      'e.decision_reason',
      'e.applied_at',
      'e.version',
    ])
    .select(['u.code as unit_code', 'u.name as unit_name', 'u.path as unit_path'])
    .select(filesOfOwner('exemption', 'e.id').as('files'))
    .where('e.scheme_id', '=', schemeId)
    .orderBy('e.id');
  if (options.id) query = query.where('e.id', '=', options.id);
  return (options.forUpdate ? query.forUpdate('e') : query).execute();
}

export function decide(
  tx: Tx,
  table: 'assessment_bonus_claim' | 'assessment_exemption',
  id: string,
  values: { status: DecisionStatus; reason: string; userId: number | null },
) {
  return tx
    .updateTable(table)
    .set({
      status: values.status,
      decision_reason: values.reason,
      decided_by: values.userId,
      version: (eb) => eb('version', '+', 1),
    })
    .where('id', '=', id)
    .execute();
}

export function insertExemption(
  tx: Tx,
  values: {
    schemeId: string;
    unitId: number;
    eventId: string;
    reason: string;
    reducePoints: number | null;
    userId: number | null;
    at: Date;
  },
) {
  return tx
    .insertInto('assessment_exemption')
    .values({
      scheme_id: values.schemeId,
      unit_id: values.unitId,
      event_id: values.eventId,
      reason: values.reason,
      reduce_points: values.reducePoints,
      applied_by: values.userId,
      applied_at: values.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function insertRun(
  tx: Tx,
  values: { schemeId: string; asOf: string; inputHash: string; results: unknown; at: Date },
) {
  return tx
    .insertInto('assessment_run')
    .values({
      scheme_id: values.schemeId,
      as_of: values.asOf,
      input_hash: values.inputHash,
      results: JSON.stringify(values.results),
      created_at: values.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function findRun(db: Executor, id: string, forUpdate = false) {
  const query = db.selectFrom('assessment_run').selectAll().where('id', '=', id);
  return (forUpdate ? query.forUpdate() : query).executeTakeFirst();
}
export type RunRow = NonNullable<Awaited<ReturnType<typeof findRun>>>;

export function runsOf(db: Executor, schemeId: string) {
  return db
    .selectFrom('assessment_run')
    .select(['id', 'scheme_id', 'as_of', 'input_hash', 'status', 'created_at', 'published_at', 'version'])
    .where('scheme_id', '=', schemeId)
    .orderBy('id', 'desc')
    .execute();
}

export function draftRunWithHash(db: Executor, schemeId: string, asOf: string, inputHash: string) {
  return db
    .selectFrom('assessment_run')
    .select('id')
    .where('scheme_id', '=', schemeId)
    .where('as_of', '=', asOf)
    .where('input_hash', '=', inputHash)
    .executeTakeFirst();
}

export function draftRuns(db: Executor, schemeId: string) {
  return db
    .selectFrom('assessment_run')
    .select(['id', 'as_of'])
    .where('scheme_id', '=', schemeId)
    .where('status', '=', 'draft')
    .execute();
}

export function updateRun(tx: Tx, id: string, values: { inputHash: string; results?: unknown; publishedAt?: Date }) {
  return tx
    .updateTable('assessment_run')
    .set({
      input_hash: values.inputHash,
      ...(values.results !== undefined ? { results: JSON.stringify(values.results) } : {}),
      ...(values.publishedAt ? { status: 'published' as const, published_at: values.publishedAt } : {}),
      version: (eb) => eb('version', '+', 1),
    })
    .where('id', '=', id)
    .execute();
}

// The records a run reads. A unit answers for what was led anywhere in its subtree: each row's path is
// split into the codes of its ancestors, and those are matched against the assessed units by a hash join.
const assessedAncestor = (pathColumn: string, unitIds: readonly number[]) =>
  sql`cross join lateral unnest(string_to_array(trim(both '/' from ${sql.ref(pathColumn)}), '/')) as segment(code)
    join org_unit a on a.code = segment.code and a.id = any(${unitIds}::int[])`;

export type Period = { from: string; to: string };

export async function taskOutcomes(db: Executor, unitIds: readonly number[], period: Period) {
  const result = await sql<{ unit_id: number; id: string; deadline: string; closed_on: string | null }>`
    select a.id as unit_id, t.id, t.deadline, t.closed_on
    from task t ${assessedAncestor('t.lead_unit_path', unitIds)}
    where t.deadline between ${period.from} and ${period.to} and t.status not in ('draft', 'cancelled')`.execute(db);
  return result.rows;
}

type SupervisionEventRow = { unit_id: number; id: string; kind: string; on: string; task_id: string; title: string };

/** Colour spells (yellow, red) and notices held against the units' tasks in the period: the deductions. */
export async function supervisionEvents(db: Executor, unitIds: readonly number[], period: Period) {
  const [spells, notices] = await Promise.all([
    sql<SupervisionEventRow>`
      select a.id as unit_id, h.id, h.colour as kind, h.on_day as on, t.id as task_id, t.title
      from task_colour_history h join task t on t.id = h.task_id ${assessedAncestor('t.lead_unit_path', unitIds)}
      where h.colour in ('yellow', 'red') and h.on_day between ${period.from} and ${period.to}`.execute(db),
    sql<SupervisionEventRow>`
      select a.id as unit_id, n.id, n.kind, n.issued_on as on, t.id as task_id, t.title
      from supervision_notice n join task t on t.id = n.task_id ${assessedAncestor('n.unit_path', unitIds)}
      where n.issued_on between ${period.from} and ${period.to}`.execute(db),
  ]);
  return [
    ...spells.rows.map((row) => ({ ...row, eventId: `colour:${row.id}` })),
    ...notices.rows.map((row) => ({ ...row, eventId: `notice:${row.id}` })),
  ];
}
export type EventRow = Awaited<ReturnType<typeof supervisionEvents>>[number];

export function approvedExemptions(db: Executor, schemeId: string) {
  return db
    .selectFrom('assessment_exemption')
    .select(['id', 'unit_id', 'event_id', 'reduce_points'])
    .where('scheme_id', '=', schemeId)
    .where('status', '=', 'approved')
    .execute();
}

export function approvedBonusClaims(db: Executor, schemeId: string) {
  return db
    .selectFrom('assessment_bonus_claim')
    .select(['id', 'unit_id', 'item_code', 'points'])
    .where('scheme_id', '=', schemeId)
    .where('status', '=', 'approved')
    .execute();
}

export function vetoEvents(db: Executor, schemeId: string, period: Period) {
  return db
    .selectFrom('assessment_veto')
    .select(['id', 'unit_id', 'item_code', 'occurred_on'])
    .where('scheme_id', '=', schemeId)
    .where('occurred_on', '>=', period.from)
    .where('occurred_on', '<=', period.to)
    .execute();
}

export function enteredScores(db: Executor, schemeId: string) {
  return db
    .selectFrom('assessment_entered_score')
    .select(['unit_id', 'item_code', 'score'])
    .where('scheme_id', '=', schemeId)
    .execute();
}

export function storedIndicatorValues(db: Executor, schemeId: string) {
  return db
    .selectFrom('assessment_indicator_value')
    .select(['unit_id', 'item_code', 'period', 'actual', 'target'])
    .where('scheme_id', '=', schemeId)
    .execute();
}

/** What assessors entered against a scheme (indicator values, scores, vetoes), each with its unit. */
export function schemeEntries(db: Executor, schemeId: string) {
  const unitColumns = ['u.code as unit_code', 'u.name as unit_name', 'u.path as unit_path'] as const;
  return Promise.all([
    db
      .selectFrom('assessment_indicator_value as v')
      .innerJoin('org_unit as u', 'u.id', 'v.unit_id')
      .select(['v.item_code', 'v.period', 'v.actual', 'v.target', ...unitColumns])
      .where('v.scheme_id', '=', schemeId)
      .orderBy('u.code')
      .orderBy('v.item_code')
      .orderBy('v.period')
      .execute(),
    db
      .selectFrom('assessment_entered_score as e')
      .innerJoin('org_unit as u', 'u.id', 'e.unit_id')
      .select(['e.item_code', 'e.score', ...unitColumns])
      .where('e.scheme_id', '=', schemeId)
      .orderBy('u.code')
      .orderBy('e.item_code')
      .execute(),
    db
      .selectFrom('assessment_veto as v')
      .innerJoin('org_unit as u', 'u.id', 'v.unit_id')
      .select(['v.id', 'v.item_code', 'v.occurred_on', 'v.reason', ...unitColumns])
      .where('v.scheme_id', '=', schemeId)
      .orderBy('v.id')
      .execute(),
  ]);
}
