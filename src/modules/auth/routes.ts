import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../platform/http/responses.ts';
import { scopeUnitsOf } from '../users/queries.ts';
import type { Access } from './access.ts';
import { changePasswordBody, loginBody, okResponse, sessionResponse } from './schema.ts';
import { changeOwnPassword, login, logout, resolveSession, SESSION_HOURS } from './service.ts';

export const SESSION_COOKIE = 'bihuan_session';

type Options = { secureCookies: boolean };

export const authRoutes: FastifyPluginAsyncZod<Options> = async (app, options) => {
  const { db, clock } = app;
  const cookieOptions = {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: options.secureCookies,
    path: '/',
  };

  async function presentSession(access: Access, displayName: string, locale: 'zh-CN' | 'en', csrfToken: string) {
    const scopes = await scopeUnitsOf(db, access.userId);
    return {
      user: {
        id: access.userId,
        username: access.username,
        displayName,
        role: access.role,
        locale,
        permissions: [...access.permissions],
        scopes: scopes.map((s) => ({ code: s.code, name: s.name })),
      },
      csrfToken,
    };
  }

  app.post(
    '/api/auth/login',
    {
      config: { guard: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets the HttpOnly session cookie',
        body: loginBody,
        response: { 200: sessionResponse, ...errorResponses(400, 401, 403, 423, 429) },
      },
    },
    async (request, reply) => {
      const actor = { userId: null, username: request.body.username, requestId: request.id, clientIp: request.ip };
      const { token } = await login(
        { db, clock, actor, userAgent: request.headers['user-agent'] ?? null },
        request.body,
      );
      const session = await resolveSession(db, token, clock.now());
      if (!session) throw new Error('a session just created could not be read back');
      reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, maxAge: SESSION_HOURS * 3600 });
      return presentSession(session.access, session.displayName, session.locale, session.csrfToken);
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { guard: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'Sign out and end the session',
        response: { 200: okResponse, ...errorResponses(401, 403) },
      },
    },
    async (request, reply) => {
      await logout(request.ctx, request.session?.tokenHash ?? '');
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { guard: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user, permissions, scopes and CSRF token',
        response: { 200: sessionResponse, ...errorResponses(401) },
      },
    },
    async (request) => {
      const { session } = request;
      if (!session) throw new Error('an authenticated route ran without a session');
      return presentSession(session.access, session.displayName, session.locale, session.csrfToken);
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { guard: 'authenticated', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Change your own password; ends your other sessions',
        body: changePasswordBody,
        response: { 200: okResponse, ...errorResponses(400, 401, 403, 422) },
      },
    },
    async (request) => {
      await changeOwnPassword(request.ctx, { ...request.body, keepSessionHash: request.session?.tokenHash ?? '' });
      return { ok: true as const };
    },
  );
};
