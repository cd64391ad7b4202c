import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { offsetClock } from '../platform/clock.ts';

/**
 * The browser tests' way to move time on a running server. It exists only when `BIHUAN_TEST_CLOCK=true`
 * and `NODE_ENV` is not `production`: a production server has no such route at all.
 */
export function testClockEnabled(env: NodeJS.ProcessEnv): boolean {
  return env.BIHUAN_TEST_CLOCK === 'true' && env.NODE_ENV !== 'production';
}

export function testClockRoutes(clock: ReturnType<typeof offsetClock>): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/test/clock',
      {
        config: { guard: 'users.manage' },
        schema: {
          hide: true,
          body: z.object({ advanceDays: z.number().int().min(-3650).max(3650) }),
          response: { 200: z.object({ now: z.string() }) },
        },
      },
      async (request) => {
        clock.advanceDays(request.body.advanceDays);
        return { now: clock.now().toISOString() };
      },
    );
  };
}
