import { sql } from 'kysely';
import type { Executor, Tx } from '../../platform/database.ts';
import { escapeLike } from '../tasks/queries.ts';

const inScope = (column: string, scope: readonly string[] | null) =>
  scope === null
    ? sql<boolean>`true`
    : sql<boolean>`${sql.ref(column)} like any(${scope.map((p) => `${escapeLike(p)}%`)}::text[])`;

export function insertDecision(
  tx: Tx,
  values: {
    unitId: number;
    kind: 'meeting' | 'document';
    title: string;
    decidedOn: string;
    body: string;
    userId: number | null;
    at: Date;
  },
) {
  return tx
    .insertInto('decision')
    .values({
      unit_id: values.unitId,
      kind: values.kind,
      title: values.title,
      decided_on: values.decidedOn,
      body: values.body,
      created_by: values.userId,
      created_at: values.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function decisions(db: Executor, options: { scope: string[] | null; unitPath?: string; id?: string }) {
  let query = db
    .selectFrom('decision as d')
    .innerJoin('org_unit as u', 'u.id', 'd.unit_id')
    .select([
      'd.id',
      'd.kind',
      'd.title',
      'd.decided_on',
      'd.body',
      'u.code as unit_code',
      'u.name as unit_name',
      'u.path as unit_path',
    ])
    .where(inScope('u.path', options.scope))
    .orderBy('d.decided_on', 'desc')
    .orderBy('d.id', 'desc')
    .limit(500);
  if (options.unitPath) query = query.where('u.path', 'like', `${escapeLike(options.unitPath)}%`);
  if (options.id) query = query.where('d.id', '=', options.id);
  return query.execute();
}

export type DecisionRow = Awaited<ReturnType<typeof decisions>>[number];

/** What came of each decision (at least one): the plan nodes it created or amended and the tasks issued from it. */
export function decisionOutcomes(db: Executor, ids: readonly string[]) {
  return Promise.all([
    db
      .selectFrom('plan_node')
      .select(['id', 'plan_id', 'number', 'title', 'decision_id'])
      .where('decision_id', 'in', ids)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('task')
      .select(['id', 'title', 'status', 'decision_id'])
      .where('decision_id', 'in', ids)
      .where('status', '<>', 'draft')
      .orderBy('id')
      .execute(),
  ]);
}

export function insertPlan(
  tx: Tx,
  values: {
    unitId: number;
    title: string;
    framework: string | null;
    description: string;
    decisionId: string | null;
    at: Date;
  },
) {
  return tx
    .insertInto('plan')
    .values({
      unit_id: values.unitId,
      title: values.title,
      framework: values.framework,
      description: values.description,
      decision_id: values.decisionId,
      created_at: values.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function plans(db: Executor, options: { scope: string[] | null; unitPath?: string; id?: string }) {
  let query = db
    .selectFrom('plan as p')
    .innerJoin('org_unit as u', 'u.id', 'p.unit_id')
    .select([
      'p.id',
      'p.title',
      'p.framework',
      'p.description',
      'p.decision_id',
      'p.version',
      'u.code as unit_code',
      'u.name as unit_name',
      'u.path as unit_path',
    ])
    .where(inScope('u.path', options.scope))
    .orderBy('p.id');
  if (options.unitPath) query = query.where('u.path', 'like', `${escapeLike(options.unitPath)}%`);
  if (options.id) query = query.where('p.id', '=', options.id);
  return query.execute();
}
export type PlanRow = Awaited<ReturnType<typeof plans>>[number];

export function nodesOf(db: Executor, planId: string) {
  return db
    .selectFrom('plan_node as n')
    .select([
      'n.id',
      'n.parent_id',
      'n.number',
      'n.title',
      'n.description',
      'n.owner_unit_ids',
      'n.indicator_codes',
      'n.yearly_targets',
      'n.decision_id',
      'n.version',
    ])
    .select(
      sql<number>`(select count(*)::int from task t where t.plan_node_id = n.id and t.status <> 'draft')`.as(
        'task_count',
      ),
    )
    .where('n.plan_id', '=', planId)
    .orderBy('n.position')
    .orderBy('n.id')
    .execute();
}
export type NodeRow = Awaited<ReturnType<typeof nodesOf>>[number];

export function nodeForUpdate(tx: Tx, id: string) {
  return tx.selectFrom('plan_node').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export type NodeValues = {
  number: string;
  title: string;
  description: string;
  ownerUnitIds: number[];
  indicatorCodes: string[];
  yearlyTargets: Record<string, string>;
  decisionId: string | null;
};

function columns(values: NodeValues) {
  return {
    number: values.number,
    title: values.title,
    description: values.description,
    owner_unit_ids: values.ownerUnitIds,
    indicator_codes: values.indicatorCodes,
    yearly_targets: JSON.stringify(values.yearlyTargets),
    decision_id: values.decisionId,
  };
}

export async function insertNode(tx: Tx, planId: string, parentId: string | null, values: NodeValues) {
  const position = await tx
    .selectFrom('plan_node')
    .select(sql<number>`coalesce(max(position), 0) + 1`.as('next'))
    .where('plan_id', '=', planId)
    .executeTakeFirstOrThrow();
  return tx
    .insertInto('plan_node')
    .values({ plan_id: planId, parent_id: parentId, position: position.next, ...columns(values) })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function updateNode(tx: Tx, id: string, values: NodeValues) {
  return tx
    .updateTable('plan_node')
    .set({ ...columns(values), version: (eb) => eb('version', '+', 1) })
    .where('id', '=', id)
    .execute();
}

export function decisionExists(db: Executor, id: string) {
  return db.selectFrom('decision').select('id').where('id', '=', id).executeTakeFirst();
}
