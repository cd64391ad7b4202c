import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../platform/http/responses.ts';
import { unitRef } from '../tasks/schema.ts';
import { countUnread, listInbox, markNotificationsRead } from './service.ts';

const tags = ['notifications'];
const unread = z.object({ unread: z.number().int() });
const notification = z
  .object({
    id: z.string(),
    kind: z
      .string()
      .describe(
        'task_issued, colour_yellow, colour_red, report_returned, supervision_notice, indicator_crossed_up, indicator_crossed_down, …',
      ),
    taskId: z.string().nullable(),
    title: z.string(),
    body: z.string(),
    unit: unitRef,
    createdAt: z.string(),
    read: z.boolean(),
  })
  .meta({ id: 'Notification' });

export const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/notifications',
    {
      config: { guard: 'authenticated' },
      schema: {
        tags,
        summary: 'Your inbox: notifications to the units in your scope, newest first, with the unread count',
        querystring: z.object({
          unreadOnly: z.enum(['true', 'false']).default('false'),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: unread.extend({ items: z.array(notification) }), ...errorResponses(400, 401) },
      },
    },
    (request) =>
      listInbox(request.ctx, { unreadOnly: request.query.unreadOnly === 'true', limit: request.query.limit }),
  );

  app.get(
    '/api/notifications/unread-count',
    {
      config: { guard: 'authenticated' },
      schema: {
        tags,
        summary: 'How many notifications you have not read (for the bell)',
        response: { 200: unread, ...errorResponses(401) },
      },
    },
    (request) => countUnread(request.ctx),
  );

  app.post(
    '/api/notifications/read',
    {
      config: { guard: 'authenticated' },
      schema: {
        tags,
        summary: 'Mark one notification (by id) or all of yours as read',
        body: z.object({ id: z.string().regex(/^\d+$/).optional() }),
        response: { 200: unread, ...errorResponses(400, 401, 404) },
      },
    },
    (request) => markNotificationsRead(request.ctx, request.body),
  );
};
