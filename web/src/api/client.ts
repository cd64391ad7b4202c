import createClient, { type Middleware } from 'openapi-fetch';
import { i18n } from '../i18n/i18n.ts';
import { ApiError } from './api-error.ts';
import type { paths } from './schema.d.ts';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The session's CSRF token, handed out by login and /auth/me; kept in memory only, never in storage. */
let csrfToken: string | undefined;

export function rememberCsrfToken(token: string | undefined) {
  csrfToken = token;
}

/** For the one request the typed client cannot make: multipart evidence uploads. */
export function csrfTokenForUpload(): string | undefined {
  return csrfToken;
}

const headers: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept-Language', i18n.language);
    if (csrfToken && UNSAFE_METHODS.has(request.method)) request.headers.set('X-CSRF-Token', csrfToken);
    return request;
  },
};

const errors: Middleware = {
  async onResponse({ response }) {
    if (!response.ok) throw await ApiError.fromResponse(response, i18n.t('errors.unexpected', { status: response.status }));
    return response;
  },
  onError({ error }) {
    if (error instanceof ApiError) return error;
    return new ApiError(0, { code: 'NETWORK_ERROR', message: i18n.t('errors.network') });
  },
};

export const api = createClient<paths>({ credentials: 'same-origin' });
api.use(headers, errors);

/**
 * The body of a successful call. Failures never reach here: the middleware turns every non-2xx answer
 * into a thrown ApiError, so callers and TanStack Query see one kind of error.
 */
export async function dataOf<T>(call: Promise<{ data?: T }>): Promise<T> {
  const { data } = await call;
  if (data === undefined) throw new ApiError(0, { code: 'INTERNAL', message: i18n.t('errors.emptyResponse') });
  return data;
}
