import { AppError, type ErrorCode, errorCatalog, errorMessage, type FieldIssue } from '../../platform/errors.ts';
import { type Access, pathInScope } from '../auth/access.ts';
import type { ServiceContext } from '../auth/context.ts';
import { findJob, type JobRow, recentJobs } from './queries.ts';
import type { JobDto } from './schema.ts';

/** Whoever started a job may watch it, and so may anyone whose scope holds the unit it concerns. */
function canWatch(access: Access, job: JobRow): boolean {
  return job.requested_by === access.userId || (job.unit_path !== null && pathInScope(access, job.unit_path));
}

function presentJob(ctx: ServiceContext, row: JobRow): JobDto {
  const done = Number(row.done);
  const total = Number(row.total);
  const stored = row.error as {
    code: string;
    params: Record<string, string | number>;
    details?: FieldIssue[];
  } | null;
  const code = stored && stored.code in errorCatalog ? (stored.code as ErrorCode) : 'INTERNAL';
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    phase: row.phase,
    done,
    total,
    percent: total > 0 ? Math.min(100, Math.round((done / total) * 1000) / 10) : null,
    params: row.params,
    result: row.result,
    error: stored
      ? {
          code,
          message: errorMessage(code, ctx.locale, { ...stored.params, requestId: row.id }),
          details: stored.details ?? [],
        }
      : null,
    requestedBy: row.requested_by_name,
    startedAt: new Date(row.started_at).toISOString(),
    finishedAt: row.finished_at ? row.finished_at.toISOString() : null,
  };
}

export async function getJob(ctx: ServiceContext, options: { id: string }): Promise<JobDto> {
  const row = await findJob(ctx.db, options.id);
  if (!row || !canWatch(ctx.access, row)) throw new AppError('JOB_NOT_FOUND', { id: options.id });
  return presentJob(ctx, row);
}

export async function listJobs(ctx: ServiceContext, options: { kind?: string; limit: number }): Promise<JobDto[]> {
  const rows = await recentJobs(ctx.db, options);
  return rows.filter((row) => canWatch(ctx.access, row)).map((row) => presentJob(ctx, row));
}
