/** Every permission a route or service can require. Deny by default: a role holds only what is listed. */
export const permissions = [
  'org.read',
  'org.manage',
  'users.read',
  'users.manage',
  'audit.read',
  // Registry: read records (masked), write them, approve change requests and exits, see ID numbers and
  // phones unmasked, manage settings (lines, rural population) and run imports.
  'registry.read',
  'registry.write',
  'registry.approve',
  'registry.unmask',
  'registry.manage',
] as const;
export type Permission = (typeof permissions)[number];

export const roles = ['admin', 'leader', 'supervisor', 'staff', 'clerk', 'auditor'] as const;
export type Role = (typeof roles)[number];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: permissions,
  leader: ['org.read', 'registry.read', 'registry.approve'],
  supervisor: ['org.read', 'registry.read'],
  staff: ['org.read', 'registry.read', 'registry.write', 'registry.approve', 'registry.unmask'],
  clerk: ['org.read', 'registry.read', 'registry.write'],
  auditor: ['org.read', 'audit.read', 'registry.read'],
};

/** Administrators act over the whole tree; every other role only inside its assigned subtrees. */
export function hasGlobalScope(role: Role): boolean {
  return role === 'admin';
}
