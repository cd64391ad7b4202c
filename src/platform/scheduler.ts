import { sql } from 'kysely';
import type { Clock } from './clock.ts';
import type { Db } from './database.ts';

/**
 * Recurring work inside the server process. Each job names the slot a moment falls in (a China day, an
 * hour); a run claims its slot in `scheduler_run` first, so however many ticks or processes race, a slot
 * runs once, and every run is logged with its result. A failed slot is retried on the next tick. Jobs must
 * themselves be idempotent, since a forced run may repeat a slot's work.
 */
export type ScheduledJob = {
  name: string;
  slotOf: (now: Date) => string;
  run: (now: Date) => Promise<unknown>;
};

export type RunOutcome = { job: string; slot: string; ran: boolean; result?: unknown };

export async function runJobInSlot(db: Db, job: ScheduledJob, now: Date, slot = job.slotOf(now)): Promise<RunOutcome> {
  const claimed = await sql<{ id: string }>`
    insert into scheduler_run (job, slot, status, started_at) values (${job.name}, ${slot}, 'running', ${now})
    on conflict (job, slot) do update set status = 'running', started_at = excluded.started_at, result = null
      where scheduler_run.status = 'failed'
    returning id`.execute(db);
  const id = claimed.rows[0]?.id;
  if (!id) return { job: job.name, slot, ran: false };
  try {
    const result = await job.run(now);
    await db
      .updateTable('scheduler_run')
      .set({ status: 'succeeded', result: JSON.stringify(result ?? null), finished_at: new Date() })
      .where('id', '=', id)
      .execute();
    return { job: job.name, slot, ran: true, result };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db
      .updateTable('scheduler_run')
      .set({ status: 'failed', result: JSON.stringify({ error: message }), finished_at: new Date() })
      .where('id', '=', id)
      .execute();
    throw error;
  }
}

/** Ticks every `intervalMs` (unref'd, so it never holds the process open) and runs the jobs whose slot is due. */
export function startScheduler(
  db: Db,
  clock: Clock,
  jobs: readonly ScheduledJob[],
  options: { intervalMs: number; onError: (error: unknown) => void },
) {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = running.then(() =>
      Promise.all(jobs.map((job) => runJobInSlot(db, job, clock.now()).catch(options.onError))),
    );
    return running;
  };
  const timer = setInterval(() => void tick(), options.intervalMs);
  timer.unref();
  void tick();
  return {
    tick,
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
