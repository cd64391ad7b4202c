import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { errorResponses, listOf } from '../../platform/http/responses.ts';
import { job } from '../jobs/schema.ts';
import { listAlerts } from './alerts.ts';
import { getCell, getLevel, getSeries, getSourceRows } from './analytics.ts';
import { approveUnit, getApprovals, grantEntryException } from './approvals.ts';
import { getDashboard, putDashboard } from './dashboards.ts';
import { changeIndicator, createIndicator, getIndicator, listIndicators } from './definitions.ts';
import { getGrid, getValueHistory, saveValues } from './entry.ts';
import { buildTemplate, startValueImport } from './import-values.ts';
import {
  alert,
  analyticsCell,
  analyticsLevel,
  analyticsQuery,
  alertsQuery,
  approvals,
  approvalsQuery,
  approveBody,
  createIndicatorBody,
  dashboard,
  dashboardQuery,
  entryException,
  exceptionBody,
  grid,
  gridQuery,
  importQuery,
  indicator,
  indicatorCodeParam,
  putDashboardBody,
  putTargetBody,
  saveValuesBody,
  saveValuesResult,
  series,
  seriesQuery,
  sourceRow,
  sourceRowsQuery,
  target,
  targetsQuery,
  templateQuery,
  updateIndicatorBody,
  valueHistory,
  valueHistoryQuery,
} from './schema.ts';
import { listTargets, putTarget } from './targets.ts';

const tags = ['indicators'];
const readErrors = errorResponses(400, 401, 403, 404, 422);
const writeErrors = errorResponses(400, 401, 403, 404, 409, 422);
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const UPLOAD_LIMIT = 256 * 1024 * 1024;

export const indicatorRoutes: FastifyPluginAsyncZod = async (app) => {
  // Spreadsheets arrive as the raw file body; this parser is scoped to this plugin's routes.
  app.addContentTypeParser(
    ['text/csv', XLSX_TYPE, 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT },
    (_request, body, done) => done(null, body),
  );

  app.get(
    '/api/indicators',
    {
      config: { guard: 'indicators.read' },
      schema: { tags, summary: 'Every indicator definition', response: { 200: listOf(indicator), ...readErrors } },
    },
    async (request) => ({ items: await listIndicators(request.ctx) }),
  );
  app.get(
    '/api/indicators/:code',
    {
      config: { guard: 'indicators.read' },
      schema: {
        tags,
        summary: 'One indicator definition',
        params: indicatorCodeParam,
        response: { 200: indicator, ...readErrors },
      },
    },
    (request) => getIndicator(request.ctx, request.params),
  );
  app.post(
    '/api/indicators',
    {
      config: { guard: 'indicators.define' },
      schema: {
        tags,
        summary: 'Define an indicator (formulas are checked for unknown operands and cycles)',
        body: createIndicatorBody,
        response: { 201: indicator, ...writeErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await createIndicator(request.ctx, request.body)),
  );
  app.patch(
    '/api/indicators/:code',
    {
      config: { guard: 'indicators.define' },
      schema: {
        tags,
        summary: 'Change an indicator definition; send the version you read',
        params: indicatorCodeParam,
        body: updateIndicatorBody,
        response: { 200: indicator, ...writeErrors },
      },
    },
    (request) => changeIndicator(request.ctx, { ...request.body, code: request.params.code }),
  );

  app.get(
    '/api/indicator-targets',
    {
      config: { guard: 'indicators.read' },
      schema: {
        tags,
        summary: 'Targets set for a unit',
        querystring: targetsQuery,
        response: { 200: listOf(target), ...readErrors },
      },
    },
    async (request) => ({ items: await listTargets(request.ctx, request.query) }),
  );
  app.put(
    '/api/indicator-targets',
    {
      config: { guard: 'indicators.target' },
      schema: {
        tags,
        summary: 'Set the target, baseline and colour thresholds of an indicator for a unit and period',
        body: putTargetBody,
        response: { 200: target, ...writeErrors },
      },
    },
    (request) => putTarget(request.ctx, request.body),
  );

  app.get(
    '/api/indicator-values',
    {
      config: { guard: 'indicators.read' },
      schema: {
        tags,
        summary: 'The entry grid of a unit for a period',
        querystring: gridQuery,
        response: { 200: grid, ...readErrors },
      },
    },
    (request) => getGrid(request.ctx, request.query),
  );
  app.get(
    '/api/indicator-values/history',
    {
      config: { guard: 'indicators.read' },
      schema: {
        tags,
        summary: 'The logged changes of a unit’s values for a period, old and new value, newest first',
        querystring: valueHistoryQuery,
        response: { 200: valueHistory, ...readErrors },
      },
    },
    (request) => getValueHistory(request.ctx, request.query),
  );
  app.post(
    '/api/indicator-values',
    {
      config: { guard: 'indicators.enter' },
      schema: {
        tags,
        summary: 'Save values of a unit for a period, all or nothing (dryRun only checks)',
        body: saveValuesBody,
        response: { 200: saveValuesResult, ...writeErrors },
      },
    },
    (request) => saveValues(request.ctx, request.body),
  );
  app.get(
    '/api/indicator-values/template',
    {
      config: { guard: 'indicators.read' },
      schema: {
        tags,
        summary: 'Download the file to fill for a unit and period (xlsx or csv)',
        querystring: templateQuery,
        produces: [XLSX_TYPE, 'text/csv'],
        response: { 200: z.any().describe('The file'), ...readErrors },
      },
    },
    async (request, reply) => {
      const file = await buildTemplate(request.ctx, request.query);
      const name = `indicators-${request.query.unit}-${request.query.period}.${request.query.format}`;
      return reply
        .header('content-disposition', `attachment; filename="${name}"`)
        .type(request.query.format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE)
        .send(file);
    },
  );
  app.post(
    '/api/indicator-values/import',
    {
      config: { guard: 'indicators.enter' },
      bodyLimit: UPLOAD_LIMIT,
      schema: {
        tags,
        summary: 'Upload a filled file (body: the raw CSV or XLSX); answers the job that checks and saves it',
        querystring: importQuery,
        consumes: ['text/csv', XLSX_TYPE],
        response: { 202: job, ...writeErrors },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) throw new AppError('INDICATOR_IMPORT_MALFORMED', { reason: 'no file' });
      const { job: started } = await startValueImport(
        { ...request.ctx, connectionString: app.connectionString },
        {
          file: request.body,
          format: request.query.format,
          dryRun: request.query.dryRun === 'true',
          log: (error) => request.log.error({ err: error }, 'indicator import failed'),
        },
      );
      return reply.status(202).send(started);
    },
  );

  app.get(
    '/api/indicator-approvals',
    {
      config: { guard: 'indicators.read' },
      schema: {
        tags,
        summary: 'Approval status of a unit and its sub-units for a period',
        querystring: approvalsQuery,
        response: { 200: approvals, ...readErrors },
      },
    },
    (request) => getApprovals(request.ctx, request.query),
  );
  app.post(
    '/api/indicator-approvals',
    {
      config: { guard: 'indicators.approve' },
      schema: {
        tags,
        summary: 'Approve a sub-unit’s data for a period (bottom-up); locks it',
        body: approveBody,
        response: { 200: approvals, ...writeErrors },
      },
    },
    (request) => approveUnit(request.ctx, request.body),
  );
  app.post(
    '/api/indicator-entry-exceptions',
    {
      config: { guard: 'indicators.approve' },
      schema: {
        tags,
        summary: 'Reopen entry for a unit and period after its window closed, until a set time (audited)',
        body: exceptionBody,
        response: { 201: entryException, ...writeErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await grantEntryException(request.ctx, request.body)),
  );

  app.get(
    '/api/analytics',
    {
      config: { guard: 'indicators.read' },
      schema: {
        tags,
        summary: 'An indicator for a unit and period rolled up over the tree as of then; with level, ranked rows',
        querystring: analyticsQuery,
        response: { 200: z.union([analyticsLevel, analyticsCell]), ...readErrors },
      },
    },
    (request) => {
      const { level, ...cell } = request.query;
      return level === undefined ? getCell(request.ctx, cell) : getLevel(request.ctx, { ...cell, level });
    },
  );
  app.get(
    '/api/analytics/series',
    {
      config: { guard: 'indicators.read' },
      schema: {
        tags,
        summary: 'The cell over consecutive periods (trend)',
        querystring: seriesQuery,
        response: { 200: series, ...readErrors },
      },
    },
    (request) => getSeries(request.ctx, request.query),
  );
  app.get(
    '/api/analytics/rows',
    {
      config: { guard: 'indicators.read' },
      schema: {
        tags,
        summary: 'The entered values behind a figure',
        querystring: sourceRowsQuery,
        response: { 200: listOf(sourceRow), ...readErrors },
      },
    },
    async (request) => ({ items: await getSourceRows(request.ctx, request.query) }),
  );
  app.get(
    '/api/indicator-alerts',
    {
      config: { guard: 'indicators.read' },
      schema: {
        tags,
        summary: 'Threshold crossings in a subtree, newest first',
        querystring: alertsQuery,
        response: { 200: listOf(alert), ...readErrors },
      },
    },
    async (request) => ({ items: await listAlerts(request.ctx, request.query) }),
  );

  app.get(
    '/api/dashboards/current',
    {
      config: { guard: 'indicators.read' },
      schema: {
        tags,
        summary: 'The dashboard of your role at a unit',
        querystring: dashboardQuery,
        response: { 200: dashboard, ...readErrors },
      },
    },
    (request) => getDashboard(request.ctx, request.query),
  );
  app.put(
    '/api/dashboards',
    {
      config: { guard: 'dashboards.manage' },
      schema: {
        tags,
        summary: 'Configure the dashboard of a role at a unit',
        body: putDashboardBody,
        response: { 200: dashboard, ...writeErrors },
      },
    },
    (request) => putDashboard(request.ctx, request.body),
  );
};
