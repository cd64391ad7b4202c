import type { Updateable } from 'kysely';
import type { Clock } from './clock.ts';
import type { Db } from './database.ts';
import type { JobRunTable } from './db-schema.ts';
import { AppError } from './errors.ts';

export type JobProgress = { phase: string; done: number; total: number };

export type StartJobOptions = {
  kind: string;
  params: unknown;
  requestedBy: number | null;
  /** Org path the job concerns, so whoever may see that subtree may watch it. */
  unitPath: string | null;
  clock: Clock;
  onUnexpectedError?: (error: unknown) => void;
};

const PROGRESS_FLUSH_MS = 250;
const HEARTBEAT_MS = 5_000;
/** A running job not heard from for this long belonged to a process that is gone. */
export const JOB_STALE_AFTER_MS = 30_000;

function storedError(error: unknown) {
  if (error instanceof AppError) return { code: error.code, params: error.params, details: error.details };
  return { code: 'INTERNAL', params: {}, details: [] };
}

/**
 * Runs long work in the background of this process and records it in job_run: progress (written at most
 * every 250 ms, plus a heartbeat), then the result or the error. The caller answers at once with the id;
 * clients watch `GET /api/jobs/{id}`. `finished` settles when the work is over, for tests and the CLI.
 */
export async function startJob<T>(
  db: Db,
  options: StartJobOptions,
  work: (report: (progress: JobProgress) => void) => Promise<T>,
): Promise<{ id: string; finished: Promise<void> }> {
  const { id } = await db
    .insertInto('job_run')
    .values({
      kind: options.kind,
      params: JSON.stringify(options.params ?? {}),
      requested_by: options.requestedBy,
      unit_path: options.unitPath,
      started_at: options.clock.now(),
      updated_at: options.clock.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  let latest: JobProgress | undefined;
  let lastFlush = 0;
  let writes = Promise.resolve();
  const write = (values: Updateable<JobRunTable>) => {
    writes = writes.then(async () => {
      await db.updateTable('job_run').set(values).where('id', '=', id).execute();
    });
    return writes;
  };
  const flush = () => {
    if (!latest) return;
    const { phase, done, total } = latest;
    lastFlush = Date.now();
    void write({ phase, done: String(done), total: String(total), updated_at: options.clock.now() });
  };
  const report = (progress: JobProgress) => {
    latest = progress;
    if (Date.now() - lastFlush >= PROGRESS_FLUSH_MS) flush();
  };
  const heartbeat = setInterval(() => void write({ updated_at: options.clock.now() }), HEARTBEAT_MS);
  heartbeat.unref();

  const finished = work(report)
    .then(async (result) => {
      flush();
      await write({
        status: 'succeeded',
        result: JSON.stringify(result ?? null),
        finished_at: options.clock.now(),
        updated_at: options.clock.now(),
      });
    })
    .catch(async (error: unknown) => {
      if (!(error instanceof AppError)) options.onUnexpectedError?.(error);
      await write({
        status: 'failed',
        error: JSON.stringify(storedError(error)),
        finished_at: options.clock.now(),
        updated_at: options.clock.now(),
      });
    })
    .finally(() => clearInterval(heartbeat));
  return { id, finished };
}

/** At start: jobs left running by a process that stopped are marked failed, not left spinning forever. */
export async function failAbandonedJobs(db: Db, clock: Clock): Promise<number> {
  const staleBefore = new Date(clock.now().getTime() - JOB_STALE_AFTER_MS);
  const result = await db
    .updateTable('job_run')
    .set({
      status: 'failed',
      error: JSON.stringify({ code: 'JOB_INTERRUPTED', params: {}, details: [] }),
      finished_at: clock.now(),
    })
    .where('status', '=', 'running')
    .where('updated_at', '<', staleBefore)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
