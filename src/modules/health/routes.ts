import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const healthResponse = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.object({ ok: z.boolean(), latencyMs: z.number().nullable(), version: z.string().nullable() }),
});

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/health',
    {
      config: { guard: 'public' },
      schema: {
        tags: ['health'],
        summary: 'Liveness and database status',
        response: { 200: healthResponse, 503: healthResponse },
      },
    },
    async (request, reply) => {
      const started = performance.now();
      try {
        const row = await sql<{ version: string }>`select current_setting('server_version') as version`.execute(
          request.server.db,
        );
        const latencyMs = Math.round((performance.now() - started) * 10) / 10;
        return { status: 'ok' as const, database: { ok: true, latencyMs, version: row.rows[0]?.version ?? null } };
      } catch (error) {
        request.log.warn({ err: error }, 'health check: database unreachable');
        return reply
          .status(503)
          .send({ status: 'degraded' as const, database: { ok: false, latencyMs: null, version: null } });
      }
    },
  );
};
