import type { TaskGrantRole } from '../../platform/db-schema.ts';
import { type Access, can, pathInScope } from '../auth/access.ts';
import type { Permission } from '../auth/permissions.ts';
import type { ActorRole } from './rules/task-states.ts';

/** What each part in a task asks of the account acting for the unit. */
const PERMISSION_FOR_ROLE: Record<ActorRole, Permission> = {
  issuer: 'tasks.issue',
  lead: 'tasks.work',
  cooperating: 'tasks.work',
  supervisor: 'tasks.supervise',
};

type Grant = { role: TaskGrantRole; unit_path: string };

/**
 * Per-task access: a task is seen by accounts whose scope holds one of the units it is granted to (issuer,
 * lead, co-operating, supervising) — not by the rest of the tree. A draft is the issuer's alone.
 */
export function canSeeTask(access: Access, grants: readonly Grant[], status: string): boolean {
  if (!can(access, 'tasks.read')) return false;
  return grants.some((g) => (status !== 'draft' || g.role === 'issuer') && pathInScope(access, g.unit_path));
}

/** The parts the account may act in: a unit of that part in its scope, and the permission the part needs. */
export function actorRoles(access: Access, grants: readonly Grant[]): ActorRole[] {
  const held = new Set<ActorRole>();
  for (const grant of grants) {
    if (pathInScope(access, grant.unit_path) && can(access, PERMISSION_FOR_ROLE[grant.role])) held.add(grant.role);
  }
  return (['issuer', 'lead', 'cooperating', 'supervisor'] as const).filter((role) => held.has(role));
}
