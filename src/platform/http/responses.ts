import { z } from 'zod';
import { errorCatalog } from '../errors.ts';

const codes = Object.keys(errorCatalog) as [keyof typeof errorCatalog, ...(keyof typeof errorCatalog)[]];

export const errorBody = z
  .object({
    code: z.enum(codes).describe('Stable error identifier'),
    message: z.string().describe('Human-readable, in the language of Accept-Language (zh-CN by default)'),
    details: z.array(
      z.object({ field: z.string(), row: z.number().int().optional(), code: z.string(), message: z.string() }),
    ),
    requestId: z.string(),
  })
  .meta({ id: 'Error', description: 'Every 4xx and 5xx answer has this shape' });

/** Documents the error statuses a route can answer with, all in the one error shape. */
export function errorResponses(...statuses: number[]): Record<number, typeof errorBody> {
  return Object.fromEntries(statuses.map((s) => [s, errorBody]));
}

export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** The refusals every read route can answer with. */
export const readErrors = errorResponses(400, 401, 403, 404);
/** The refusals every write route can answer with: also stale versions (409) and broken rules (422). */
export const writeErrors = errorResponses(400, 401, 403, 404, 409, 422);
