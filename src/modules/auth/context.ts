import type { AuditActor } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database.ts';
import type { Locale } from '../../platform/errors.ts';
import type { Access } from './access.ts';

/** Everything a service call needs besides its options: who asks, with what rights, and the time. */
export type ServiceContext = {
  db: Db;
  access: Access;
  actor: AuditActor;
  clock: Clock;
  locale: Locale;
};

/** The command-line tool acts as the system itself, with global scope. */
export function systemActor(requestId: string | null = null): AuditActor {
  return { userId: null, username: 'system', requestId, clientIp: null };
}
