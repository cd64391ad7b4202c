import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, useTestApp } from '../../../test/support/app.ts';
import { CITY, KELAN, taskBody, uploadFile } from '../../../test/support/loop.ts';

const t = useTestApp();
let leader: ApiClient;
let county: ApiClient;

beforeAll(async () => {
  leader = await t.signIn({ role: 'leader', scopes: [CITY] });
  county = await t.signIn({ role: 'leader', scopes: [KELAN] });
});

describe('decisions, plan trees and the tasks they give rise to', () => {
  it('builds a numbered plan from a decision, amends it by a later one, and traces tasks back', async () => {
    const minutes = await uploadFile(leader, {
      name: '会议纪要.pdf',
      type: 'application/pdf',
      content: '%PDF-1.4 minutes',
    });
    const decided = await leader.post('/api/decisions', {
      unit: CITY,
      kind: 'meeting',
      title: '市委常委会研究“五城联创”工作',
      decidedOn: '2024-05-20',
      files: [{ sha256: minutes.body.sha256, name: '会议纪要.pdf' }],
    });
    expect(decided.status).toBe(201);
    expect(decided.body.files).toEqual([{ sha256: minutes.body.sha256, name: '会议纪要.pdf' }]);

    const created = await leader.post('/api/plans', {
      unit: CITY,
      title: '五城联创',
      framework: '5',
      decisionId: decided.body.id,
    });
    expect(created.status).toBe(201);
    const planId = created.body.id;
    const top = await leader.post(`/api/plans/${planId}/nodes`, {
      number: '1',
      title: '创建国家卫生城市',
      ownerUnits: ['1409'],
      decisionId: decided.body.id,
    });
    const parentId = top.body.nodes[0].id;
    const child = await leader.post(`/api/plans/${planId}/nodes`, {
      parentId,
      number: '1.1',
      title: '县城全部达到国家卫生县城标准',
      ownerUnits: [KELAN],
      indicatorCodes: ['HYGIENE_COUNTY_RATE'],
      yearlyTargets: { '2024': '100%' },
    });
    const grandchildParent = child.body.nodes[0].children[0];
    expect(grandchildParent).toMatchObject({
      number: '1.1',
      ownerUnits: [{ code: '140929000000' }],
      yearlyTargets: { '2024': '100%' },
    });
    const deeper = await leader.post(`/api/plans/${planId}/nodes`, {
      parentId: grandchildParent.id,
      number: '1.1.1',
      title: '岢岚县城创卫',
    });
    expect(deeper.body.nodes[0].children[0].children[0].number).toBe('1.1.1');

    const later = await leader.post('/api/decisions', {
      unit: CITY,
      kind: 'document',
      title: '关于调整创卫目标的通知',
      decidedOn: '2024-05-28',
    });
    const amended = await leader.put(`/api/plan-nodes/${grandchildParent.id}`, {
      number: '1.1',
      title: '县城全部达到国家卫生县城标准（调整）',
      yearlyTargets: { '2024': '90%', '2025': '100%' },
      decisionId: later.body.id,
      version: 1,
    });
    expect(amended.status).toBe(200);
    expect(
      (await leader.put(`/api/plan-nodes/${grandchildParent.id}`, { number: '1.1', title: 'x', version: 1 })).status,
    ).toBe(409);
    const retitled = await leader.put(`/api/plan-nodes/${grandchildParent.id}`, {
      number: '1.1',
      title: '县城全部达到国家卫生县城标准（已调整）',
      yearlyTargets: { '2024': '90%', '2025': '100%' },
      version: 2,
    });
    expect(retitled.body.nodes[0].children[0]).toMatchObject({ decisionId: later.body.id, version: 3 });

    const task = await leader.post(
      '/api/tasks',
      taskBody({ issue: true, decisionId: later.body.id, planNodeId: grandchildParent.id }),
    );
    expect(task.body).toMatchObject({ decision: { id: later.body.id }, planNode: { number: '1.1' } });
    const traced = await leader.get(`/api/decisions/${later.body.id}`);
    expect(traced.body).toMatchObject({ planNodes: [{ number: '1.1' }], tasks: [{ id: task.body.id }] });
    const listed = (await leader.get('/api/decisions')).body.items as { id: string }[];
    expect(listed.find((d) => d.id === decided.body.id)).toMatchObject({
      files: [{ name: '会议纪要.pdf' }],
      planNodes: [{ number: '1' }],
      tasks: [],
    });
    expect(listed.find((d) => d.id === later.body.id)).toMatchObject({ files: [], tasks: [{ id: task.body.id }] });
    expect((await leader.get(`/api/plans/${planId}`)).body.nodes[0].children[0].taskCount).toBe(1);

    expect((await county.get(`/api/plans/${planId}`)).status).toBe(404);
    expect((await county.post('/api/plans', { unit: CITY, title: '越权' })).status).toBe(403);
    expect((await leader.post('/api/plans', { unit: CITY, title: '无决策', decisionId: '999999' })).body.code).toBe(
      'DECISION_NOT_FOUND',
    );
  });

  it('amends an issued task by a decision, which the task then shows; dates only through an extension', async () => {
    const issued = await leader.post('/api/tasks', taskBody({ issue: true }));
    const meeting = await leader.post('/api/decisions', {
      unit: CITY,
      kind: 'meeting',
      title: '市政府常务会议调整任务责任领导',
      decidedOn: '2024-05-30',
    });
    const amend = (client: ApiClient, body: Record<string, unknown>) =>
      client.request('PATCH', `/api/tasks/${issued.body.id}`, { version: issued.body.version, ...body });

    const withoutDecision = await amend(leader, { responsibleLeader: '李副市长' });
    expect([withoutDecision.status, withoutDecision.body.code]).toEqual([409, 'TASK_TRANSITION_ILLEGAL']);
    const dates = await amend(leader, { deadline: '2024-12-31', decisionId: meeting.body.id });
    expect([dates.status, dates.body.code]).toEqual([409, 'TASK_DATES_FIXED']);
    const byLead = await amend(county, { responsibleLeader: '李副市长', decisionId: meeting.body.id });
    expect([byLead.status, byLead.body.code]).toEqual([403, 'TASK_ACTION_NOT_YOURS']);
    const unknown = await amend(leader, { responsibleLeader: '李副市长', decisionId: '999999' });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'DECISION_NOT_FOUND']);

    const amended = await amend(leader, {
      responsibleLeader: '李副市长',
      priority: 'high',
      decisionId: meeting.body.id,
    });
    expect(amended.status, JSON.stringify(amended.body)).toBe(200);
    expect(amended.body).toMatchObject({
      status: 'issued',
      responsibleLeader: '李副市长',
      priority: 'high',
      deadline: issued.body.deadline,
      decision: { id: meeting.body.id, title: '市政府常务会议调整任务责任领导' },
      version: issued.body.version + 1,
    });
    expect((await amend(leader, { title: '再改', decisionId: meeting.body.id })).status).toBe(409);
    const traced = await leader.get(`/api/decisions/${meeting.body.id}`);
    expect(traced.body.tasks).toEqual([expect.objectContaining({ id: issued.body.id })]);
  });
});
