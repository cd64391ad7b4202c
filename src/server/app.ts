import { randomUUID, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { assertCan } from '../modules/auth/access.ts';
import { authRoutes, SESSION_COOKIE } from '../modules/auth/routes.ts';
import { resolveSession } from '../modules/auth/service.ts';
import { auditRoutes } from '../modules/audit/routes.ts';
import { healthRoutes } from '../modules/health/routes.ts';
import { indicatorRoutes } from '../modules/indicators/routes.ts';
import { jobsRoutes } from '../modules/jobs/routes.ts';
import { orgRoutes } from '../modules/org/routes.ts';
import { usersRoutes } from '../modules/users/routes.ts';
import { filesRoutes } from '../modules/files/routes.ts';
import { tasksRoutes } from '../modules/tasks/routes.ts';
import { supervisionRoutes } from '../modules/supervision/routes.ts';
import { notificationsRoutes } from '../modules/notifications/routes.ts';
import { testClockRoutes } from './test-clock.ts';
import { assessmentRoutes } from '../modules/assessment/routes.ts';
import { planStructureRoutes } from '../modules/plan-structure/routes.ts';
import { plansRoutes } from '../modules/plans/routes.ts';
import type { Clock, offsetClock } from '../platform/clock.ts';
import { registryRoutes } from '../modules/registry/routes.ts';
import { wireModules } from './wire-modules.ts';
import type { Db } from '../platform/database.ts';
import { AppError, errorMessage, localeFromHeader } from '../platform/errors.ts';
import { installErrorHandling, sendError } from '../platform/http/error-handler.ts';
import type { RouteGuard } from '../platform/http/fastify-types.ts';

export type AppDeps = {
  db: Db;
  connectionString: string;
  clock: Clock;
  secureCookies?: boolean;
  logLevel?: string;
  /** Where evidence files are stored; a fresh temporary directory when absent (tests). */
  filesDir?: string;
  /** Only for the browser tests: lets `POST /api/test/clock` move time (see test-clock.ts). */
  testClock?: ReturnType<typeof offsetClock>;
  /** The built web app; served at / when present. */
  webDir?: string;
  version?: string;
};

export type App = FastifyInstance & { routeGuards: Map<string, RouteGuard> };

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function buildApp(deps: AppDeps): Promise<App> {
  wireModules();
  const app = Fastify({
    logger: { level: deps.logLevel ?? 'info' },
    bodyLimit: 1_048_576,
    genReqId: () => randomUUID(),
    trustProxy: 'loopback',
    // Requests Node's parser rejects (raw non-ASCII in a URL, say) still get the one error shape.
    clientErrorHandler: (error, socket) => {
      if (!socket.writable) return;
      const body = JSON.stringify({
        code: 'MALFORMED_REQUEST',
        message: errorMessage('MALFORMED_REQUEST', 'zh-CN'),
        details: [],
        requestId: '',
      });
      socket.end(
        `HTTP/1.1 400 Bad Request\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    },
  }).withTypeProvider<ZodTypeProvider>();
  // JSON only: a text/plain body is refused as 415 instead of reaching validation as a string.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);

  app.decorate('db', deps.db);
  app.decorate('clock', deps.clock);
  app.decorate('connectionString', deps.connectionString);
  const routeGuards = new Map<string, RouteGuard>();
  app.decorate('routeGuards', routeGuards);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const guard = route.config?.guard;
    if (!guard) throw new Error(`${String(route.method)} ${route.url} declares no guard`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routeGuards.set(`${method} ${route.url}`, guard);
    }
  });

  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Bihuan API',
        description: 'The closed work loop: decide → command → promote → supervise → assess.',
        version: deps.version ?? '0.0.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  // Authentication runs before the body is parsed, so an anonymous caller learns nothing from validation.
  app.addHook('onRequest', async (request) => {
    request.locale = localeFromHeader(request.headers['accept-language']);
    const guard = request.routeOptions.config.guard;
    if (!guard || guard === 'public') return;
    await authenticate(request, guard, deps);
  });

  await app.register(healthRoutes);
  await app.register(authRoutes, { secureCookies: deps.secureCookies ?? false });
  await app.register(orgRoutes);
  await app.register(usersRoutes);
  await app.register(auditRoutes);
  await app.register(jobsRoutes);
  app.decorate('filesDir', deps.filesDir ?? (await mkdtemp(path.join(tmpdir(), 'bihuan-files-'))));
  await app.register(filesRoutes);
  await app.register(tasksRoutes);
  await app.register(supervisionRoutes);
  await app.register(notificationsRoutes);
  await app.register(assessmentRoutes);
  await app.register(plansRoutes);
  await app.register(planStructureRoutes);
  if (deps.testClock) await app.register(testClockRoutes(deps.testClock));
  await app.register(indicatorRoutes);
  await app.register(registryRoutes);
  app.get('/api/openapi.json', { config: { guard: 'public' }, schema: { hide: true } }, () => app.swagger());

  serveWebApp(app, deps.webDir);
  return app as unknown as App;
}

async function authenticate(request: FastifyRequest, guard: Exclude<RouteGuard, 'public'>, deps: AppDeps) {
  const token = request.cookies[SESSION_COOKIE];
  const session = token ? await resolveSession(deps.db, token, deps.clock.now()) : undefined;
  if (!session) throw new AppError('UNAUTHENTICATED');
  if (UNSAFE_METHODS.has(request.method) && !sameToken(request.headers['x-csrf-token'], session.csrfToken)) {
    throw new AppError('CSRF_TOKEN_INVALID');
  }
  if (guard !== 'authenticated') assertCan(session.access, guard);
  request.session = session;
  request.ctx = {
    db: deps.db,
    clock: deps.clock,
    access: session.access,
    locale: request.locale ?? 'zh-CN',
    actor: {
      userId: session.access.userId,
      username: session.access.username,
      requestId: request.id,
      clientIp: request.ip,
    },
  };
}

function sameToken(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string' || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

function serveWebApp(app: FastifyInstance, webDir: string | undefined) {
  const hasWeb = webDir !== undefined && existsSync(path.join(webDir, 'index.html'));
  if (hasWeb) app.register(fastifyStatic, { root: webDir, wildcard: false, index: 'index.html' });
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes get the app; a missing file (an asset of an older build) stays a 404, not HTML.
    const isAppRoute = !request.url.startsWith('/api/') && !/\.[a-z0-9]+(\?|$)/i.test(request.url);
    if (hasWeb && request.method === 'GET' && isAppRoute) {
      return reply.type('text/html').sendFile('index.html');
    }
    return sendError(request, reply, new AppError('NOT_FOUND'));
  });
}
