import { appendAudit } from '../../platform/audit.ts';
import type { Tx } from '../../platform/database.ts';
import { AppError } from '../../platform/errors.ts';
import { authorize, pathInScope } from '../auth/access.ts';
import type { ServiceContext } from '../auth/context.ts';
import { assertStrongPassword, hashPassword } from '../auth/password.ts';
import { storeNewPassword } from '../auth/queries.ts';
import type { Role } from '../auth/permissions.ts';
import { normalizeUnitCode } from '../org/codes.ts';
import { presentUser } from './presenter.ts';
import { listUsers, unitsByCodesForScope } from './queries.ts';

export async function findUsers(ctx: ServiceContext, options: { q?: string }) {
  authorize(ctx.access, 'users.read');
  const rows = await listUsers(ctx.db, { text: options.q, scopePaths: ctx.access.scopePaths });
  return rows.map(presentUser);
}

export async function getUser(ctx: ServiceContext, options: { id: number }) {
  authorize(ctx.access, 'users.read');
  const [row] = await listUsers(ctx.db, { id: options.id, scopePaths: ctx.access.scopePaths });
  if (!row) throw new AppError('USER_NOT_FOUND', { username: String(options.id) });
  return presentUser(row);
}

/**
 * Resolves scope codes to units, each of which must exist, be active and lie within the caller's scope.
 * A problem names its position in the request's list (the same unit may be written twice, short and full).
 */
async function resolveScopes(tx: Tx, ctx: ServiceContext, codes: string[]) {
  const normalized = codes.map(normalizeUnitCode);
  const units = await unitsByCodesForScope(tx, [...new Set(normalized)]);
  for (const [index, code] of normalized.entries()) {
    const field = `scopes.${index}`;
    const unit = units.find((u) => u.code === code);
    if (!unit) {
      throw new AppError('ORG_UNIT_NOT_FOUND', { code }, [{ field, code: 'ORG_UNIT_NOT_FOUND', message: code }]);
    }
    if (unit.ended_on !== null) {
      throw new AppError('ORG_UNIT_ENDED', { code, date: unit.ended_on }, [
        { field, code: 'ORG_UNIT_ENDED', message: code },
      ]);
    }
    if (!pathInScope(ctx.access, unit.path)) {
      throw new AppError('OUT_OF_SCOPE', { code }, [{ field, code: 'OUT_OF_SCOPE', message: code }]);
    }
  }
  return units;
}

function usernameTaken(username: string) {
  return new AppError('USERNAME_TAKEN', { username }, [
    { field: 'username', code: 'USERNAME_TAKEN', message: username },
  ]);
}

export async function createUser(
  ctx: ServiceContext,
  options: {
    username: string;
    displayName: string;
    password: string;
    role: Role;
    locale: 'zh-CN' | 'en';
    scopes: string[];
  },
) {
  authorize(ctx.access, 'users.manage');
  assertStrongPassword(options.password);
  const passwordHash = await hashPassword(options.password);
  const id = await ctx.db.transaction().execute(async (tx) => {
    const taken = await tx
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', options.username)
      .executeTakeFirst();
    if (taken) throw usernameTaken(options.username);
    const units = await resolveScopes(tx, ctx, options.scopes);
    const created = await tx
      .insertInto('app_user')
      .values({
        username: options.username,
        display_name: options.displayName,
        password_hash: passwordHash,
        role: options.role,
        locale: options.locale,
      })
      // A concurrent request that took the name first lands here rather than in a unique-key error.
      .onConflict((oc) => oc.column('username').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!created) throw usernameTaken(options.username);
    if (units.length > 0) {
      await tx
        .insertInto('user_scope')
        .values(units.map((u) => ({ user_id: created.id, unit_id: u.id })))
        .execute();
    }
    await appendAudit(
      tx,
      ctx.actor,
      {
        action: 'user.created',
        entity: 'user',
        entityId: created.id,
        unitPath: units[0]?.path ?? null,
        after: {
          username: options.username,
          displayName: options.displayName,
          role: options.role,
          scopes: units.map((u) => u.code),
        },
      },
      ctx.clock.now(),
    );
    return created.id;
  });
  return getUser(ctx, { id });
}

function sameCodes(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((code) => b.includes(code));
}

export async function updateUser(
  ctx: ServiceContext,
  options: {
    id: number;
    version: number;
    displayName?: string;
    role?: Role;
    locale?: 'zh-CN' | 'en';
    active?: boolean;
    scopes?: string[];
  },
) {
  authorize(ctx.access, 'users.manage');
  const before = await getUser(ctx, { id: options.id });
  if (
    options.id === ctx.access.userId &&
    ((options.role && options.role !== before.role) || options.active === false)
  ) {
    throw new AppError('CANNOT_CHANGE_OWN_ROLE');
  }
  await ctx.db.transaction().execute(async (tx) => {
    const updated = await tx
      .updateTable('app_user')
      .set({
        display_name: options.displayName ?? before.displayName,
        role: options.role ?? before.role,
        locale: options.locale ?? before.locale,
        active: options.active ?? before.active,
        version: (eb) => eb('version', '+', 1),
      })
      .where('id', '=', options.id)
      .where('version', '=', options.version)
      .returning('version')
      .executeTakeFirst();
    if (!updated) throw new AppError('VERSION_CONFLICT', { current: before.version });
    const scopeCodesBefore = before.scopes.map((s) => s.code);
    let scopeCodes = scopeCodesBefore;
    if (options.scopes) {
      const units = await resolveScopes(tx, ctx, options.scopes);
      await tx.deleteFrom('user_scope').where('user_id', '=', options.id).execute();
      if (units.length > 0) {
        await tx
          .insertInto('user_scope')
          .values(units.map((u) => ({ user_id: options.id, unit_id: u.id })))
          .execute();
      }
      scopeCodes = units.map((u) => u.code);
    }
    const rightsChanged =
      (options.role !== undefined && options.role !== before.role) ||
      (options.active === false && before.active) ||
      (options.scopes !== undefined && !sameCodes(scopeCodes, scopeCodesBefore));
    if (rightsChanged) {
      // Rights changed: existing sessions must not keep the old ones.
      await tx.deleteFrom('user_session').where('user_id', '=', options.id).execute();
    }
    await appendAudit(
      tx,
      ctx.actor,
      {
        action: 'user.updated',
        entity: 'user',
        entityId: options.id,
        before: {
          displayName: before.displayName,
          role: before.role,
          locale: before.locale,
          active: before.active,
          scopes: before.scopes.map((s) => s.code),
          version: before.version,
        },
        after: {
          displayName: options.displayName ?? before.displayName,
          role: options.role ?? before.role,
          locale: options.locale ?? before.locale,
          active: options.active ?? before.active,
          scopes: scopeCodes,
          version: updated.version,
        },
      },
      ctx.clock.now(),
    );
  });
  return getUser(ctx, { id: options.id });
}

/** Sets a new password, clears any lockout and ends the user's sessions. */
export async function resetPassword(ctx: ServiceContext, options: { id: number; newPassword: string }) {
  authorize(ctx.access, 'users.manage');
  const user = await getUser(ctx, options);
  assertStrongPassword(options.newPassword, 'newPassword');
  const passwordHash = await hashPassword(options.newPassword);
  await ctx.db.transaction().execute(async (tx) => {
    await storeNewPassword(tx, { userId: user.id, passwordHash, now: ctx.clock.now() });
    await appendAudit(
      tx,
      ctx.actor,
      {
        action: 'user.password_reset',
        entity: 'user',
        entityId: user.id,
        after: { username: user.username },
      },
      ctx.clock.now(),
    );
  });
}

export async function findUserIdByUsername(ctx: ServiceContext, username: string): Promise<number> {
  authorize(ctx.access, 'users.read');
  const row = await ctx.db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirst();
  if (!row) throw new AppError('USER_NOT_FOUND', { username });
  return row.id;
}
