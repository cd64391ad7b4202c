import { describe, expect, it } from 'vitest';
import { buildAccess } from '../auth/access.ts';
import type { Role } from '../auth/permissions.ts';
import { actorRoles, canSeeTask } from './access.ts';

const CITY = '/140000000000/140900000000/';
const KELAN = `${CITY}140929000000/`;
const XINFU = `${CITY}140902000000/`;
const BUREAU = `${CITY}140900000000-002/`;
const grants = [
  { role: 'issuer' as const, unit_path: CITY },
  { role: 'lead' as const, unit_path: KELAN },
  { role: 'cooperating' as const, unit_path: BUREAU },
  { role: 'supervisor' as const, unit_path: `${CITY}140900000000-003/` },
];
const user = (role: Role, scope: string) => buildAccess({ id: 1, username: 'u', role }, [scope]);

describe('task access', () => {
  it.each([
    ['the lead county', 'clerk', KELAN, true, ['lead']],
    ['a township of the lead county', 'clerk', `${KELAN}140929100000/`, false, []],
    ['the co-operating bureau', 'staff', BUREAU, true, ['cooperating']],
    ['an unrelated county', 'clerk', XINFU, false, []],
    ['a city leader', 'leader', CITY, true, ['issuer', 'supervisor']],
    ['a city auditor', 'auditor', CITY, true, []],
  ] as const)('%s', (_, role, scope, sees, roles) => {
    expect(canSeeTask(user(role, scope), grants, 'issued')).toBe(sees);
    expect(actorRoles(user(role, scope), grants)).toEqual(roles);
  });

  it('shows a draft to the issuing unit only', () => {
    expect(canSeeTask(user('clerk', KELAN), grants, 'draft')).toBe(false);
    expect(canSeeTask(user('leader', CITY), grants, 'draft')).toBe(true);
  });
});
