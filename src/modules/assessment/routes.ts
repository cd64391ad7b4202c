import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listOf, readErrors, writeErrors } from '../../platform/http/responses.ts';
import {
  applyForExemption,
  claimBonus,
  decideBonusClaim,
  decideExemption,
  enterIndicatorValue,
  enterScore,
  listBonusClaims,
  listDeductions,
  listEntries,
  listExemptions,
  recordVeto,
} from './entries.ts';
import { createRun, getRun, listRuns, publishRun, recomputeRun, unitBreakdown } from './runs.ts';
import {
  bonusClaim,
  bonusClaimBody,
  createRunBody,
  createSchemeBody,
  decisionBody,
  deduction,
  enteredScoreBody,
  exemption,
  exemptionBody,
  indicatorValueBody,
  publishBody,
  run,
  runParams,
  runUnitParams,
  scheme,
  schemeEntries,
  schemeParams,
  schemeUnitParams,
  updateSchemeBody,
  vetoBody,
} from './schema.ts';
import { createScheme, editScheme, getScheme, listSchemes } from './schemes.ts';

const tags = ['assessment'];
const ok = z.object({ ok: z.literal(true) });
const applicationParams = z.object({ id: schemeParams.shape.id, applicationId: schemeParams.shape.id });

export const assessmentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/assessment/schemes',
    {
      config: { guard: 'assessment.read' },
      schema: {
        tags,
        summary: 'Assessment schemes owned by units in your scope',
        response: { 200: listOf(scheme), ...readErrors },
      },
    },
    async (request) => ({
      items: await listSchemes(request.ctx),
    }),
  );
  app.post(
    '/api/assessment/schemes',
    {
      config: { guard: 'assessment.manage' },
      schema: {
        tags,
        summary: 'Create a scheme: categories of weighted items, each with its scoring rule',
        body: createSchemeBody,
        response: { 201: scheme, ...writeErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await createScheme(request.ctx, request.body)),
  );
  app.get(
    '/api/assessment/schemes/:id',
    {
      config: { guard: 'assessment.read' },
      schema: { tags, summary: 'One scheme', params: schemeParams, response: { 200: scheme, ...readErrors } },
    },
    (request) => getScheme(request.ctx, request.params),
  );
  app.put(
    '/api/assessment/schemes/:id',
    {
      config: { guard: 'assessment.manage' },
      schema: {
        tags,
        summary: 'Edit a scheme (version checked)',
        params: schemeParams,
        body: updateSchemeBody,
        response: { 200: scheme, ...writeErrors },
      },
    },
    (request) => editScheme(request.ctx, { ...request.params, ...request.body }),
  );

  app.post(
    '/api/assessment/schemes/:id/indicator-values',
    {
      config: { guard: 'assessment.manage' },
      schema: {
        tags,
        summary:
          'Enter an attainment item’s actual and target for a unit and period (used until the indicator module supplies them)',
        params: schemeParams,
        body: indicatorValueBody,
        response: { 200: ok, ...writeErrors },
      },
    },
    (request) => enterIndicatorValue(request.ctx, { schemeId: request.params.id, ...request.body }),
  );
  app.post(
    '/api/assessment/schemes/:id/entered-scores',
    {
      config: { guard: 'assessment.manage' },
      schema: {
        tags,
        summary: 'Enter a score out of 100 (e.g. social evaluation) for a unit',
        params: schemeParams,
        body: enteredScoreBody,
        response: { 200: ok, ...writeErrors },
      },
    },
    (request) => enterScore(request.ctx, { schemeId: request.params.id, ...request.body }),
  );
  app.post(
    '/api/assessment/schemes/:id/vetoes',
    {
      config: { guard: 'assessment.manage' },
      schema: {
        tags,
        summary: 'Record a one-vote veto (一票否决) event against a unit',
        params: schemeParams,
        body: vetoBody,
        response: { 200: ok, ...writeErrors },
      },
    },
    (request) => recordVeto(request.ctx, { schemeId: request.params.id, ...request.body }),
  );

  app.get(
    '/api/assessment/schemes/:id/entries',
    {
      config: { guard: 'assessment.read' },
      schema: {
        tags,
        summary: 'What was entered against the scheme: indicator values (yearly and quarterly), scores, vetoes',
        params: schemeParams,
        response: { 200: schemeEntries, ...readErrors },
      },
    },
    (request) => listEntries(request.ctx, { schemeId: request.params.id }),
  );
  app.get(
    '/api/assessment/schemes/:id/bonus-claims',
    {
      config: { guard: 'assessment.read' },
      schema: {
        tags,
        summary: 'Bonus claims you may see',
        params: schemeParams,
        response: { 200: listOf(bonusClaim), ...readErrors },
      },
    },
    async (request) => ({
      items: await listBonusClaims(request.ctx, { schemeId: request.params.id }),
    }),
  );
  app.post(
    '/api/assessment/schemes/:id/bonus-claims',
    {
      config: { guard: 'assessment.apply' },
      schema: {
        tags,
        summary: 'Claim bonus points with evidence',
        params: schemeParams,
        body: bonusClaimBody,
        response: { 201: bonusClaim, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await claimBonus(request.ctx, { schemeId: request.params.id, ...request.body })),
  );
  app.post(
    '/api/assessment/schemes/:id/bonus-claims/:applicationId/decision',
    {
      config: { guard: 'assessment.manage' },
      schema: {
        tags,
        summary: 'Approve or reject a bonus claim',
        params: applicationParams,
        body: decisionBody,
        response: { 200: bonusClaim, ...writeErrors },
      },
    },
    (request) =>
      decideBonusClaim(request.ctx, { schemeId: request.params.id, id: request.params.applicationId, ...request.body }),
  );

  app.get(
    '/api/assessment/schemes/:id/units/:code/deductions',
    {
      config: { guard: 'assessment.read' },
      schema: {
        tags,
        summary: 'Deductions held against a unit this year (colour spells, notices)',
        params: schemeUnitParams,
        response: { 200: listOf(deduction), ...readErrors },
      },
    },
    async (request) => ({
      items: await listDeductions(request.ctx, { schemeId: request.params.id, code: request.params.code }),
    }),
  );
  app.get(
    '/api/assessment/schemes/:id/exemptions',
    {
      config: { guard: 'assessment.read' },
      schema: {
        tags,
        summary: 'Error-tolerance (容错免责) applications you may see',
        params: schemeParams,
        response: { 200: listOf(exemption), ...readErrors },
      },
    },
    async (request) => ({
      items: await listExemptions(request.ctx, { schemeId: request.params.id }),
    }),
  );
  app.post(
    '/api/assessment/schemes/:id/exemptions',
    {
      config: { guard: 'assessment.apply' },
      schema: {
        tags,
        summary: 'Apply for error tolerance against one deduction, with reasons and evidence',
        params: schemeParams,
        body: exemptionBody,
        response: { 201: exemption, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await applyForExemption(request.ctx, { schemeId: request.params.id, ...request.body })),
  );
  app.post(
    '/api/assessment/schemes/:id/exemptions/:applicationId/decision',
    {
      config: { guard: 'assessment.manage' },
      schema: {
        tags,
        summary: 'Approve or reject an exemption; draft runs are recomputed',
        params: applicationParams,
        body: decisionBody,
        response: { 200: exemption, ...writeErrors },
      },
    },
    (request) =>
      decideExemption(request.ctx, { schemeId: request.params.id, id: request.params.applicationId, ...request.body }),
  );

  app.get(
    '/api/assessment/schemes/:id/runs',
    {
      config: { guard: 'assessment.read' },
      schema: {
        tags,
        summary: 'Runs of the scheme, newest first',
        params: schemeParams,
        response: { 200: listOf(run), ...readErrors },
      },
    },
    async (request) => ({
      items: await listRuns(request.ctx, { schemeId: request.params.id }),
    }),
  );
  app.post(
    '/api/assessment/schemes/:id/runs',
    {
      config: { guard: 'assessment.manage' },
      schema: {
        tags,
        summary: 'Run the assessment as of a day (deterministic; the same inputs answer the same draft)',
        params: schemeParams,
        body: createRunBody,
        response: { 200: run, ...writeErrors },
      },
    },
    (request) => createRun(request.ctx, { schemeId: request.params.id, asOf: request.body.asOf }),
  );
  app.get(
    '/api/assessment/runs/:runId',
    {
      config: { guard: 'assessment.read' },
      schema: { tags, summary: 'A run’s ranking and grades', params: runParams, response: { 200: run, ...readErrors } },
    },
    (request) => getRun(request.ctx, request.params),
  );
  app.get(
    '/api/assessment/runs/:runId/units/:code',
    {
      config: { guard: 'assessment.read' },
      schema: {
        tags,
        summary: 'One unit’s full breakdown: categories, items, quarters and the records behind every point',
        params: runUnitParams,
        response: { 200: z.record(z.string(), z.unknown()), ...readErrors },
      },
    },
    (request) => unitBreakdown(request.ctx, request.params),
  );
  app.post(
    '/api/assessment/runs/:runId/recompute',
    {
      config: { guard: 'assessment.manage' },
      schema: {
        tags,
        summary: 'Recompute a draft run from the current records',
        params: runParams,
        body: z.object({}).optional(),
        response: { 200: run, ...writeErrors },
      },
    },
    (request) => recomputeRun(request.ctx, request.params),
  );
  app.post(
    '/api/assessment/runs/:runId/publish',
    {
      config: { guard: 'assessment.manage' },
      schema: {
        tags,
        summary: 'Publish a run; it is frozen from then on',
        params: runParams,
        body: publishBody,
        response: { 200: run, ...writeErrors },
      },
    },
    (request) => publishRun(request.ctx, { ...request.params, ...request.body }),
  );
};
