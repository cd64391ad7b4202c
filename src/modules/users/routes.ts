import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, listOf } from '../../platform/http/responses.ts';
import { okResponse } from '../auth/schema.ts';
import { roles, rolePermissions } from '../auth/permissions.ts';
import {
  createUserBody,
  resetPasswordBody,
  roleInfo,
  updateUserBody,
  user,
  userIdParam,
  userListQuery,
} from './schema.ts';
import { createUser, findUsers, getUser, resetPassword, updateUser } from './service.ts';

const tags = ['users'];

export const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/users',
    {
      config: { guard: 'users.read' },
      schema: {
        tags,
        summary: 'Accounts whose scopes lie within yours',
        querystring: userListQuery,
        response: { 200: listOf(user), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => ({ items: await findUsers(request.ctx, request.query) }),
  );

  app.get(
    '/api/users/:id',
    {
      config: { guard: 'users.read' },
      schema: {
        tags,
        summary: 'One account',
        params: userIdParam,
        response: { 200: user, ...errorResponses(400, 401, 403, 404) },
      },
    },
    (request) => getUser(request.ctx, request.params),
  );

  app.post(
    '/api/users',
    {
      config: { guard: 'users.manage' },
      schema: {
        tags,
        summary: 'Create an account with a role and data scopes',
        body: createUserBody,
        response: { 201: user, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => reply.status(201).send(await createUser(request.ctx, request.body)),
  );

  app.patch(
    '/api/users/:id',
    {
      config: { guard: 'users.manage' },
      schema: {
        tags,
        summary: 'Change name, role, language, scopes or disable an account (ends its sessions)',
        params: userIdParam,
        body: updateUserBody,
        response: { 200: user, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    (request) => updateUser(request.ctx, { ...request.params, ...request.body }),
  );

  app.post(
    '/api/users/:id/reset-password',
    {
      config: { guard: 'users.manage' },
      schema: {
        tags,
        summary: 'Set a new password and lift a lockout',
        params: userIdParam,
        body: resetPasswordBody,
        response: { 200: okResponse, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      await resetPassword(request.ctx, { ...request.params, ...request.body });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/roles',
    {
      config: { guard: 'users.read' },
      schema: {
        tags,
        summary: 'The roles and the permissions each grants',
        response: { 200: listOf(roleInfo), ...errorResponses(401, 403) },
      },
    },
    async () => ({ items: roles.map((role) => ({ role, permissions: [...rolePermissions[role]] })) }),
  );
};
