/** Every permission a route or service can require. Deny by default: a role holds only what is listed. */
export const permissions = [
  'org.read',
  'org.manage',
  'users.read',
  'users.manage',
  'audit.read',
  // The closed work loop
  'plans.read',
  'plans.manage',
  'tasks.read',
  'tasks.issue',
  'tasks.work',
  'tasks.supervise',
  'assessment.read',
  'assessment.apply',
  'assessment.manage',
] as const;
export type Permission = (typeof permissions)[number];

export const roles = ['admin', 'leader', 'supervisor', 'staff', 'clerk', 'auditor'] as const;
export type Role = (typeof roles)[number];

/** Leaders decide and issue; supervisors follow up and assess; staff and clerks do and report the work. */
const loopGrants: Record<Exclude<Role, 'admin'>, readonly Permission[]> = {
  leader: ['plans.read', 'plans.manage', 'tasks.read', 'tasks.issue', 'tasks.supervise', 'assessment.read'],
  supervisor: ['plans.read', 'tasks.read', 'tasks.supervise', 'assessment.read', 'assessment.manage'],
  staff: ['plans.read', 'tasks.read', 'tasks.work', 'assessment.read', 'assessment.apply'],
  clerk: ['plans.read', 'tasks.read', 'tasks.work', 'assessment.read', 'assessment.apply'],
  auditor: ['plans.read', 'tasks.read', 'assessment.read'],
};

export const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: permissions,
  leader: ['org.read', ...loopGrants.leader],
  supervisor: ['org.read', ...loopGrants.supervisor],
  staff: ['org.read', ...loopGrants.staff],
  clerk: ['org.read', ...loopGrants.clerk],
  auditor: ['org.read', 'audit.read', ...loopGrants.auditor],
};

/** Administrators act over the whole tree; every other role only inside its assigned subtrees. */
export function hasGlobalScope(role: Role): boolean {
  return role === 'admin';
}
