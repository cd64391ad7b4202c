import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, listOf } from '../../platform/http/responses.ts';
import { job, jobIdParam, jobListQuery } from './schema.ts';
import { getJob, listJobs } from './service.ts';

const tags = ['jobs'];

export const jobsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/jobs/:id',
    {
      config: { guard: 'authenticated' },
      schema: {
        tags,
        summary: 'A long-running job and its progress (poll while status is running)',
        params: jobIdParam,
        response: { 200: job, ...errorResponses(400, 401, 404) },
      },
    },
    (request) => getJob(request.ctx, request.params),
  );

  app.get(
    '/api/jobs',
    {
      config: { guard: 'authenticated' },
      schema: {
        tags,
        summary: 'Recent jobs you started or that concern your scope, newest first',
        querystring: jobListQuery,
        response: { 200: listOf(job), ...errorResponses(400, 401) },
      },
    },
    async (request) => ({ items: await listJobs(request.ctx, request.query) }),
  );
};
