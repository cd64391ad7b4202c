import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, TEST_PASSWORD, useTestApp } from '../../../test/support/app.ts';
import { CITY, idempotencyKey, KELAN, taskBody, XINFU, YUANPING } from '../../../test/support/loop.ts';

const t = useTestApp();
let leader: ApiClient;
let lead: ApiClient;
let unrelated: ApiClient;

beforeAll(async () => {
  leader = await t.signIn({ role: 'leader', scopes: [CITY], username: 'sv_leader' });
  lead = await t.signIn({ role: 'clerk', scopes: [KELAN], username: 'sv_lead' });
  unrelated = await t.signIn({ role: 'clerk', scopes: [YUANPING], username: 'sv_other' });
});

async function moveClock(days: number) {
  t.clock.advanceDays(days);
  await leader.login('sv_leader', TEST_PASSWORD);
  await lead.login('sv_lead', TEST_PASSWORD);
  await unrelated.login('sv_other', TEST_PASSWORD);
}

async function issue(overrides: Record<string, unknown>) {
  const created = await leader.post('/api/tasks', taskBody({ issue: true, ...overrides }));
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body as { id: string; version: number; colour: string };
}

describe('colours, the daily pass and notices', () => {
  it('colours tasks from their record and counts them for the unit subtree', async () => {
    const onTrack = await issue({ title: '按期推进', milestones: [] });
    const nearDeadline = await issue({ title: '临近截止', deadline: '2024-06-05', milestones: [] });
    const other = await issue({ title: '原平任务', leadUnit: YUANPING, cooperatingUnits: [] });
    expect([onTrack.colour, nearDeadline.colour, other.colour]).toEqual(['green', 'blue', 'green']);

    const kelan = await leader.get(`/api/supervision/summary?unit=${KELAN}`);
    expect(kelan.body).toEqual({ blue: 1, yellow: 0, red: 0, green: 1, grey: 0 });
    const city = await leader.get(`/api/supervision/summary?unit=${CITY}`);
    expect(city.body).toEqual({ blue: 1, yellow: 0, red: 0, green: 2, grey: 0 });
    expect((await lead.get(`/api/supervision/summary?unit=${YUANPING}`)).status).toBe(403);

    const blue = await lead.get(`/api/tasks?unit=${KELAN}&colour=blue`);
    expect(blue.body).toMatchObject({
      total: 1,
      page: 1,
      items: [
        {
          id: nearDeadline.id,
          status: 'issued',
          colour: 'blue',
          deadline: '2024-06-05',
          leadUnit: { code: '140929000000' },
        },
      ],
    });

    // An unrestricted reader's total for one colour comes from the tally, a scoped reader's from the rows.
    const admin = await t.signIn({ role: 'admin' });
    const green = await admin.get(`/api/tasks?unit=${CITY}&colour=green&pageSize=1`);
    expect(green.body).toMatchObject({ total: 2, pageSize: 1, items: [{ colour: 'green' }] });
    expect((await leader.get(`/api/tasks?unit=${CITY}&colour=green`)).body.total).toBe(2);
    const anywhere = await admin.get('/api/tasks?colour=green');
    expect(anywhere.body.total).toBe(2);
    expect((await admin.get('/api/tasks?colour=red')).body).toMatchObject({ total: 0, items: [] });

    const wall = await leader.get(`/api/supervision/wall?unit=${CITY}`);
    expect(wall.body.total).toEqual(city.body);
    expect(wall.body.rows).toEqual(
      expect.arrayContaining([
        { unit: { code: '140929000000', name: '岢岚县' }, counts: kelan.body },
        {
          unit: { code: '140981000000', name: expect.any(String) },
          counts: { blue: 0, yellow: 0, red: 0, green: 1, grey: 0 },
        },
      ]),
    );
  });

  it('turns an overdue task red on the daily pass, warns the lead unit and issues one notice, however often it runs', async () => {
    const task = await issue({ title: '逾期任务', deadline: '2024-06-03', milestones: [] });
    await moveClock(3); // 2024-06-04: one day overdue
    try {
      const first = await leader.post('/api/supervision/passes', {});
      expect(first.status).toBe(200);
      expect(first.body.warnings).toBeGreaterThanOrEqual(1);
      const second = await leader.post('/api/supervision/passes', {});
      expect(second.body).toMatchObject({ changed: 0, warnings: 0, notices: 0 });

      expect((await lead.get(`/api/tasks/${task.id}`)).body).toMatchObject({
        colour: 'red',
        colourReasons: ['overdue', 'behind_pace'],
      });
      const notices = await lead.get(`/api/supervision/notices?taskId=${task.id}`);
      expect(notices.body.items).toEqual([
        expect.objectContaining({
          kind: 'supervision_notice',
          origin: 'automatic',
          issuedOn: '2024-06-04',
          deductionPoints: 2,
        }),
      ]);
      expect((await unrelated.get(`/api/supervision/notices?taskId=${task.id}`)).body.items).toEqual([]);
      const overdue = await lead.get('/api/supervision/overdue');
      expect(overdue.body.items.map((item: { id: string }) => item.id)).toContain(task.id);

      const inbox = await lead.get('/api/notifications?unreadOnly=true');
      const kinds = inbox.body.items
        .filter((n: { taskId: string }) => n.taskId === task.id)
        .map((n: { kind: string }) => n.kind);
      expect(kinds.sort()).toEqual(['colour_red', 'supervision_notice', 'task_issued']);
      expect(inbox.body.unread).toBeGreaterThanOrEqual(3);
      expect(
        (await unrelated.get('/api/notifications')).body.items.filter((n: { taskId: string }) => n.taskId === task.id),
      ).toEqual([]);
      const read = await lead.post('/api/notifications/read', {});
      expect(read.body).toEqual({ unread: 0 });
    } finally {
      await moveClock(-3);
    }
  });

  it('lets the supervising unit notify, escalate and inspect by hand, and nobody else', async () => {
    const task = await issue({ title: '人工督办', cooperatingUnits: [XINFU] });
    expect((await lead.post('/api/supervision/notices', { taskId: task.id, body: '请加快进度' })).status).toBe(403);
    const manual = await leader.post('/api/supervision/notices', { taskId: task.id, body: '请加快进度' });
    expect(manual.status).toBe(201);
    expect(manual.body).toMatchObject({ kind: 'supervision_notice', origin: 'manual', unit: { code: '140929000000' } });
    const noLeader = await leader.post('/api/supervision/notices', {
      taskId: task.id,
      kind: 'escalation',
      body: '提级督办',
    });
    expect(noLeader.status).toBe(400);
    const escalated = await leader.post('/api/supervision/notices', {
      taskId: task.id,
      kind: 'escalation',
      body: '提级督办',
      escalatedTo: '市长',
    });
    expect(escalated.body).toMatchObject({ kind: 'escalation', escalatedTo: '市长' });

    await lead.post(`/api/tasks/${task.id}/actions`, { action: 'acknowledge', version: task.version });
    await lead.post(`/api/tasks/${task.id}/reports`, {
      kind: 'progress',
      percent: 50,
      narrative: '已完成一半',
      idempotencyKey: idempotencyKey(),
    });
    const inspected = await leader.post(`/api/tasks/${task.id}/inspections`, {
      inspectedOn: '2024-06-01',
      findings: '现场未见施工',
      verdict: 'not_as_reported',
    });
    expect(inspected.status).toBe(201);
    expect(inspected.body.items).toEqual([
      expect.objectContaining({ verdict: 'not_as_reported', findings: '现场未见施工' }),
    ]);
    expect((await lead.get(`/api/tasks/${task.id}`)).body).toMatchObject({
      colour: 'yellow',
      lastReportReturned: true,
    });
    expect((await unrelated.get(`/api/tasks/${task.id}/inspections`)).status).toBe(404);
  });

  it('lists inspections across the tasks each unit may see, filtered and paged, newest first', async () => {
    const kelan = await issue({ title: '岢岚检查', milestones: [] });
    const yuanping = await issue({ title: '原平检查', leadUnit: YUANPING, cooperatingUnits: [] });
    const inspect = (id: string, inspectedOn: string, verdict: string) =>
      leader.post(`/api/tasks/${id}/inspections`, { inspectedOn, findings: '现场核查', verdict });
    expect((await inspect(kelan.id, '2024-05-20', 'confirmed')).status).toBe(201);
    expect((await inspect(kelan.id, '2024-05-25', 'not_as_reported')).status).toBe(201);
    expect((await inspect(yuanping.id, '2024-05-22', 'confirmed')).status).toBe(201);
    const ours = (body: { items: { taskId: string; inspectedOn: string }[] }) =>
      body.items.filter((item) => item.taskId === kelan.id || item.taskId === yuanping.id);

    const all = await leader.get(`/api/supervision/inspections?unit=${CITY}&from=2024-05-20&to=2024-05-25`);
    expect(all.status).toBe(200);
    expect(ours(all.body).map((item) => [item.taskId, item.inspectedOn])).toEqual([
      [kelan.id, '2024-05-25'],
      [yuanping.id, '2024-05-22'],
      [kelan.id, '2024-05-20'],
    ]);
    expect(ours(all.body)[0]).toMatchObject({
      taskTitle: '岢岚检查',
      leadUnit: { code: '140929000000' },
      verdict: 'not_as_reported',
      findings: '现场核查',
      photos: [],
    });
    const notAsReported = await leader.get(`/api/supervision/inspections?unit=${KELAN}&verdict=not_as_reported`);
    expect(ours(notAsReported.body).map((item) => item.taskId)).toEqual([kelan.id]);
    const paged = await leader.get(
      `/api/supervision/inspections?unit=${CITY}&from=2024-05-20&to=2024-05-25&pageSize=1&page=2`,
    );
    expect(paged.body).toMatchObject({ page: 2, pageSize: 1, total: all.body.total });
    expect(paged.body.items).toHaveLength(1);

    // The lead county sees its own task's inspections, not the other county's; that one sees only its own.
    expect(ours((await lead.get('/api/supervision/inspections')).body).map((item) => item.taskId)).toEqual([
      kelan.id,
      kelan.id,
    ]);
    expect(ours((await unrelated.get('/api/supervision/inspections')).body).map((item) => item.taskId)).toEqual([
      yuanping.id,
    ]);
    expect((await lead.get(`/api/supervision/inspections?unit=${YUANPING}`)).status).toBe(403);

    // A draft is the issuing unit's alone, and so are its inspections.
    const draft = await leader.post('/api/tasks', taskBody({ title: '草稿检查' }));
    expect((await inspect(draft.body.id, '2024-05-21', 'confirmed')).status).toBe(201);
    const listed = async (client: ApiClient) =>
      (await client.get(`/api/supervision/inspections?unit=${KELAN}&from=2024-05-21&to=2024-05-21`)).body.items.map(
        (item: { taskId: string }) => item.taskId,
      );
    expect(await listed(leader)).toContain(draft.body.id);
    expect(await listed(lead)).not.toContain(draft.body.id);
    expect((await lead.get('/api/supervision/inspections?verdict=maybe')).status).toBe(400);
  });

  it('judges by the rules in force, which only a whole-tree supervisor may set', async () => {
    const rules = await leader.get('/api/supervision/rules');
    expect(rules.body.colour).toEqual({ yellowBehindPoints: 10, redBehindPoints: null, blueWithinDays: 7 });
    const strict = {
      ...rules.body,
      effectiveFrom: '2024-01-01',
      colour: { ...rules.body.colour, blueWithinDays: 120 },
    };
    expect((await leader.put('/api/supervision/rules', strict)).status).toBe(403);
    const admin = await t.signIn({ role: 'admin' });
    expect((await admin.put('/api/supervision/rules', strict)).status).toBe(200);
    const task = await issue({ title: '新规则', milestones: [] });
    expect(task.colour).toBe('blue');
    expect((await admin.get('/api/supervision/passes')).status).toBe(200);
  });
});
