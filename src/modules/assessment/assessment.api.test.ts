import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, TEST_PASSWORD, useTestApp } from '../../../test/support/app.ts';
import { CITY, idempotencyKey, KELAN, taskBody, YUANPING } from '../../../test/support/loop.ts';

const t = useTestApp();
let leader: ApiClient;
let assessor: ApiClient;
let kelan: ApiClient;
let yuanping: ApiClient;

const definition = {
  vetoEffect: 'zero_total',
  grades: {
    bands: [
      { grade: 'excellent', atLeast: 90 },
      { grade: 'good', atLeast: 80 },
      { grade: 'pass', atLeast: 60 },
    ],
    lowest: 'fail',
  },
  categories: [
    {
      code: 'work',
      name: '重点工作',
      items: [
        { code: 'tasks_on_time', name: '任务按期完成', cadence: 'annual', kind: 'timeliness', points: 40 },
        {
          code: 'supervision',
          name: '督查扣分',
          cadence: 'annual',
          kind: 'deduction',
          points: 20,
          pointsPerEvent: { yellow: 1, red: 2 },
        },
      ],
    },
    {
      code: 'results',
      name: '发展成效',
      items: [
        {
          code: 'income',
          name: '农村居民收入',
          cadence: 'annual',
          kind: 'attainment',
          points: 20,
          direction: 'higher_is_better',
          cap: 1.2,
          indicatorCode: 'RURAL_INCOME',
        },
        { code: 'social', name: '社会评价', cadence: 'annual', kind: 'entered', points: 20 },
        { code: 'bonus', name: '创新加分', cadence: 'annual', kind: 'bonus', points: 5 },
        { code: 'safety', name: '安全生产', cadence: 'annual', kind: 'veto' },
      ],
    },
  ],
};

beforeAll(async () => {
  leader = await t.signIn({ role: 'leader', scopes: [CITY], username: 'as_leader' });
  assessor = await t.signIn({ role: 'supervisor', scopes: [CITY], username: 'as_assessor' });
  kelan = await t.signIn({ role: 'clerk', scopes: [KELAN], username: 'as_kelan' });
  yuanping = await t.signIn({ role: 'clerk', scopes: [YUANPING], username: 'as_yuanping' });
});

async function relogin() {
  await Promise.all([
    leader.login('as_leader', TEST_PASSWORD),
    assessor.login('as_assessor', TEST_PASSWORD),
    kelan.login('as_kelan', TEST_PASSWORD),
    yuanping.login('as_yuanping', TEST_PASSWORD),
  ]);
}

describe('an assessment run with error tolerance', () => {
  it('scores, ranks and explains; an approved exemption lifts a deduction; a published run is frozen', async () => {
    const invalid = await assessor.post('/api/assessment/schemes', {
      code: 'bad',
      year: 2024,
      name: '错误方案',
      ownerUnit: CITY,
      assessedUnits: [KELAN],
      definition: {
        ...definition,
        grades: {
          bands: [
            { grade: 'pass', atLeast: 60 },
            { grade: 'good', atLeast: 80 },
          ],
          lowest: 'fail',
        },
      },
    });
    expect(invalid.status, JSON.stringify(invalid.body)).toBe(422);
    expect(invalid.body.details[0].code).toBe('grade_bands_not_descending');

    const created = await assessor.post('/api/assessment/schemes', {
      code: 'xinzhou-2024',
      year: 2024,
      name: '忻州市2024年度县（市、区）目标责任考核',
      ownerUnit: CITY,
      assessedUnits: [KELAN, YUANPING],
      definition,
    });
    expect(created.status).toBe(201);
    expect(created.body.worth).toBe(105);
    const scheme = created.body.id;
    expect(
      (
        await assessor.post('/api/assessment/schemes', {
          ...created.body,
          ownerUnit: CITY,
          assessedUnits: [KELAN],
          code: 'xinzhou-2024',
        })
      ).status,
    ).toBe(409);

    // Kelan's task runs late and turns red; Yuanping's is closed on time.
    const late = await leader.post(
      '/api/tasks',
      taskBody({ issue: true, cooperatingUnits: [], deadline: '2024-06-03', milestones: [] }),
    );
    const onTime = await leader.post(
      '/api/tasks',
      taskBody({ issue: true, leadUnit: YUANPING, cooperatingUnits: [], deadline: '2024-06-20', milestones: [] }),
    );
    await yuanping.post(`/api/tasks/${onTime.body.id}/actions`, {
      action: 'acknowledge',
      version: onTime.body.version,
    });
    await yuanping.post(`/api/tasks/${onTime.body.id}/reports`, {
      kind: 'progress',
      percent: 50,
      narrative: '过半',
      idempotencyKey: idempotencyKey(),
    });
    const done = await yuanping.post(`/api/tasks/${onTime.body.id}/reports`, {
      kind: 'completion',
      percent: 100,
      narrative: '完成',
      idempotencyKey: idempotencyKey(),
    });
    await leader.post(`/api/tasks/${onTime.body.id}/reports/${done.body.id}/review`, { decision: 'accept' });
    t.clock.advanceDays(5);
    await relogin();
    await leader.post('/api/supervision/passes', {});
    expect((await kelan.get(`/api/tasks/${late.body.id}`)).body.colour).toBe('red');

    for (const [unit, actual] of [
      [KELAN, 9000],
      [YUANPING, 12_000],
    ] as const) {
      expect(
        (
          await assessor.post(`/api/assessment/schemes/${scheme}/indicator-values`, {
            unit,
            itemCode: 'income',
            period: 'year',
            actual,
            target: 10_000,
          })
        ).status,
      ).toBe(200);
      await assessor.post(`/api/assessment/schemes/${scheme}/entered-scores`, { unit, itemCode: 'social', score: 90 });
    }
    expect(
      (
        await assessor.post(`/api/assessment/schemes/${scheme}/entered-scores`, {
          unit: KELAN,
          itemCode: 'income',
          score: 90,
        })
      ).body.code,
    ).toBe('SCHEME_ITEM_UNKNOWN');
    expect(
      (
        await kelan.post(`/api/assessment/schemes/${scheme}/entered-scores`, {
          unit: KELAN,
          itemCode: 'social',
          score: 100,
        })
      ).status,
    ).toBe(403);

    const entries = await assessor.get(`/api/assessment/schemes/${scheme}/entries`);
    expect(entries.body).toMatchObject({
      indicatorValues: [
        { unit: { code: '140929000000' }, itemCode: 'income', period: 'year', actual: 9000, target: 10_000 },
        { unit: { code: '140981000000' }, itemCode: 'income', period: 'year', actual: 12_000, target: 10_000 },
      ],
      enteredScores: [
        { unit: { code: '140929000000' }, itemCode: 'social', score: 90 },
        { unit: { code: '140981000000' }, itemCode: 'social', score: 90 },
      ],
      vetoes: [],
    });
    // An assessed unit sees its own entries only.
    const own = await kelan.get(`/api/assessment/schemes/${scheme}/entries`);
    expect(own.body.enteredScores).toEqual([
      { unit: expect.objectContaining({ code: '140929000000' }), itemCode: 'social', score: 90 },
    ]);

    const claim = await yuanping.post(`/api/assessment/schemes/${scheme}/bonus-claims`, {
      unit: YUANPING,
      itemCode: 'bonus',
      points: 8,
      reason: '国家级试点',
    });
    expect(claim.status).toBe(201);
    expect(
      (
        await yuanping.post(`/api/assessment/schemes/${scheme}/bonus-claims`, {
          unit: KELAN,
          itemCode: 'bonus',
          points: 1,
          reason: '冒名申请',
        })
      ).status,
    ).toBe(403);
    await assessor.post(`/api/assessment/schemes/${scheme}/bonus-claims/${claim.body.id}/decision`, {
      decision: 'approve',
      reason: '属实',
      version: claim.body.version,
    });

    const first = await assessor.post(`/api/assessment/schemes/${scheme}/runs`, { asOf: '2024-06-06' });
    expect(first.status).toBe(200);
    expect(
      first.body.ranking.map((row: { unit: { code: string }; total: number }) => [row.unit.code, row.total]),
    ).toEqual([
      ['140981000000', 40 + 20 + 24 + 18 + 5], // on time, no deduction, attainment capped at 1.2, 90% social, bonus capped at 5
      ['140929000000', 0 + 18 + 18 + 18], // late, red −2, attainment 0.9
    ]);
    const again = await assessor.post(`/api/assessment/schemes/${scheme}/runs`, { asOf: '2024-06-06' });
    expect(again.body.id).toBe(first.body.id);

    // Kelan sees only its own row, and applies against the red deduction.
    const seen = await kelan.get(`/api/assessment/runs/${first.body.id}`);
    expect(seen.body.ranking.map((row: { unit: { code: string } }) => row.unit.code)).toEqual(['140929000000']);
    expect((await kelan.get(`/api/assessment/runs/${first.body.id}/units/${YUANPING}`)).status).toBe(422);
    const deductions = await kelan.get(`/api/assessment/schemes/${scheme}/units/${KELAN}/deductions`);
    const red = deductions.body.items.find((item: { kind: string }) => item.kind === 'red');
    expect(red).toMatchObject({ taskId: late.body.id, on: '2024-06-06' });
    expect(
      (
        await yuanping.post(`/api/assessment/schemes/${scheme}/exemptions`, {
          unit: YUANPING,
          eventId: red.eventId,
          reason: '不是我的',
        })
      ).body.code,
    ).toBe('EXEMPTION_EVENT_UNKNOWN');
    const applied = await kelan.post(`/api/assessment/schemes/${scheme}/exemptions`, {
      unit: KELAN,
      eventId: red.eventId,
      reason: '汛期停工，已报备',
    });
    expect(applied.status).toBe(201);
    expect(applied.body.status).toBe('pending');
    const approved = await assessor.post(`/api/assessment/schemes/${scheme}/exemptions/${applied.body.id}/decision`, {
      decision: 'approve',
      reason: '符合容错情形',
      version: applied.body.version,
    });
    expect(approved.body.status).toBe('approved');
    expect(
      (
        await assessor.post(`/api/assessment/schemes/${scheme}/exemptions/${applied.body.id}/decision`, {
          decision: 'reject',
          reason: '再议',
          version: 2,
        })
      ).body.code,
    ).toBe('ALREADY_DECIDED');

    const recomputed = await assessor.get(`/api/assessment/runs/${first.body.id}`);
    expect(
      recomputed.body.ranking.find((row: { unit: { code: string } }) => row.unit.code === '140929000000').total,
    ).toBe(56);
    expect(recomputed.body.inputHash).not.toBe(first.body.inputHash);
    const breakdown = await kelan.get(`/api/assessment/runs/${first.body.id}/units/${KELAN}`);
    const supervision = breakdown.body.categories[0].items[1];
    expect(supervision.contributions).toEqual([
      expect.objectContaining({
        sourceId: red.eventId,
        originalPoints: 2,
        exemptedPoints: 2,
        points: 0,
        exemptionIds: [`exemption:${applied.body.id}`],
      }),
    ]);

    const published = await assessor.post(`/api/assessment/runs/${first.body.id}/publish`, {
      version: recomputed.body.version,
    });
    expect(published.body.status).toBe('published');
    expect((await assessor.post(`/api/assessment/runs/${first.body.id}/recompute`, {})).body.code).toBe(
      'RUN_PUBLISHED',
    );
    expect(
      (await assessor.post(`/api/assessment/runs/${first.body.id}/publish`, { version: published.body.version }))
        .status,
    ).toBe(409);
  });
});
