import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { job } from '../jobs/schema.ts';
import { decideChangeRequest, listChangeRequests, requestChange } from './change-requests.ts';
import { decideDuplicate, listDuplicates } from './duplicates.ts';
import { exportRegistry } from './export-registry.ts';
import { listExitOverview } from './exit-overview.ts';
import { createRelocation, listRelocations } from './relocations.ts';
import { applyForExit, assessExit, listExitApplications, recordSampleCheck, reviewExitApplication } from './exits.ts';
import { startRegistryImport } from './start-registry-import.ts';
import { listOf, readErrors, writeErrors } from '../../platform/http/responses.ts';
import { recordIncome, recordIncomeRecord, recordMeasure, updateConditions } from './record-assistance.ts';
import { registerHousehold } from './register-household.ts';
import {
  addLineSettingBody,
  changeRequest,
  changeRequestIdParam,
  createChangeRequestBody,
  decideBody,
  decideDuplicateBody,
  duplicateCase,
  duplicatePage,
  listDuplicatesQuery,
  exitApplication,
  exitApplicationBody,
  exitAssessment,
  exitAssessmentQuery,
  exitOverview,
  exitOverviewQuery,
  sampleCheck,
  sampleCheckBody,
  listChangeRequestsQuery,
  createHouseholdBody,
  exportQuery,
  household,
  householdIdParam,
  householdPage,
  importQuery,
  lineSetting,
  listHouseholdsQuery,
  recordIncomeBody,
  recordIncomeRecordBody,
  recordMeasureBody,
  relocationBody,
  relocationProject,
  relocationQuery,
  revealQuery,
  ruralPopulation,
  ruralPopulationBody,
  stats,
  statsBreakdown,
  statsBreakdownQuery,
  statsQuery,
  transitionBody,
  transitionResult,
  trendQuery,
  updateConditionsBody,
} from './schema.ts';
import { getHousehold, getStats, getStatsBreakdown, getTrend, listHouseholds } from './service.ts';
import { addLineSetting, listLineSettings, setRuralPopulation } from './settings.ts';
import { transitionHousehold } from './transition-household.ts';
import { STATS_LAST_YEAR } from '../../platform/migrations/0003-registry.ts';

const tags = ['registry'];

export const registryRoutes: FastifyPluginAsyncZod = async (app) => {
  // Spreadsheets of a county run to tens of megabytes; only the import route reads multipart bodies.
  await app.register(multipart, { limits: { fileSize: 200 * 1024 * 1024, files: 1 } });
  app.get(
    '/api/registry/stats',
    {
      config: { guard: 'registry.read' },
      schema: {
        tags,
        summary: 'Live registry figures of a village, township, county, city or province at the end of a year',
        querystring: statsQuery,
        response: { 200: stats, ...readErrors },
      },
    },
    (request) => getStats(request.ctx, request.query),
  );

  app.get(
    '/api/registry/stats/breakdown',
    {
      config: { guard: 'registry.read' },
      schema: {
        tags,
        summary: 'The same unit and year split by main cause of poverty, or the year’s assistance by measure',
        querystring: statsBreakdownQuery,
        response: { 200: statsBreakdown, ...readErrors },
      },
    },
    (request) => getStatsBreakdown(request.ctx, request.query),
  );

  app.get(
    '/api/registry/stats/trend',
    {
      config: { guard: 'registry.read' },
      schema: {
        tags,
        summary: 'The same figures for every year from the 2014 registration to this year',
        querystring: trendQuery,
        response: { 200: listOf(stats), ...readErrors },
      },
    },
    async (request) => ({
      items: await getTrend(request.ctx, {
        unit: request.query.unit,
        lastYear: Math.min(request.ctx.clock.now().getUTCFullYear(), STATS_LAST_YEAR),
      }),
    }),
  );

  app.get(
    '/api/registry/households',
    {
      config: { guard: 'registry.read' },
      schema: {
        tags,
        summary: 'Households in your scope (ID numbers masked), filtered and paged',
        querystring: listHouseholdsQuery,
        response: { 200: householdPage, ...readErrors },
      },
    },
    (request) => listHouseholds(request.ctx, request.query),
  );

  app.post(
    '/api/registry/households',
    {
      config: { guard: 'registry.write' },
      schema: {
        tags,
        summary: 'Identify a household in a village with its members (exactly one head; IDs validated)',
        body: createHouseholdBody,
        response: { 201: household, ...writeErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await registerHousehold(request.ctx, request.body)),
  );

  app.get(
    '/api/registry/households/:id',
    {
      config: { guard: 'registry.read' },
      schema: {
        tags,
        summary: 'One household with members, income, measures, cadres and lifecycle; ?reveal=true unmasks (audited)',
        params: householdIdParam,
        querystring: revealQuery,
        response: { 200: household, ...readErrors },
      },
    },
    (request) => getHousehold(request.ctx, { id: request.params.id, reveal: request.query.reveal === 'true' }),
  );

  app.post(
    '/api/registry/households/:id/transitions',
    {
      config: { guard: 'registry.write' },
      schema: {
        tags,
        summary: 'Move a household along its lifecycle (register, exit, monitor, eliminate risk), with checks',
        params: householdIdParam,
        body: transitionBody,
        response: { 200: transitionResult, ...writeErrors },
      },
    },
    (request) => transitionHousehold(request.ctx, { ...request.params, ...request.body }),
  );

  app.post(
    '/api/registry/households/:id/measures',
    {
      config: { guard: 'registry.write' },
      schema: {
        tags,
        summary: 'Record an assistance measure given to the household',
        params: householdIdParam,
        body: recordMeasureBody,
        response: { 200: household, ...writeErrors },
      },
    },
    (request) => recordMeasure(request.ctx, { ...request.params, ...request.body }),
  );

  app.post(
    '/api/registry/households/:id/incomes',
    {
      config: { guard: 'registry.write' },
      schema: {
        tags,
        summary: 'Record (or correct) the per-capita net income of a year',
        params: householdIdParam,
        body: recordIncomeBody,
        response: { 200: household, ...writeErrors },
      },
    },
    (request) => recordIncome(request.ctx, { ...request.params, ...request.body }),
  );

  app.post(
    '/api/registry/households/:id/income-records',
    {
      config: { guard: 'registry.write' },
      schema: {
        tags,
        summary: 'Record income over whole months while monitored (evidence for risk elimination)',
        params: householdIdParam,
        body: recordIncomeRecordBody,
        response: { 200: household, ...writeErrors },
      },
    },
    (request) => recordIncomeRecord(request.ctx, { ...request.params, ...request.body }),
  );

  app.patch(
    '/api/registry/households/:id',
    {
      config: { guard: 'registry.write' },
      schema: {
        tags,
        summary: 'Update the home-visit findings (basic needs, costs, housing) and the classification',
        params: householdIdParam,
        body: updateConditionsBody,
        response: { 200: household, ...writeErrors },
      },
    },
    (request) => updateConditions(request.ctx, { ...request.params, ...request.body }),
  );

  app.get(
    '/api/registry/line-settings',
    {
      config: { guard: 'registry.read' },
      schema: {
        tags,
        summary: 'The dated poverty, monitoring and incidence-threshold settings',
        response: { 200: listOf(lineSetting), ...readErrors },
      },
    },
    async (request) => ({ items: await listLineSettings(request.ctx) }),
  );

  app.post(
    '/api/registry/line-settings',
    {
      config: { guard: 'registry.manage' },
      schema: {
        tags,
        summary: 'Add a dated line setting (national or for a region); the history is append-only',
        body: addLineSettingBody,
        response: { 201: lineSetting, ...writeErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await addLineSetting(request.ctx, request.body)),
  );

  app.put(
    '/api/registry/rural-population',
    {
      config: { guard: 'registry.manage' },
      schema: {
        tags,
        summary: 'Set a village’s rural population from a year on (the denominator of incidence)',
        body: ruralPopulationBody,
        response: { 200: ruralPopulation, ...writeErrors },
      },
    },
    (request) => setRuralPopulation(request.ctx, request.body),
  );

  app.post(
    '/api/registry/imports',
    {
      config: { guard: 'registry.manage' },
      schema: {
        tags,
        summary: 'Upload the registry layout (CSV or XLSX, multipart field "file"); answers the import job',
        consumes: ['multipart/form-data'],
        querystring: importQuery,
        response: { 202: job, ...writeErrors },
      },
    },
    async (request, reply) => {
      const upload = await request.file();
      if (!upload) {
        throw new AppError('VALIDATION_FAILED', { summary: 'file' }, [
          { field: 'file', code: 'required', message: 'multipart field "file"' },
        ]);
      }
      const { job: started } = await startRegistryImport(
        { ...request.ctx, connectionString: app.connectionString },
        {
          file: await upload.toBuffer(),
          format: request.query.format,
          dryRun: request.query.dryRun === 'true',
          log: (error) => request.log.error({ err: error }, 'registry import failed'),
        },
      );
      return reply.status(202).send(started);
    },
  );

  app.get(
    '/api/registry/export',
    {
      config: { guard: 'registry.read' },
      schema: {
        tags,
        summary: 'The households under a unit as CSV in the import layout; masked unless revealed (audited)',
        querystring: exportQuery,
        response: { 200: z.string().describe('CSV, UTF-8 with BOM'), ...readErrors },
      },
    },
    async (request, reply) => {
      const csv = await exportRegistry(request.ctx, {
        unit: request.query.unit,
        reveal: request.query.reveal === 'true',
      });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="registry.csv"')
        .send(csv);
    },
  );

  app.post(
    '/api/registry/households/:id/change-requests',
    {
      config: { guard: 'registry.write' },
      schema: {
        tags,
        summary: 'Request a change of members (add, remove, transfer, correct an ID, change the head)',
        params: householdIdParam,
        body: createChangeRequestBody,
        response: { 201: changeRequest, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await requestChange(request.ctx, { id: request.params.id, ...request.body })),
  );

  app.get(
    '/api/registry/change-requests',
    {
      config: { guard: 'registry.read' },
      schema: {
        tags,
        summary: 'Change requests in your scope, newest first (the approval inbox)',
        querystring: listChangeRequestsQuery,
        response: { 200: listOf(changeRequest), ...readErrors },
      },
    },
    async (request) => ({ items: await listChangeRequests(request.ctx, request.query) }),
  );

  app.post(
    '/api/registry/change-requests/:id/decisions',
    {
      config: { guard: 'registry.approve' },
      schema: {
        tags,
        summary: 'Approve or reject the step a change request waits at (village → township → county)',
        params: changeRequestIdParam,
        body: decideBody,
        response: { 200: changeRequest, ...writeErrors },
      },
    },
    (request) => decideChangeRequest(request.ctx, { id: request.params.id, ...request.body }),
  );

  app.get(
    '/api/registry/exit-assessment',
    {
      config: { guard: 'registry.read' },
      schema: {
        tags,
        summary: 'A village’s or county’s exit metrics for a year against the thresholds, with every reason',
        querystring: exitAssessmentQuery,
        response: { 200: exitAssessment, ...readErrors },
      },
    },
    (request) => assessExit(request.ctx, request.query),
  );

  app.get(
    '/api/registry/exit-overview',
    {
      config: { guard: 'registry.read' },
      schema: {
        tags,
        summary: 'The villages or counties under a unit with their exit metrics, verdicts and applications',
        querystring: exitOverviewQuery,
        response: { 200: exitOverview, ...readErrors },
      },
    },
    (request) => listExitOverview(request.ctx, request.query),
  );

  app.post(
    '/api/registry/sample-checks',
    {
      config: { guard: 'registry.approve' },
      schema: {
        tags,
        summary: 'Record a sample check of the exit assessment (wrongly exited, missed poor, recognition)',
        body: sampleCheckBody,
        response: { 201: sampleCheck, ...writeErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await recordSampleCheck(request.ctx, request.body)),
  );

  app.get(
    '/api/registry/exit-applications',
    {
      config: { guard: 'registry.read' },
      schema: {
        tags,
        summary: 'Village and county exit applications in your scope, newest first',
        response: { 200: listOf(exitApplication), ...readErrors },
      },
    },
    async (request) => ({ items: await listExitApplications(request.ctx) }),
  );

  app.post(
    '/api/registry/exit-applications',
    {
      config: { guard: 'registry.write' },
      schema: {
        tags,
        summary: 'Apply for a village’s or county’s exit; refused with the reasons when a check fails',
        body: exitApplicationBody,
        response: { 201: exitApplication, ...writeErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await applyForExit(request.ctx, request.body)),
  );

  app.post(
    '/api/registry/exit-applications/:id/reviews',
    {
      config: { guard: 'registry.approve' },
      schema: {
        tags,
        summary: 'Decide the review step an exit application waits at',
        params: changeRequestIdParam,
        body: decideBody,
        response: { 200: exitApplication, ...writeErrors },
      },
    },
    (request) => reviewExitApplication(request.ctx, { id: request.params.id, ...request.body }),
  );

  app.get(
    '/api/registry/relocations',
    {
      config: { guard: 'registry.read' },
      schema: {
        tags,
        summary: 'Relocation projects whose destination lies under a unit',
        querystring: relocationQuery,
        response: { 200: listOf(relocationProject), ...readErrors },
      },
    },
    async (request) => ({ items: await listRelocations(request.ctx, request.query) }),
  );

  app.post(
    '/api/registry/relocations',
    {
      config: { guard: 'registry.write' },
      schema: {
        tags,
        summary: 'Record a relocation project (origins, destination, people, housing within 25 m² per person)',
        body: relocationBody,
        response: { 201: relocationProject, ...writeErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await createRelocation(request.ctx, request.body)),
  );

  app.get(
    '/api/registry/duplicates',
    {
      config: { guard: 'registry.read' },
      schema: {
        tags,
        summary: 'The deduplication queue: cases touching a household in your scope, with counts per status',
        querystring: listDuplicatesQuery,
        response: { 200: duplicatePage, ...readErrors },
      },
    },
    (request) => listDuplicates(request.ctx, request.query),
  );

  app.post(
    '/api/registry/duplicates/:id/decisions',
    {
      config: { guard: 'registry.approve' },
      schema: {
        tags,
        summary: 'Decide a duplicate case: keep in the existing household, move to the new one, or correct the ID',
        params: changeRequestIdParam,
        body: decideDuplicateBody,
        response: { 200: duplicateCase, ...writeErrors },
      },
    },
    (request) => decideDuplicate(request.ctx, { id: request.params.id, ...request.body }),
  );
};
