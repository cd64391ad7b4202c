import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AppError,
  errorCatalog,
  type ErrorCode,
  errorMessage,
  type FieldIssue,
  type Locale,
  localeFromHeader,
} from '../errors.ts';

export type ErrorBody = {
  code: ErrorCode;
  message: string;
  details: FieldIssue[];
  requestId: string;
};

const zodLocales = { 'zh-CN': z.locales.zhCN(), en: z.locales.en() } as const;

function requestLocale(request: FastifyRequest): Locale {
  return request.locale ?? localeFromHeader(request.headers['accept-language']);
}

/** Fastify's own errors for malformed requests, translated to our stable codes. */
const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'MALFORMED_JSON',
};

/** Zod's own translations of an issue; its English text when a translation has nothing to say. */
function localizedIssue(locale: Locale, issue: Record<string, unknown> & { message?: string }): string {
  try {
    const localized = zodLocales[locale].localeError?.(issue as never);
    const text = typeof localized === 'string' ? localized : localized?.message;
    return text ?? issue.message ?? 'invalid';
  } catch {
    return issue.message ?? 'invalid';
  }
}

function toAppError(error: FastifyError | Error, locale: Locale): AppError | undefined {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const details: FieldIssue[] = error.validation.map((v) => {
      const where = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
      const field = [error.validationContext, where].filter(Boolean).join('.');
      return {
        field,
        code: v.keyword,
        message: localizedIssue(locale, { ...v.params, code: v.keyword, message: v.message }),
      };
    });
    const summary = details.map((d) => `${d.field}: ${d.message}`).join('; ');
    return new AppError('VALIDATION_FAILED', { summary }, details);
  }
  const code = 'code' in error ? fastifyCodes[error.code] : undefined;
  if (code) return new AppError(code);
  if ('statusCode' in error && error.statusCode === 429) return new AppError('RATE_LIMITED');
  return undefined;
}

/** A detail whose code is one of ours speaks the request's language, like the message above it. */
/**
 * A detail with a catalogued code reads in the caller's language, filled from the error's parameters. A detail
 * that needs parameters of its own (the unknown code of one field, the previous value of one cell) keeps the
 * message its service wrote, already in the caller's language: re-filling it would leave `{code}` showing.
 */
function localizeDetail(detail: FieldIssue, error: AppError, locale: Locale): FieldIssue {
  if (!(detail.code in errorCatalog)) return detail;
  const message = errorMessage(detail.code as ErrorCode, locale, error.params);
  return /\{\w+\}/.test(message) ? detail : { ...detail, message };
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  const locale = requestLocale(request);
  const body: ErrorBody = {
    code: error.code,
    message: errorMessage(error.code, locale, { ...error.params, requestId: request.id }),
    details: error.details.map((detail) => localizeDetail(detail, error, locale)),
    requestId: request.id,
  };
  return reply.status(error.status).send(body);
}

export function installErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error, requestLocale(request));
    if (appError) return sendError(request, reply, appError);
    if (isResponseSerializationError(error))
      request.log.error({ err: error, issues: error.cause }, 'response failed its schema');
    else request.log.error({ err: error }, 'unhandled error');
    return sendError(request, reply, new AppError('INTERNAL'));
  });
}
