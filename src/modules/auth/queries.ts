import { sql } from 'kysely';
import type { Executor } from '../../platform/database.ts';

export function findUserByUsername(db: Executor, username: string) {
  return db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function scopePathsOf(db: Executor, userId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('user_scope')
    .innerJoin('org_unit', 'org_unit.id', 'user_scope.unit_id')
    .select('org_unit.path')
    .where('user_scope.user_id', '=', userId)
    .execute();
  return rows.map((r) => r.path);
}

export function findLiveSession(db: Executor, tokenHash: string, now: Date) {
  return db
    .selectFrom('user_session')
    .innerJoin('app_user', 'app_user.id', 'user_session.user_id')
    .select([
      'user_session.token_hash',
      'user_session.csrf_token',
      'user_session.expires_at',
      'app_user.id as user_id',
      'app_user.username',
      'app_user.display_name',
      'app_user.role',
      'app_user.locale',
      'app_user.active',
    ])
    .where('user_session.token_hash', '=', tokenHash)
    .where('user_session.expires_at', '>', now)
    .executeTakeFirst();
}

/**
 * Counts one more failure and locks the account when the count reaches lockAfter. A lock that has expired
 * starts a fresh count: otherwise the first wrong password after a lockout would lock the account again.
 */
export async function recordFailedLogin(db: Executor, userId: number, lockAfter: number, lockUntil: Date, now: Date) {
  const previous = sql<number>`case when locked_until is not null and locked_until <= ${now}::timestamptz then 0 else failed_logins end`;
  return db
    .updateTable('app_user')
    .set({
      failed_logins: sql`${previous} + 1`,
      locked_until: sql`case when ${previous} + 1 >= ${lockAfter} then ${lockUntil}::timestamptz
        when locked_until <= ${now}::timestamptz then null else locked_until end`,
    })
    .where('id', '=', userId)
    .returning(['failed_logins', 'locked_until'])
    .executeTakeFirstOrThrow();
}

/**
 * Stores a new password hash, lifts any lockout and ends the user's sessions but `keepSessionHash` (the
 * caller's own, when users change their own password): other sessions may belong to whoever knew the old one.
 */
export async function storeNewPassword(
  db: Executor,
  options: { userId: number; passwordHash: string; now: Date; keepSessionHash?: string },
) {
  await db
    .updateTable('app_user')
    .set({
      password_hash: options.passwordHash,
      failed_logins: 0,
      locked_until: null,
      password_changed_at: options.now,
      version: (eb) => eb('version', '+', 1),
    })
    .where('id', '=', options.userId)
    .execute();
  let sessions = db.deleteFrom('user_session').where('user_id', '=', options.userId);
  if (options.keepSessionHash) sessions = sessions.where('token_hash', '!=', options.keepSessionHash);
  await sessions.execute();
}
