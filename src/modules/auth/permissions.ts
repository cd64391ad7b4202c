/** Every permission a route or service can require. Deny by default: a role holds only what is listed. */
export const permissions = [
  'org.read',
  'org.manage',
  'users.read',
  'users.manage',
  'audit.read',
  // indicators and analytics
  'indicators.read',
  'indicators.define',
  'indicators.target',
  'indicators.enter',
  'indicators.approve',
  'dashboards.manage',
] as const;
export type Permission = (typeof permissions)[number];

export const roles = ['admin', 'leader', 'supervisor', 'staff', 'clerk', 'auditor'] as const;
export type Role = (typeof roles)[number];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: permissions,
  leader: ['org.read', 'indicators.read', 'indicators.target', 'indicators.approve', 'dashboards.manage'],
  supervisor: ['org.read', 'indicators.read'],
  staff: ['org.read', 'indicators.read', 'indicators.enter', 'indicators.approve', 'indicators.target'],
  clerk: ['org.read', 'indicators.read', 'indicators.enter'],
  auditor: ['org.read', 'audit.read', 'indicators.read'],
};

/** Administrators act over the whole tree; every other role only inside its assigned subtrees. */
export function hasGlobalScope(role: Role): boolean {
  return role === 'admin';
}
