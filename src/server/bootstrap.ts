import { randomBytes } from 'node:crypto';
import { appendAudit } from '../platform/audit.ts';
import type { Db } from '../platform/database.ts';
import { hashPassword, isStrongPassword } from '../modules/auth/password.ts';
import { systemActor } from '../modules/auth/context.ts';

export const INITIAL_ADMIN = 'admin';

/** 96 random bits, drawn again in the rare case the text lacks a letter or a digit the policy asks for. */
function generatePassword(): string {
  for (;;) {
    const candidate = randomBytes(12).toString('base64url');
    if (isStrongPassword(candidate)) return candidate;
  }
}

/**
 * Creates the first administrator on an empty database. The password comes from BIHUAN_ADMIN_PASSWORD, or
 * is generated and returned so the caller prints it once; it is never stored anywhere but as a hash.
 */
export async function ensureInitialAdmin(db: Db, configured: string | undefined): Promise<string | undefined> {
  const existing = await db.selectFrom('app_user').select('id').limit(1).executeTakeFirst();
  if (existing) return undefined;
  if (configured !== undefined && !isStrongPassword(configured)) {
    throw new Error('BIHUAN_ADMIN_PASSWORD needs at least 8 characters with both letters and digits');
  }
  const password = configured ?? generatePassword();
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (tx) => {
    const created = await tx
      .insertInto('app_user')
      .values({ username: INITIAL_ADMIN, display_name: '系统管理员', password_hash: passwordHash, role: 'admin' })
      .onConflict((oc) => oc.column('username').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (created) {
      await appendAudit(tx, systemActor(), {
        action: 'user.created',
        entity: 'user',
        entityId: created.id,
        after: { username: INITIAL_ADMIN, role: 'admin' },
      });
    }
  });
  return configured === undefined ? password : undefined;
}
