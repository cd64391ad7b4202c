import { describe, expect, it } from 'vitest';
import { type ApiClient, useTestApp } from '../../../test/support/app.ts';
import { failAbandonedJobs } from '../../platform/jobs.ts';

const t = useTestApp();

async function waitForJob(client: ApiClient, id: string) {
  for (let attempt = 0; attempt < 200; attempt++) {
    const response = await client.get(`/api/jobs/${id}`);
    if (response.body.status !== 'running') return response.body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`job ${id} did not finish`);
}

describe('division import as a job', () => {
  it('answers 202 with a job at once, which finishes with the counts and can be listed', async () => {
    const admin = await t.signIn({ role: 'admin' });
    const started = await admin.post('/api/org-units/import-divisions', { prefix: '140108' });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ kind: 'org.import_divisions', params: { prefix: '140108' } });
    const finished = await waitForJob(admin, started.body.id);
    expect(finished).toMatchObject({
      status: 'succeeded',
      percent: 100,
      result: { prefix: '140108', existing: 1 },
      error: null,
    });
    expect(finished.result.inserted).toBeGreaterThan(10);
    expect(finished.finishedAt).not.toBeNull();
    const unit = await admin.get('/api/org-units/140108');
    expect(unit.body.name).toBeTruthy();
    const listed = await admin.get('/api/jobs?kind=org.import_divisions');
    expect(listed.body.items[0].id).toBe(started.body.id);
  });

  it('records a failure with its localized reason', async () => {
    const admin = await t.signIn({ role: 'admin' });
    admin.language = 'en';
    const started = await admin.post('/api/org-units/import-divisions', { prefix: '99' });
    const finished = await waitForJob(admin, started.body.id);
    expect(finished).toMatchObject({
      status: 'failed',
      error: { code: 'ORG_UNIT_NOT_FOUND', message: 'Organisation unit 99 was not found' },
    });
  });

  it('refuses a malformed prefix before any job starts', async () => {
    const admin = await t.signIn({ role: 'admin' });
    const response = await admin.post('/api/org-units/import-divisions', { prefix: '14x' });
    expect(response.status).toBe(400);
    expect(response.body.details[0].field).toBe('body.prefix');
  });

  it('hides other people’s jobs outside one’s scope', async () => {
    const admin = await t.signIn({ role: 'admin' });
    const clerk = await t.signIn({ role: 'clerk', scopes: ['140929'] });
    const started = await admin.post('/api/org-units/import-divisions', { prefix: '140929' });
    await waitForJob(admin, started.body.id);
    const peek = await clerk.get(`/api/jobs/${started.body.id}`);
    expect(peek.status).toBe(404);
    expect(peek.body.code).toBe('JOB_NOT_FOUND');
    expect((await clerk.get('/api/jobs')).body.items).toEqual([]);
  });

  it('marks jobs abandoned by a stopped process as interrupted', async () => {
    const admin = await t.signIn({ role: 'admin' });
    const row = await t.db
      .insertInto('job_run')
      .values({
        kind: 'test.abandoned',
        params: '{}',
        unit_path: '/',
        updated_at: new Date(t.clock.now().getTime() - 60_000),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(await failAbandonedJobs(t.db, t.clock)).toBe(1);
    const job = await admin.get(`/api/jobs/${row.id}`);
    expect(job.body).toMatchObject({ status: 'failed', error: { code: 'JOB_INTERRUPTED' } });
  });
});
