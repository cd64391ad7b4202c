import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listOf, readErrors, writeErrors } from '../../platform/http/responses.ts';
import { listReports, reviewTaskReport, submitReport } from './reports.ts';
import {
  actionBody,
  amendTaskBody,
  createTaskBody,
  idParam,
  listTasksQuery,
  reportParams,
  reviewReportBody,
  submitReportBody,
  taskDetail,
  taskPage,
  taskReport,
} from './schema.ts';
import { actOnTask, amendTask, createTask, getTask, listTasksFor } from './service.ts';

const tags = ['tasks'];

export const tasksRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/tasks',
    {
      config: { guard: 'tasks.read' },
      schema: {
        tags,
        summary: 'Tasks you may see (granted to a unit in your scope), paged, soonest deadline first',
        querystring: listTasksQuery,
        response: { 200: taskPage, ...readErrors },
      },
    },
    (request) => listTasksFor(request.ctx, request.query),
  );

  app.post(
    '/api/tasks',
    {
      config: { guard: 'tasks.issue' },
      schema: {
        tags,
        summary: 'Draft (or issue at once) a task to a lead unit, co-operating units and a supervising unit',
        body: createTaskBody,
        response: { 201: taskDetail, ...writeErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await createTask(request.ctx, request.body)),
  );

  app.get(
    '/api/tasks/:id',
    {
      config: { guard: 'tasks.read' },
      schema: {
        tags,
        summary: 'One task, with your part in it and what you may do now',
        params: idParam,
        response: { 200: taskDetail, ...readErrors },
      },
    },
    (request) => getTask(request.ctx, request.params),
  );

  app.patch(
    '/api/tasks/:id',
    {
      config: { guard: 'tasks.issue' },
      schema: {
        tags,
        summary: 'Amend a draft task, or an open one by a decision (then not its dates)',
        params: idParam,
        body: amendTaskBody,
        response: { 200: taskDetail, ...writeErrors },
      },
    },
    (request) => amendTask(request.ctx, { ...request.params, ...request.body }),
  );

  app.post(
    '/api/tasks/:id/actions',
    {
      config: { guard: 'tasks.read' },
      schema: {
        tags,
        summary:
          'Move the task on: issue, acknowledge (签收), start, resume, request/approve/reject an extension, cancel',
        params: idParam,
        body: actionBody,
        response: { 200: taskDetail, ...writeErrors },
      },
    },
    (request) => actOnTask(request.ctx, { ...request.params, ...request.body }),
  );

  app.get(
    '/api/tasks/:id/reports',
    {
      config: { guard: 'tasks.read' },
      schema: {
        tags,
        summary: 'The task’s progress and completion reports, newest first',
        params: idParam,
        response: { 200: listOf(taskReport), ...readErrors },
      },
    },
    async (request) => ({ items: await listReports(request.ctx, request.params) }),
  );

  app.post(
    '/api/tasks/:id/reports',
    {
      config: { guard: 'tasks.work' },
      schema: {
        tags,
        summary: 'Report progress or completion with figures and evidence files (idempotency key required)',
        params: idParam,
        body: submitReportBody,
        response: { 201: taskReport, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await submitReport(request.ctx, { ...request.params, ...request.body })),
  );

  app.post(
    '/api/tasks/:id/reports/:reportId/review',
    {
      config: { guard: 'tasks.supervise' },
      schema: {
        tags,
        summary: 'Accept or return (退回, with a reason) a report; accepting completion closes the task',
        params: reportParams,
        body: reviewReportBody,
        response: { 200: taskReport, ...writeErrors },
      },
    },
    (request) => reviewTaskReport(request.ctx, { ...request.params, ...request.body }),
  );
};
