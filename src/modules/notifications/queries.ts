import { sql } from 'kysely';
import type { Executor, Tx } from '../../platform/database.ts';
import { escapeLike } from '../tasks/queries.ts';

export type NewNotification = {
  unitId: number;
  unitPath: string;
  kind: string;
  taskId: string | null;
  title: string;
  body?: string;
  sourceKey: string | null;
  at: Date;
};

/**
 * Inserts into units' inboxes; a notification with a source key is delivered once. The rows travel as one
 * array per column, so a pass that warns tens of thousands of units is one short statement, not thousands
 * of bound parameters.
 */
export async function insertNotifications(tx: Executor, rows: readonly NewNotification[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    insert into notification (unit_id, unit_path, kind, task_id, title, body, source_key, created_at)
    select * from unnest(${rows.map((n) => n.unitId)}::integer[], ${rows.map((n) => n.unitPath)}::text[],
      ${rows.map((n) => n.kind)}::text[], ${rows.map((n) => n.taskId)}::bigint[], ${rows.map((n) => n.title)}::text[],
      ${rows.map((n) => n.body ?? '')}::text[], ${rows.map((n) => n.sourceKey)}::text[],
      ${rows.map((n) => n.at)}::timestamptz[])
    on conflict (source_key) do nothing`.execute(tx);
}

function inScope(scope: readonly string[] | null) {
  if (scope === null) return sql<boolean>`true`;
  return sql<boolean>`n.unit_path like any(${scope.map((p) => `${escapeLike(p)}%`)}::text[])`;
}

function unreadBy(userId: number) {
  return sql<boolean>`not exists (select 1 from notification_read r where r.notification_id = n.id and r.user_id = ${userId})`;
}

/** The inbox of an account: notifications to units in its scope, newest first, with its own read marks. */
export function inbox(
  db: Executor,
  options: { scope: string[] | null; userId: number; unreadOnly: boolean; limit: number },
) {
  let query = db
    .selectFrom('notification as n')
    .innerJoin('org_unit as u', 'u.id', 'n.unit_id')
    .leftJoin('notification_read as r', (join) =>
      join.onRef('r.notification_id', '=', 'n.id').on('r.user_id', '=', options.userId),
    )
    .select([
      'n.id',
      'n.kind',
      'n.task_id',
      'n.title',
      'n.body',
      'n.created_at',
      'u.code as unit_code',
      'u.name as unit_name',
      'r.read_at',
    ])
    .where(inScope(options.scope));
  if (options.unreadOnly) query = query.where('r.read_at', 'is', null);
  return query.orderBy('n.created_at', 'desc').orderBy('n.id', 'desc').limit(options.limit).execute();
}
export type InboxRow = Awaited<ReturnType<typeof inbox>>[number];

export async function unreadCount(db: Executor, options: { scope: string[] | null; userId: number }) {
  const row = await db
    .selectFrom('notification as n')
    .select(sql<number>`count(*)::int`.as('count'))
    .where(inScope(options.scope))
    .where(unreadBy(options.userId))
    .executeTakeFirstOrThrow();
  return row.count;
}

export function findNotification(db: Executor, id: string) {
  return db.selectFrom('notification').select(['id', 'unit_path']).where('id', '=', id).executeTakeFirst();
}

export function markRead(tx: Tx, options: { ids: readonly string[]; userId: number; at: Date }) {
  if (options.ids.length === 0) return Promise.resolve();
  return tx
    .insertInto('notification_read')
    .values(options.ids.map((id) => ({ notification_id: id, user_id: options.userId, read_at: options.at })))
    .onConflict((oc) => oc.doNothing())
    .execute()
    .then(() => undefined);
}

export function unreadIdsInScope(db: Executor, options: { scope: string[] | null; userId: number }) {
  return db
    .selectFrom('notification as n')
    .select('n.id')
    .where(inScope(options.scope))
    .where(unreadBy(options.userId))
    .execute()
    .then((rows) => rows.map((r) => r.id));
}
