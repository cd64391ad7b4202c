import type { TFunction } from 'i18next';

/** The actions and entities the server records today; the filter offers these, and unknown ones show raw. */
export const knownActions = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'org.renamed',
  'org.merged',
  'org.abolished',
  'org.department_created',
  'org.divisions_imported',
  'user.created',
  'user.updated',
  'user.password_reset',
] as const;
type KnownAction = (typeof knownActions)[number];

export const knownEntities = ['session', 'org_unit', 'user'] as const;
type KnownEntity = (typeof knownEntities)[number];

export function isKnownAction(action: string): action is KnownAction {
  return (knownActions as readonly string[]).includes(action);
}

function isKnownEntity(entity: string): entity is KnownEntity {
  return (knownEntities as readonly string[]).includes(entity);
}

/** An entity type in words; unknown ones as the server names them. */
export function entityLabel(t: TFunction, entity: string): string {
  return isKnownEntity(entity) ? t(`audit.entities.${entity}`) : entity;
}
