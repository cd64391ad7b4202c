import { AppError } from '../../platform/errors.ts';
import { hasGlobalScope, type Permission, type Role, rolePermissions } from './permissions.ts';

/** What the current user may do and where: the first argument of every service call. */
export type Access = {
  userId: number;
  username: string;
  role: Role;
  permissions: ReadonlySet<Permission>;
  /** Org paths ('/140000000000/140900000000/') the user may act in, with everything below them. */
  scopePaths: readonly string[];
};

/** The tree's root path: every unit's path starts with it. */
export const ROOT_PATH = '/';

export function buildAccess(user: { id: number; username: string; role: Role }, scopePaths: string[]): Access {
  return {
    userId: user.id,
    username: user.username,
    role: user.role,
    permissions: new Set(rolePermissions[user.role]),
    scopePaths: hasGlobalScope(user.role) ? [ROOT_PATH] : scopePaths,
  };
}

export function can(access: Access, permission: Permission): boolean {
  return access.permissions.has(permission);
}

export function assertCan(access: Access, permission: Permission): void {
  if (!can(access, permission)) throw new AppError('PERMISSION_DENIED', { permission });
}

export function pathInScope(access: Access, path: string): boolean {
  return access.scopePaths.some((scope) => path.startsWith(scope));
}

export function assertInScope(access: Access, unit: { code: string; path: string }): void {
  if (!pathInScope(access, unit.path)) throw new AppError('OUT_OF_SCOPE', { code: unit.code });
}

/** Checks the permission first, then the unit: the order every service method follows. */
export function authorize(access: Access, permission: Permission, unit?: { code: string; path: string }): void {
  assertCan(access, permission);
  if (unit) assertInScope(access, unit);
}
