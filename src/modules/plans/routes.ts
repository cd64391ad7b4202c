import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listOf, readErrors, writeErrors } from '../../platform/http/responses.ts';
import {
  amendNodeBody,
  createDecisionBody,
  createNodeBody,
  createPlanBody,
  decision,
  plan,
  planParams,
  planSummary,
  unitFilter,
} from './schema.ts';
import {
  addNode,
  amendNode,
  createDecision,
  createPlan,
  getDecision,
  getPlan,
  listDecisions,
  listPlans,
} from './service.ts';

const tags = ['plans'];

export const plansRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/decisions',
    {
      config: { guard: 'plans.read' },
      schema: {
        tags,
        summary: 'Decisions (meetings, documents) of units in your scope',
        querystring: unitFilter,
        response: { 200: listOf(decision), ...readErrors },
      },
    },
    async (request) => ({
      items: await listDecisions(request.ctx, request.query),
    }),
  );
  app.post(
    '/api/decisions',
    {
      config: { guard: 'plans.manage' },
      schema: {
        tags,
        summary: 'Record a decision with its attachments',
        body: createDecisionBody,
        response: { 201: decision, ...writeErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await createDecision(request.ctx, request.body)),
  );
  app.get(
    '/api/decisions/:id',
    {
      config: { guard: 'plans.read' },
      schema: {
        tags,
        summary: 'A decision and the plan nodes and tasks that came from it',
        params: planParams,
        response: { 200: decision, ...readErrors },
      },
    },
    (request) => getDecision(request.ctx, request.params),
  );
  app.get(
    '/api/plans',
    {
      config: { guard: 'plans.read' },
      schema: {
        tags,
        summary: 'Plans of units in your scope',
        querystring: unitFilter,
        response: { 200: listOf(planSummary), ...readErrors },
      },
    },
    async (request) => ({
      items: await listPlans(request.ctx, request.query),
    }),
  );
  app.post(
    '/api/plans',
    {
      config: { guard: 'plans.manage' },
      schema: {
        tags,
        summary: 'Create a plan (e.g. the "1335" framework)',
        body: createPlanBody,
        response: { 201: plan, ...writeErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await createPlan(request.ctx, request.body)),
  );
  app.get(
    '/api/plans/:id',
    {
      config: { guard: 'plans.read' },
      schema: {
        tags,
        summary: 'A plan with its whole tree',
        params: planParams,
        response: { 200: plan, ...readErrors },
      },
    },
    (request) => getPlan(request.ctx, request.params),
  );
  app.post(
    '/api/plans/:id/nodes',
    {
      config: { guard: 'plans.manage' },
      schema: {
        tags,
        summary: 'Add a node at any depth, with owners, indicators and yearly targets',
        params: planParams,
        body: createNodeBody,
        response: { 201: plan, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addNode(request.ctx, { planId: request.params.id, ...request.body })),
  );
  app.put(
    '/api/plan-nodes/:id',
    {
      config: { guard: 'plans.manage' },
      schema: {
        tags,
        summary: 'Amend a node (version checked), e.g. by a later decision',
        params: planParams,
        body: amendNodeBody,
        response: { 200: plan, ...writeErrors },
      },
    },
    (request) => amendNode(request.ctx, { ...request.params, ...request.body }),
  );
};
