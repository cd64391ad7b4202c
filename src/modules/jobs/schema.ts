import { z } from 'zod';

export const jobIdParam = z.object({ id: z.string().regex(/^\d+$/, 'a job id') });
export const jobListQuery = z.object({
  kind: z.string().trim().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const job = z
  .object({
    id: z.string(),
    kind: z.string().describe('What runs, e.g. org.import_divisions'),
    status: z.enum(['running', 'succeeded', 'failed']),
    phase: z.string().nullable(),
    done: z.number(),
    total: z.number(),
    percent: z.number().nullable().describe('done ÷ total × 100, null while the total is unknown'),
    params: z.unknown(),
    result: z.unknown(),
    error: z
      .object({
        code: z.string(),
        message: z.string(),
        details: z
          .array(
            z.object({ field: z.string(), row: z.number().int().optional(), code: z.string(), message: z.string() }),
          )
          .describe('Per-field (and, for imports, per-row) problems'),
      })
      .nullable()
      .describe('Why it failed, in the language of Accept-Language'),
    requestedBy: z.string().nullable(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'Job' });
export type JobDto = z.infer<typeof job>;
