import { createHash, randomBytes } from 'node:crypto';
import { appendAudit, type AuditActor } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database.ts';
import { AppError } from '../../platform/errors.ts';
import { type Access, buildAccess } from './access.ts';
import type { ServiceContext } from './context.ts';
import { assertStrongPassword, decoyPasswordHash, hashPassword, verifyPassword } from './password.ts';
import type { Role } from './permissions.ts';
import { findLiveSession, findUserByUsername, recordFailedLogin, scopePathsOf, storeNewPassword } from './queries.ts';

export const SESSION_HOURS = 12;
export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 15;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

type LoginDeps = { db: Db; clock: Clock; actor: AuditActor; userAgent: string | null };

export async function login(deps: LoginDeps, credentials: { username: string; password: string }) {
  const { db, clock, actor } = deps;
  const now = clock.now();
  const user = await findUserByUsername(db, credentials.username);
  const audit = (action: string, userId: number | null, after: unknown) =>
    db
      .transaction()
      .execute((tx) =>
        appendAudit(
          tx,
          { ...actor, userId, username: credentials.username },
          { action, entity: 'session', after },
          now,
        ),
      );

  if (!user) {
    await verifyPassword(await decoyPasswordHash(), credentials.password);
    await audit('auth.login_failed', null, { reason: 'unknown_user' });
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (user.locked_until && user.locked_until > now) {
    await audit('auth.login_refused', user.id, { reason: 'locked', lockedUntil: user.locked_until });
    throw new AppError('ACCOUNT_LOCKED', { until: user.locked_until.toISOString() });
  }
  const passwordOk = await verifyPassword(user.password_hash, credentials.password);
  if (!passwordOk) {
    const lockUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000);
    const result = await db.transaction().execute(async (tx) => {
      const updated = await recordFailedLogin(tx, user.id, LOCK_AFTER_FAILURES, lockUntil, now);
      await appendAudit(
        tx,
        { ...actor, userId: user.id, username: user.username },
        {
          action: 'auth.login_failed',
          entity: 'session',
          after: { reason: 'wrong_password', failedLogins: updated.failed_logins },
        },
        now,
      );
      return updated;
    });
    if (result.locked_until && result.locked_until > now) {
      throw new AppError('ACCOUNT_LOCKED', { until: result.locked_until.toISOString() });
    }
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (!user.active) {
    await audit('auth.login_refused', user.id, { reason: 'disabled' });
    throw new AppError('ACCOUNT_DISABLED');
  }

  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  await db.transaction().execute(async (tx) => {
    await tx.updateTable('app_user').set({ failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute();
    await tx
      .insertInto('user_session')
      .values({
        token_hash: hashToken(token),
        user_id: user.id,
        csrf_token: csrfToken,
        created_at: now,
        expires_at: expiresAt,
        client_ip: actor.clientIp,
        user_agent: deps.userAgent,
      })
      .execute();
    await appendAudit(
      tx,
      { ...actor, userId: user.id, username: user.username },
      {
        action: 'auth.login',
        entity: 'session',
        after: { expiresAt },
      },
      now,
    );
  });
  return { token, csrfToken, expiresAt };
}

export type ResolvedSession = {
  access: Access;
  csrfToken: string;
  displayName: string;
  locale: 'zh-CN' | 'en';
  tokenHash: string;
};

export async function resolveSession(db: Db, token: string, now: Date): Promise<ResolvedSession | undefined> {
  const tokenHash = hashToken(token);
  const session = await findLiveSession(db, tokenHash, now);
  if (!session || !session.active) return undefined;
  const scopePaths = await scopePathsOf(db, session.user_id);
  return {
    access: buildAccess({ id: session.user_id, username: session.username, role: session.role as Role }, scopePaths),
    csrfToken: session.csrf_token,
    displayName: session.display_name,
    locale: session.locale,
    tokenHash,
  };
}

export async function logout(ctx: ServiceContext, tokenHash: string): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    await tx.deleteFrom('user_session').where('token_hash', '=', tokenHash).execute();
    await appendAudit(tx, ctx.actor, { action: 'auth.logout', entity: 'session' }, ctx.clock.now());
  });
}

export async function changeOwnPassword(
  ctx: ServiceContext,
  options: { currentPassword: string; newPassword: string; keepSessionHash: string },
): Promise<void> {
  assertStrongPassword(options.newPassword, 'newPassword');
  const user = await ctx.db
    .selectFrom('app_user')
    .selectAll()
    .where('id', '=', ctx.access.userId)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, options.currentPassword))) {
    throw new AppError('CURRENT_PASSWORD_WRONG', {}, [
      { field: 'currentPassword', code: 'CURRENT_PASSWORD_WRONG', message: 'wrong password' },
    ]);
  }
  const passwordHash = await hashPassword(options.newPassword);
  await ctx.db.transaction().execute(async (tx) => {
    await storeNewPassword(tx, {
      userId: user.id,
      passwordHash,
      now: ctx.clock.now(),
      keepSessionHash: options.keepSessionHash,
    });
    await appendAudit(
      tx,
      ctx.actor,
      { action: 'auth.password_changed', entity: 'user', entityId: user.id },
      ctx.clock.now(),
    );
  });
}
