import type { ServiceContext } from '../../modules/auth/context.ts';
import type { Permission } from '../../modules/auth/permissions.ts';
import type { ResolvedSession } from '../../modules/auth/service.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../database.ts';
import type { Locale } from '../errors.ts';

/**
 * What a route requires: a permission, any signed-in user, or nothing. Every /api route must declare one;
 * the server refuses to start otherwise, and the authorization test reads these declarations.
 */
export type RouteGuard = Permission | 'authenticated' | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    guard?: RouteGuard;
  }
  interface FastifyRequest {
    ctx: ServiceContext;
    locale?: Locale;
    /** The session resolved while authenticating, for the routes about the session itself. */
    session?: ResolvedSession;
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    clock: Clock;
    /** For work that needs its own connection, such as COPY. */
    connectionString: string;
  }
}
