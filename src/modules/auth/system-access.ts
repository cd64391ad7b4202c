import { type Access, buildAccess } from './access.ts';
import { type ServiceContext, systemActor } from './context.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database.ts';

/** The rights of the command-line tool and of start-up seeding: an administrator over the whole tree. */
export function systemAccess(): Access {
  return buildAccess({ id: 0, username: 'system', role: 'admin' }, []);
}

export function systemContext(db: Db, clock: Clock): ServiceContext {
  return { db, clock, access: systemAccess(), actor: systemActor(), locale: 'zh-CN' };
}
