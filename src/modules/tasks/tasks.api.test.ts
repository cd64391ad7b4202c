import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, TEST_PASSWORD, useTestApp } from '../../../test/support/app.ts';
import { CITY, idempotencyKey, KELAN, taskBody, uploadFile, XINFU, YUANPING } from '../../../test/support/loop.ts';

const t = useTestApp();
let leader: ApiClient; // the city: issues and supervises
let lead: ApiClient; // Kelan County clerk
let cooperating: ApiClient; // Xinfu District staff
let unrelated: ApiClient; // Yuanping clerk

beforeAll(async () => {
  leader = await t.signIn({ role: 'leader', scopes: [CITY], username: 'tasks_leader' });
  lead = await t.signIn({ role: 'clerk', scopes: [KELAN], username: 'tasks_lead' });
  cooperating = await t.signIn({ role: 'staff', scopes: [XINFU], username: 'tasks_coop' });
  unrelated = await t.signIn({ role: 'clerk', scopes: [YUANPING], username: 'tasks_other' });
});

/** Sessions last hours, so moving the clock by days needs fresh sign-ins. */
async function moveClock(days: number) {
  t.clock.advanceDays(days);
  await leader.login('tasks_leader', TEST_PASSWORD);
  await lead.login('tasks_lead', TEST_PASSWORD);
}

async function issuedTask(overrides: Record<string, unknown> = {}) {
  const created = await leader.post('/api/tasks', taskBody({ issue: true, ...overrides }));
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body as { id: string; version: number };
}

async function act(client: ApiClient, id: string, action: string, extra: Record<string, unknown> = {}) {
  const current = await leader.get(`/api/tasks/${id}`);
  return client.post(`/api/tasks/${id}/actions`, { action, version: current.body.version, ...extra });
}

function report(client: ApiClient, id: string, body: Record<string, unknown> = {}) {
  return client.post(`/api/tasks/${id}/reports`, {
    kind: 'progress',
    percent: 30,
    narrative: '已完成入户摸底',
    idempotencyKey: idempotencyKey(),
    ...body,
  });
}

describe('issuing and seeing tasks', () => {
  it('keeps a draft to the issuer, then shows the issued task to lead and co-operating units only', async () => {
    const draft = await leader.post('/api/tasks', taskBody());
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ status: 'draft', colour: null, leadUnit: { code: '140929000000' } });
    expect((await lead.get(`/api/tasks/${draft.body.id}`)).status).toBe(404);

    const issued = await leader.post(`/api/tasks/${draft.body.id}/actions`, {
      action: 'issue',
      version: draft.body.version,
    });
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({ status: 'issued', colour: 'green', myRoles: ['issuer', 'supervisor'] });

    const asLead = await lead.get(`/api/tasks/${draft.body.id}`);
    expect(asLead.body).toMatchObject({ myRoles: ['lead'], availableActions: ['acknowledge', 'request_extension'] });
    expect((await cooperating.get(`/api/tasks/${draft.body.id}`)).body.myRoles).toEqual(['cooperating']);
    expect((await unrelated.get(`/api/tasks/${draft.body.id}`)).status).toBe(404);
    const list = await unrelated.get('/api/tasks');
    expect(list.body).toMatchObject({ items: [], total: 0 });
    const mine = await cooperating.get('/api/tasks');
    expect(mine.body.items.map((item: { id: string }) => item.id)).toContain(draft.body.id);
  });

  it('refuses bad input: unknown units, the same unit twice, milestones after the deadline', async () => {
    const unknown = await leader.post('/api/tasks', taskBody({ leadUnit: '149999' }));
    expect(unknown.status).toBe(404);
    expect(unknown.body.details[0].field).toBe('leadUnit');
    expect((await leader.post('/api/tasks', taskBody({ cooperatingUnits: [KELAN] }))).body.code).toBe(
      'TASK_UNITS_INVALID',
    );
    const late = await leader.post(
      '/api/tasks',
      taskBody({ milestones: [{ title: '迟', dueOn: '2024-09-30', weight: 1 }] }),
    );
    expect(late.status).toBe(422);
    expect(late.body.details).toEqual([expect.objectContaining({ field: 'milestones.0', code: 'due_after_deadline' })]);
    expect((await lead.post('/api/tasks', taskBody())).status).toBe(403);
    const outOfScope = await t.signIn({ role: 'leader', scopes: [KELAN] });
    expect((await outOfScope.post('/api/tasks', taskBody())).body.code).toBe('OUT_OF_SCOPE');
  });
});

describe('the task state machine over HTTP', () => {
  it('lets only the lead unit acknowledge, once, with the current version', async () => {
    const task = await issuedTask();
    expect((await act(cooperating, task.id, 'acknowledge')).body.code).toBe('TASK_ACTION_NOT_YOURS');
    expect((await act(unrelated, task.id, 'acknowledge')).status).toBe(404);
    const stale = await lead.post(`/api/tasks/${task.id}/actions`, {
      action: 'acknowledge',
      version: task.version + 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    const acknowledged = await act(lead, task.id, 'acknowledge');
    expect(acknowledged.body.status).toBe('acknowledged');
    const again = await act(lead, task.id, 'acknowledge');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('TASK_TRANSITION_ILLEGAL');
  });

  it('grants an extension requested before the deadline, and refuses one after it', async () => {
    const task = await issuedTask({ deadline: '2024-06-10', milestones: [] });
    expect((await act(lead, task.id, 'request_extension', { newDeadline: '2024-07-10' })).body.code).toBe(
      'TASK_REASON_REQUIRED',
    );
    const requested = await act(lead, task.id, 'request_extension', {
      reason: '汛期施工受阻',
      newDeadline: '2024-07-10',
    });
    expect(requested.body).toMatchObject({ status: 'extension_requested', requestedDeadline: '2024-07-10' });
    const approved = await act(leader, task.id, 'approve_extension', { newDeadline: '2024-07-10' });
    expect(approved.body).toMatchObject({ status: 'issued', deadline: '2024-07-10' });

    const late = await issuedTask({ deadline: '2024-06-03', milestones: [] });
    await moveClock(3);
    try {
      const refused = await act(lead, late.id, 'request_extension', { reason: '来不及', newDeadline: '2024-07-10' });
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('TASK_DEADLINE_PASSED');
    } finally {
      await moveClock(-3);
    }
  });

  it('lets the issuer cancel with a reason; a cancelled task takes no reports', async () => {
    const task = await issuedTask();
    const cancelled = await act(leader, task.id, 'cancel', { reason: '任务合并' });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', colour: null });
    const refused = await report(lead, task.id);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('TASK_FINAL');
  });
});

describe('reports with evidence, returns and verification', () => {
  it('walks a task from acknowledgement to verified close', async () => {
    const task = await issuedTask();
    await act(lead, task.id, 'acknowledge');
    const photo = await uploadFile(lead, { name: '现场照片.jpg', type: 'image/jpeg', content: 'jpeg-bytes' });
    expect(photo.status).toBe(201);
    expect(photo.body.sha256).toMatch(/^[0-9a-f]{64}$/);

    const key = idempotencyKey();
    const first = await report(lead, task.id, {
      idempotencyKey: key,
      files: [{ sha256: photo.body.sha256, name: '现场照片.jpg' }],
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      status: 'submitted',
      unit: { code: '140929000000' },
      files: [{ name: '现场照片.jpg' }],
    });
    const duplicate = await report(lead, task.id, { idempotencyKey: key });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('REPORT_DUPLICATE');
    expect((await leader.get(`/api/tasks/${task.id}/reports`)).body.items).toHaveLength(1);

    const download = await fetch(`${t.baseUrl}/api/files/${photo.body.sha256}`, { headers: { cookie: leader.cookie } });
    expect(download.status).toBe(200);
    expect(await download.text()).toBe('jpeg-bytes');
    const hidden = await fetch(`${t.baseUrl}/api/files/${photo.body.sha256}`, {
      headers: { cookie: unrelated.cookie },
    });
    expect(hidden.status).toBe(404);

    expect(
      (await cooperating.post(`/api/tasks/${task.id}/reports/${first.body.id}/review`, { decision: 'accept' })).status,
    ).toBe(403);
    const accepted = await leader.post(`/api/tasks/${task.id}/reports/${first.body.id}/review`, { decision: 'accept' });
    expect(accepted.body.status).toBe('accepted');
    expect((await lead.get(`/api/tasks/${task.id}`)).body).toMatchObject({
      status: 'in_progress',
      reportedPercent: 30,
    });
    expect(
      (await leader.post(`/api/tasks/${task.id}/reports/${first.body.id}/review`, { decision: 'accept' })).body.code,
    ).toBe('REPORT_ALREADY_REVIEWED');

    expect((await report(cooperating, task.id, { percent: 40 })).status).toBe(201);

    const completion = await report(lead, task.id, { kind: 'completion', percent: 100, narrative: '全部完成' });
    expect((await lead.get(`/api/tasks/${task.id}`)).body.status).toBe('completion_reported');
    const noReason = await leader.post(`/api/tasks/${task.id}/reports/${completion.body.id}/review`, {
      decision: 'return',
    });
    expect(noReason.status).toBe(422);
    const returned = await leader.post(`/api/tasks/${task.id}/reports/${completion.body.id}/review`, {
      decision: 'return',
      reason: '缺少验收材料',
    });
    expect(returned.body).toMatchObject({ status: 'returned', reviewReason: '缺少验收材料' });
    expect((await lead.get(`/api/tasks/${task.id}`)).body).toMatchObject({ status: 'returned', colour: 'yellow' });

    const again = await report(lead, task.id, { kind: 'completion', percent: 100, narrative: '补充验收材料' });
    await leader.post(`/api/tasks/${task.id}/reports/${again.body.id}/review`, { decision: 'accept' });
    const closed = await lead.get(`/api/tasks/${task.id}`);
    expect(closed.body).toMatchObject({
      status: 'closed',
      colour: 'grey',
      closedOn: '2024-06-01',
      reportedPercent: 100,
    });
    expect((await report(lead, task.id)).body.code).toBe('TASK_FINAL');
  });

  it('refuses oversize and disallowed files, and unknown evidence', async () => {
    const big = await uploadFile(lead, {
      name: 'big.pdf',
      type: 'application/pdf',
      content: new Uint8Array(10 * 1024 * 1024 + 1),
    });
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('FILE_TOO_LARGE');
    const script = await uploadFile(lead, { name: 'run.exe', type: 'application/octet-stream', content: 'MZ' });
    expect(script.status).toBe(415);
    expect(script.body.code).toBe('FILE_TYPE_NOT_ALLOWED');
    const task = await issuedTask();
    await act(lead, task.id, 'acknowledge');
    const ghost = await report(lead, task.id, { files: [{ sha256: 'a'.repeat(64), name: 'x.pdf' }] });
    expect(ghost.status).toBe(404);
    expect((await leader.get(`/api/tasks/${task.id}/reports`)).body.items).toEqual([]);
  });
});
