import { appendAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { pathInScope } from '../auth/access.ts';
import type { ServiceContext } from '../auth/context.ts';
import { findNotification, inbox, markRead, unreadCount, unreadIdsInScope } from './queries.ts';

function scopeOf(ctx: ServiceContext): string[] | null {
  return ctx.access.scopePaths.includes('/') ? null : [...ctx.access.scopePaths];
}

/** An account's inbox: what was sent to the units in its scope. Read marks are the account's own. */
export async function listInbox(ctx: ServiceContext, options: { unreadOnly: boolean; limit: number }) {
  const [rows, unread] = await Promise.all([
    inbox(ctx.db, { scope: scopeOf(ctx), userId: ctx.access.userId, ...options }),
    unreadCount(ctx.db, { scope: scopeOf(ctx), userId: ctx.access.userId }),
  ]);
  return {
    unread,
    items: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      taskId: row.task_id,
      title: row.title,
      body: row.body,
      unit: { code: row.unit_code, name: row.unit_name },
      createdAt: new Date(row.created_at).toISOString(),
      read: row.read_at !== null,
    })),
  };
}

export async function countUnread(ctx: ServiceContext) {
  return { unread: await unreadCount(ctx.db, { scope: scopeOf(ctx), userId: ctx.access.userId }) };
}

/** Marks one notification, or with no id every unread one in scope, as read by the caller. */
export async function markNotificationsRead(ctx: ServiceContext, options: { id?: string | undefined }) {
  let ids: string[];
  if (options.id) {
    const row = await findNotification(ctx.db, options.id);
    if (!row || !pathInScope(ctx.access, row.unit_path))
      throw new AppError('NOTIFICATION_NOT_FOUND', { id: options.id });
    ids = [row.id];
  } else {
    ids = await unreadIdsInScope(ctx.db, { scope: scopeOf(ctx), userId: ctx.access.userId });
  }
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    await markRead(tx, { ids, userId: ctx.access.userId, at: now });
    await appendAudit(
      tx,
      ctx.actor,
      { action: 'notification.read', entity: 'notification', after: { count: ids.length } },
      now,
    );
  });
  return countUnread(ctx);
}
