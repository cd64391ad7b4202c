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
  // Indicators and analytics
  'indicators.read',
  'indicators.define',
  'indicators.target',
  'indicators.enter',
  'indicators.approve',
  'dashboards.manage',
  // The poverty registry: read records (masked), write them, approve change requests and exits, see ID numbers and
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

type Grants = Record<Exclude<Role, 'admin'>, readonly Permission[]>;

/** Everyone reads the org tree; auditors also read the audit trail. */
const foundationGrants: Grants = {
  leader: ['org.read'],
  supervisor: ['org.read'],
  staff: ['org.read'],
  clerk: ['org.read'],
  auditor: ['org.read', 'audit.read'],
};

/** Leaders decide and issue; supervisors follow up and assess; staff and clerks do and report the work. */
const loopGrants: Grants = {
  leader: ['plans.read', 'plans.manage', 'tasks.read', 'tasks.issue', 'tasks.supervise', 'assessment.read'],
  supervisor: ['plans.read', 'tasks.read', 'tasks.supervise', 'assessment.read', 'assessment.manage'],
  staff: ['plans.read', 'tasks.read', 'tasks.work', 'assessment.read', 'assessment.apply'],
  clerk: ['plans.read', 'tasks.read', 'tasks.work', 'assessment.read', 'assessment.apply'],
  auditor: ['plans.read', 'tasks.read', 'assessment.read'],
};

/** Clerks enter figures, staff check and approve them, leaders set targets and arrange dashboards. */
const indicatorGrants: Grants = {
  leader: ['indicators.read', 'indicators.target', 'indicators.approve', 'dashboards.manage'],
  supervisor: ['indicators.read'],
  staff: ['indicators.read', 'indicators.enter', 'indicators.approve', 'indicators.target'],
  clerk: ['indicators.read', 'indicators.enter'],
  auditor: ['indicators.read'],
};

/** Village clerks keep the register; township and county staff approve and may see full ID numbers. */
const registryGrants: Grants = {
  leader: ['registry.read', 'registry.approve'],
  supervisor: ['registry.read'],
  staff: ['registry.read', 'registry.write', 'registry.approve', 'registry.unmask'],
  clerk: ['registry.read', 'registry.write'],
  auditor: ['registry.read'],
};

const moduleGrants = [foundationGrants, loopGrants, indicatorGrants, registryGrants];
const grantsOf = (role: Exclude<Role, 'admin'>) => moduleGrants.flatMap((grants) => grants[role]);

export const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: permissions,
  leader: grantsOf('leader'),
  supervisor: grantsOf('supervisor'),
  staff: grantsOf('staff'),
  clerk: grantsOf('clerk'),
  auditor: grantsOf('auditor'),
};

/** Administrators act over the whole tree; every other role only inside its assigned subtrees. */
export function hasGlobalScope(role: Role): boolean {
  return role === 'admin';
}
