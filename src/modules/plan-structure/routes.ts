import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { writeErrors } from '../../platform/http/responses.ts';
import { plan } from '../plans/schema.ts';
import { deleteNodeQuery, moveNodeBody, nodeParams } from './schema.ts';
import { deleteNode, moveNode } from './service.ts';

const tags = ['plans'];

export const planStructureRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/plan-nodes/:id/move',
    {
      config: { guard: 'plans.manage' },
      schema: {
        tags,
        summary: 'Move a node and its subtree under another parent, or before a sibling (version checked)',
        params: nodeParams,
        body: moveNodeBody,
        response: { 200: plan, ...writeErrors },
      },
    },
    (request) => moveNode(request.ctx, { ...request.params, ...request.body }),
  );
  app.delete(
    '/api/plan-nodes/:id',
    {
      config: { guard: 'plans.manage' },
      schema: {
        tags,
        summary: 'Delete a node and its subtree, refused while any task serves one of them (version checked)',
        params: nodeParams,
        querystring: deleteNodeQuery,
        response: { 200: plan, ...writeErrors },
      },
    },
    (request) => deleteNode(request.ctx, { ...request.params, ...request.query }),
  );
};
