import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/support/app.ts';
import { runJobInSlot, type ScheduledJob } from './scheduler.ts';

const t = useTestApp();

describe('the scheduler', () => {
  it('runs a slot once however often it is asked, logs it, and retries a failed slot', async () => {
    let runs = 0;
    let fail = true;
    const job: ScheduledJob = {
      name: 'test.count',
      slotOf: (now) => now.toISOString().slice(0, 10),
      run: async () => {
        runs += 1;
        if (fail) throw new Error('boom');
        return { runs };
      },
    };
    const now = t.clock.now();
    await expect(runJobInSlot(t.db, job, now)).rejects.toThrow('boom');
    fail = false;
    const [a, b] = await Promise.all([runJobInSlot(t.db, job, now), runJobInSlot(t.db, job, now)]);
    expect([a.ran, b.ran].sort()).toEqual([false, true]);
    expect((await runJobInSlot(t.db, job, now)).ran).toBe(false);
    expect(runs).toBe(2);
    const logged = await t.db.selectFrom('scheduler_run').selectAll().where('job', '=', 'test.count').execute();
    expect(logged).toEqual([expect.objectContaining({ slot: '2024-06-01', status: 'succeeded', result: { runs: 2 } })]);
  });
});
