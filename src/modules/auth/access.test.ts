import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { type Access, authorize, buildAccess, can, pathInScope, ROOT_PATH } from './access.ts';
import { type Permission, permissions, type Role, rolePermissions, roles } from './permissions.ts';

const SHANXI = '/140000000000/';
const XINZHOU = '/140000000000/140900000000/';
const KELAN = '/140000000000/140900000000/140929000000/';
const KELAN_TOWNSHIP = `${KELAN}140929100000/`;
const KELAN_VILLAGE = `${KELAN_TOWNSHIP}140929100201/`;
const XINFU = '/140000000000/140900000000/140902000000/';
const XINFU_VILLAGE = `${XINFU}140902001000/140902001001/`;
/** Starts with Kelan's code but is another unit: only the trailing slash keeps it out. */
const PREFIX_TRAP = '/140000000000/140900000000/1409290000001/';

function accessFor(role: Role, scopePaths: string[] = []): Access {
  return buildAccess({ id: 7, username: `${role}-user`, role }, scopePaths);
}

function caught(action: () => void): AppError {
  try {
    action();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('buildAccess', () => {
  it('gives an administrator the root path whatever scopes are stored', () => {
    expect(accessFor('admin').scopePaths).toEqual([ROOT_PATH]);
    expect(accessFor('admin', [KELAN]).scopePaths).toEqual([ROOT_PATH]);
    expect(ROOT_PATH).toBe('/');
  });

  it.each(roles.filter((r) => r !== 'admin'))('keeps the assigned scopes of a %s (and none means none)', (role) => {
    expect(accessFor(role, [KELAN, XINFU]).scopePaths).toEqual([KELAN, XINFU]);
    expect(accessFor(role).scopePaths).toEqual([]);
  });

  it.each(roles)('grants a %s exactly the permissions of its role', (role) => {
    const access = accessFor(role);
    expect([...access.permissions].sort()).toEqual([...rolePermissions[role]].sort());
    expect(access).toMatchObject({ userId: 7, username: `${role}-user`, role });
  });
});

describe('can', () => {
  const table: [Role, Permission, boolean][] = [
    ['admin', 'org.read', true],
    ['admin', 'org.manage', true],
    ['admin', 'users.read', true],
    ['admin', 'users.manage', true],
    ['admin', 'audit.read', true],
    ['auditor', 'audit.read', true],
    ['auditor', 'org.read', true],
    ['auditor', 'org.manage', false],
    ['auditor', 'users.read', false],
    ['clerk', 'org.read', true],
    ['clerk', 'org.manage', false],
    ['clerk', 'users.manage', false],
    ['clerk', 'audit.read', false],
    ['leader', 'audit.read', false],
    ['supervisor', 'users.read', false],
    ['staff', 'org.manage', false],
  ];
  it.each(table)('%s may %s: %s', (role, permission, expected) => {
    expect(can(accessFor(role), permission)).toBe(expected);
  });

  it('only administrators hold every permission, and every role may at least read the tree', () => {
    for (const role of roles) {
      const access = accessFor(role);
      expect(permissions.every((p) => can(access, p))).toBe(role === 'admin');
      expect(can(access, 'org.read')).toBe(true);
    }
  });
});

describe('pathInScope', () => {
  const admin = accessFor('admin');
  const kelanClerk = accessFor('clerk', [KELAN]);
  const twoCounties = accessFor('clerk', [KELAN, XINFU]);
  const nobody = accessFor('clerk');
  const table: [string, Access, string, boolean][] = [
    ['admin, province', admin, SHANXI, true],
    ['admin, Xinfu village', admin, XINFU_VILLAGE, true],
    ['admin, the root itself', admin, ROOT_PATH, true],
    ['Kelan clerk, Kelan itself', kelanClerk, KELAN, true],
    ['Kelan clerk, Kelan township', kelanClerk, KELAN_TOWNSHIP, true],
    ['Kelan clerk, Kelan village', kelanClerk, KELAN_VILLAGE, true],
    ['Kelan clerk, Xinfu', kelanClerk, XINFU, false],
    ['Kelan clerk, Xinfu village', kelanClerk, XINFU_VILLAGE, false],
    ['Kelan clerk, the city above', kelanClerk, XINZHOU, false],
    ['Kelan clerk, the province above', kelanClerk, SHANXI, false],
    ['Kelan clerk, the root', kelanClerk, ROOT_PATH, false],
    ['Kelan clerk, a sibling code sharing the prefix', kelanClerk, PREFIX_TRAP, false],
    ['two counties, Kelan village', twoCounties, KELAN_VILLAGE, true],
    ['two counties, Xinfu village', twoCounties, XINFU_VILLAGE, true],
    ['two counties, the city', twoCounties, XINZHOU, false],
    ['no scope, Kelan', nobody, KELAN, false],
    ['no scope, the root', nobody, ROOT_PATH, false],
  ];
  it.each(table)('%s', (_, access, path, expected) => {
    expect(pathInScope(access, path)).toBe(expected);
  });
});

describe('authorize', () => {
  const kelanClerk = accessFor('clerk', [KELAN]);
  const kelanAuditor = accessFor('auditor', [KELAN]);
  const kelanVillage = { code: '140929100201', path: KELAN_VILLAGE };
  const xinfu = { code: '140902000000', path: XINFU };
  const trap = { code: '1409290000001', path: PREFIX_TRAP };

  it('passes a permitted action inside the scope, with or without a unit', () => {
    expect(() => authorize(kelanClerk, 'org.read', kelanVillage)).not.toThrow();
    expect(() => authorize(kelanClerk, 'org.read')).not.toThrow();
    expect(() => authorize(accessFor('admin'), 'users.manage', xinfu)).not.toThrow();
  });

  it('refuses a missing permission with PERMISSION_DENIED naming it (403)', () => {
    const error = caught(() => authorize(kelanClerk, 'users.manage'));
    expect(error.code).toBe('PERMISSION_DENIED');
    expect(error.status).toBe(403);
    expect(error.params).toEqual({ permission: 'users.manage' });
  });

  it('refuses a unit outside the scope with OUT_OF_SCOPE naming the unit (403)', () => {
    for (const unit of [xinfu, trap]) {
      const error = caught(() => authorize(kelanAuditor, 'audit.read', unit));
      expect(error.code).toBe('OUT_OF_SCOPE');
      expect(error.status).toBe(403);
      expect(error.params).toEqual({ code: unit.code });
    }
  });

  it('checks the permission before the unit', () => {
    expect(caught(() => authorize(kelanClerk, 'audit.read', xinfu)).code).toBe('PERMISSION_DENIED');
    expect(caught(() => authorize(kelanClerk, 'org.manage', kelanVillage)).code).toBe('PERMISSION_DENIED');
  });
});
