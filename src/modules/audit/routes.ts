import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../platform/http/responses.ts';
import { auditPage, auditQuery, chainVerdict } from './schema.ts';
import { browseAudit, verifyAudit } from './service.ts';

const tags = ['audit'];

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/audit',
    {
      config: { guard: 'audit.read' },
      schema: {
        tags,
        summary: 'Audit records in your scope, newest first, filtered by actor, unit, entity, action and time',
        querystring: auditQuery,
        response: { 200: auditPage, ...errorResponses(400, 401, 403, 404) },
      },
    },
    (request) => browseAudit(request.ctx, request.query),
  );

  app.get(
    '/api/audit/verify',
    {
      config: { guard: 'audit.read' },
      schema: {
        tags,
        summary: 'Re-check the whole hash chain',
        response: { 200: chainVerdict, ...errorResponses(401, 403) },
      },
    },
    (request) => verifyAudit(request.ctx),
  );
};
