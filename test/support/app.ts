import { afterAll, beforeAll } from 'vitest';
import type { ServiceContext } from '../../src/modules/auth/context.ts';
import type { Role } from '../../src/modules/auth/permissions.ts';
import { systemContext } from '../../src/modules/auth/system-access.ts';
import { createUser } from '../../src/modules/users/service.ts';
import { manualClock } from '../../src/platform/clock.ts';
import type { Db } from '../../src/platform/database.ts';
import { type App, buildApp } from '../../src/server/app.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';

export type TestApp = {
  app: App;
  db: Db;
  connectionString: string;
  baseUrl: string;
  clock: ReturnType<typeof manualClock>;
  system: ServiceContext;
  /** Creates an account and returns a client signed in as it. */
  signIn: (options: { role: Role; scopes?: string[]; username?: string }) => Promise<ApiClient>;
  anonymous: () => ApiClient;
};

export const TEST_PASSWORD = 'Passw0rd-for-tests';
let userCounter = 0;

/** A real server on a random port over a private database: tests go through HTTP like any client. */
export function useTestApp(): TestApp {
  const holder = {} as TestApp & { database: TestDatabase };
  beforeAll(async () => {
    holder.database = await createTestDatabase();
    holder.db = holder.database.db;
    holder.connectionString = holder.database.connectionString;
    holder.clock = manualClock(new Date('2024-06-01T08:00:00Z'));
    holder.app = await buildApp({
      db: holder.db,
      connectionString: holder.connectionString,
      clock: holder.clock,
      logLevel: 'silent',
    });
    holder.baseUrl = await holder.app.listen({ port: 0, host: '127.0.0.1' });
    holder.system = systemContext(holder.db, holder.clock);
    holder.anonymous = () => new ApiClient(holder.baseUrl);
    holder.signIn = async ({ role, scopes = [], username }) => {
      userCounter += 1;
      const name = username ?? `${role}${userCounter}_${process.pid}`;
      await createUser(holder.system, {
        username: name,
        displayName: name,
        password: TEST_PASSWORD,
        role,
        locale: 'zh-CN',
        scopes,
      });
      const client = new ApiClient(holder.baseUrl);
      await client.login(name, TEST_PASSWORD);
      return client;
    };
  });
  afterAll(async () => {
    await holder.app?.close();
    await holder.database?.drop();
  });
  return holder;
}

export type ApiResponse<T = any> = { status: number; body: T; headers: Headers };

/** A minimal cookie-keeping HTTP client that sends the CSRF token the way the web app does. */
export class ApiClient {
  cookie = '';
  csrfToken = '';
  language: 'zh-CN' | 'en' = 'zh-CN';
  readonly baseUrl: string;

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
  }

  async login(username: string, password: string): Promise<ApiResponse> {
    const response = await this.request('POST', '/api/auth/login', { username, password });
    if (response.status === 200) this.csrfToken = response.body.csrfToken;
    return response;
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }

  post<T = any>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body);
  }

  put<T = any>(path: string, body?: unknown) {
    return this.request<T>('PUT', path, body);
  }

  patch<T = any>(path: string, body?: unknown) {
    return this.request<T>('PATCH', path, body);
  }

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { 'accept-language': this.language, ...extraHeaders };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken && method !== 'GET') headers['x-csrf-token'] = this.csrfToken;
    let payload: string | undefined;
    if (body !== undefined) {
      headers['content-type'] ??= 'application/json';
      payload = typeof body === 'string' ? body : JSON.stringify(body);
    }
    const response = await fetch(this.baseUrl + path, { method, headers, body: payload });
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('bihuan_session='));
    if (setCookie) this.cookie = setCookie.split(';')[0] ?? '';
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON (the docs page, say): keep the text
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }
}
