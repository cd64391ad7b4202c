import { sql } from 'kysely';
import type { Tx } from '../../platform/database.ts';

export function nodeForUpdate(tx: Tx, id: string) {
  return tx
    .selectFrom('plan_node')
    .select(['id', 'plan_id', 'parent_id', 'number', 'title', 'position', 'version'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** The node and every node under it, at any depth. */
export async function subtreeIds(tx: Tx, id: string): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    with recursive subtree as (
      select id from plan_node where id = ${id}
      union all
      select n.id from plan_node n join subtree s on n.parent_id = s.id
    )
    select id from subtree`.execute(tx);
  return rows.rows.map((row) => String(row.id));
}

export async function taskCountUnder(tx: Tx, nodeIds: readonly string[]): Promise<number> {
  const row = await tx
    .selectFrom('task')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('plan_node_id', 'in', nodeIds)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Makes room in front of `position` in the plan's ordering, so a moved node can take that place. */
export function shiftFrom(tx: Tx, planId: string, position: number) {
  return tx
    .updateTable('plan_node')
    .set({ position: (eb) => eb('position', '+', 1) })
    .where('plan_id', '=', planId)
    .where('position', '>=', position)
    .execute();
}

export async function lastPosition(tx: Tx, planId: string): Promise<number> {
  const row = await tx
    .selectFrom('plan_node')
    .select(sql<number>`coalesce(max(position), 0)`.as('last'))
    .where('plan_id', '=', planId)
    .executeTakeFirstOrThrow();
  return Number(row.last);
}

export function placeNode(tx: Tx, id: string, values: { parentId: string | null; position: number }) {
  return tx
    .updateTable('plan_node')
    .set({ parent_id: values.parentId, position: values.position, version: (eb) => eb('version', '+', 1) })
    .where('id', '=', id)
    .execute();
}

/** Deletes the node; its descendants go with it (the foreign key cascades). */
export function deleteNode(tx: Tx, id: string) {
  return tx.deleteFrom('plan_node').where('id', '=', id).execute();
}
