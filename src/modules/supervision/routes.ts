import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listOf, readErrors, writeErrors } from '../../platform/http/responses.ts';
import { idParam } from '../tasks/schema.ts';
import {
  colourCounts,
  colourWall,
  inspection,
  inspectionBody,
  inspectionPage,
  inspectionsQuery,
  issueNoticeBody,
  notice,
  noticesQuery,
  optionalUnitQuery,
  overdueItem,
  passResult,
  passRun,
  rulesBody,
  unitQuery,
} from './schema.ts';
import {
  getRules,
  issueNotice,
  listInspections,
  listNotices,
  listPassRuns,
  overdue,
  pageInspections,
  recordInspection,
  runPassNow,
  setRules,
  summary,
  wall,
} from './service.ts';

const tags = ['supervision'];

export const supervisionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/supervision/summary',
    {
      config: { guard: 'tasks.read' },
      schema: {
        tags,
        summary: 'Counts by colour of the tasks led inside the unit’s subtree (grey = done)',
        querystring: unitQuery,
        response: { 200: colourCounts, ...readErrors },
      },
    },
    (request) => summary(request.ctx, request.query),
  );

  app.get(
    '/api/supervision/wall',
    {
      config: { guard: 'tasks.read' },
      schema: {
        tags,
        summary: 'The colour wall: counts by colour for the unit and each sub-unit, to drill down',
        querystring: unitQuery,
        response: { 200: colourWall, ...readErrors },
      },
    },
    (request) => wall(request.ctx, request.query),
  );

  app.get(
    '/api/supervision/overdue',
    {
      config: { guard: 'tasks.read' },
      schema: {
        tags,
        summary: 'Red (overdue) tasks you may see',
        querystring: optionalUnitQuery,
        response: { 200: listOf(overdueItem), ...readErrors },
      },
    },
    async (request) => ({ items: await overdue(request.ctx, request.query) }),
  );

  app.get(
    '/api/supervision/notices',
    {
      config: { guard: 'tasks.read' },
      schema: {
        tags,
        summary: 'Supervision notices (督办单), letters and escalations on tasks you may see',
        querystring: noticesQuery,
        response: { 200: listOf(notice), ...readErrors },
      },
    },
    async (request) => ({ items: await listNotices(request.ctx, request.query) }),
  );

  app.post(
    '/api/supervision/notices',
    {
      config: { guard: 'tasks.supervise' },
      schema: {
        tags,
        summary: 'Issue a supervision notice by hand, or escalate to the next leader',
        body: issueNoticeBody,
        response: { 201: notice, ...writeErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await issueNotice(request.ctx, request.body)),
  );

  app.get(
    '/api/tasks/:id/inspections',
    {
      config: { guard: 'tasks.read' },
      schema: {
        tags,
        summary: 'On-site inspections of a task',
        params: idParam,
        response: { 200: listOf(inspection), ...readErrors },
      },
    },
    async (request) => ({ items: await listInspections(request.ctx, { taskId: request.params.id }) }),
  );

  app.post(
    '/api/tasks/:id/inspections',
    {
      config: { guard: 'tasks.supervise' },
      schema: {
        tags,
        summary: 'Record an inspection with findings, photos and a verdict (confirmed / not as reported)',
        params: idParam,
        body: inspectionBody,
        response: { 201: listOf(inspection), ...writeErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send({ items: await recordInspection(request.ctx, { taskId: request.params.id, ...request.body }) }),
  );

  app.get(
    '/api/supervision/inspections',
    {
      config: { guard: 'tasks.read' },
      schema: {
        tags,
        summary: 'On-site inspections of the tasks you may see, newest first, paged',
        querystring: inspectionsQuery,
        response: { 200: inspectionPage, ...readErrors },
      },
    },
    (request) => pageInspections(request.ctx, request.query),
  );

  app.get(
    '/api/supervision/rules',
    {
      config: { guard: 'tasks.read' },
      schema: {
        tags,
        summary: 'The colour and escalation rules in force today',
        response: { 200: rulesBody, ...readErrors },
      },
    },
    (request) => getRules(request.ctx),
  );

  app.put(
    '/api/supervision/rules',
    {
      config: { guard: 'tasks.supervise' },
      schema: {
        tags,
        summary: 'Set the rules from a date (whole-tree supervisors only)',
        body: rulesBody,
        response: { 200: rulesBody, ...writeErrors },
      },
    },
    (request) => setRules(request.ctx, request.body),
  );

  app.post(
    '/api/supervision/passes',
    {
      config: { guard: 'tasks.supervise' },
      schema: {
        tags,
        summary: 'Run the supervision pass now (idempotent; the scheduler runs it daily)',
        body: z.object({}).optional(),
        response: { 200: passResult, ...writeErrors },
      },
    },
    (request) => runPassNow(request.ctx),
  );

  app.get(
    '/api/supervision/passes',
    {
      config: { guard: 'tasks.supervise' },
      schema: {
        tags,
        summary: 'The scheduler’s log of daily passes, newest first',
        response: { 200: listOf(passRun), ...readErrors },
      },
    },
    async (request) => ({ items: await listPassRuns(request.ctx) }),
  );
};
