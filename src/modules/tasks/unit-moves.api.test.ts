import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, useTestApp } from '../../../test/support/app.ts';
import { CITY, KELAN, taskBody, YUANPING } from '../../../test/support/loop.ts';

const t = useTestApp();
let admin: ApiClient;
let yuanping: ApiClient;

const LANYI = '140929100'; // 岚漪镇, a township of Kelan

beforeAll(async () => {
  admin = await t.signIn({ role: 'admin' });
  yuanping = await t.signIn({ role: 'clerk', scopes: [YUANPING], username: 'moves_yuanping' });
});

async function issue(leadUnit: string) {
  const created = await admin.post(
    '/api/tasks',
    taskBody({ issue: true, leadUnit, cooperatingUnits: [], milestones: [] }),
  );
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body as { id: string };
}

describe('tasks follow the org tree', () => {
  it('moves the tasks of units a merge re-parents, with their grants, counts and notices, in the same change', async () => {
    const township = await issue(LANYI);
    const county = await issue(KELAN);
    const overdue = await issue(LANYI);
    await t.db
      .updateTable('task')
      .set({ deadline: '2024-05-20', start_on: '2024-05-01' })
      .where('id', '=', overdue.id)
      .execute();
    expect((await admin.post('/api/supervision/passes', {})).status).toBe(200);
    expect((await yuanping.get(`/api/tasks/${township.id}`)).status).toBe(404);
    const before = await admin.get(`/api/supervision/summary?unit=${YUANPING}`);

    const kelan = await admin.get(`/api/org-units/${KELAN}`);
    const merged = await admin.post(`/api/org-units/${KELAN}/merge`, {
      intoCode: YUANPING,
      effectiveOn: '2024-06-01',
      reason: '区划调整',
      version: kelan.body.version,
    });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);

    // The township's tasks now lie inside Yuanping: its staff see and count them, notices included.
    expect((await yuanping.get(`/api/tasks/${township.id}`)).status).toBe(200);
    const listed = await yuanping.get(`/api/tasks?unit=${YUANPING}&pageSize=500`);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual(
      expect.arrayContaining([township.id, overdue.id]),
    );
    const after = await admin.get(`/api/supervision/summary?unit=${YUANPING}`);
    expect(after.body).toEqual({ ...before.body, green: before.body.green + 1, red: before.body.red + 1 });
    const notices = await yuanping.get(`/api/supervision/notices?unit=${YUANPING}`);
    expect(notices.body.items.map((n: { taskId: string }) => n.taskId)).toContain(overdue.id);
    const inbox = await yuanping.get('/api/notifications');
    expect(inbox.body.items.map((n: { taskId: string | null }) => n.taskId)).toContain(overdue.id);

    // The merged county itself keeps its path: its own task stays out of Yuanping.
    expect((await yuanping.get(`/api/tasks/${county.id}`)).status).toBe(404);
    const cityWall = await admin.get(`/api/supervision/wall?unit=${CITY}`);
    const yuanpingRow = cityWall.body.rows.find((row: { unit: { code: string } }) => row.unit.code === '140981000000');
    expect(yuanpingRow.counts).toEqual(after.body);
    const stored = await t.db
      .selectFrom('task_colour_tally')
      .select(['lead_unit_path', 'tasks'])
      .where('lead_unit_path', 'like', '%/140929100000/')
      .execute();
    expect(stored.map((row) => row.lead_unit_path)).toEqual(
      stored.map(() => '/140000000000/140900000000/140981000000/140929100000/'),
    );
  });
});
