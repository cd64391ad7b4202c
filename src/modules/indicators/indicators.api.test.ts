import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { type ApiClient, useTestApp } from '../../../test/support/app.ts';
import { defineMonthlyVillageIndicator, defineTestIndicators, divisionsUnder } from './test-support.ts';

const t = useTestApp();
let admin: ApiClient;
// Kelan county (140929): two of its townships and two villages of the first.
let townA: string;
let townB: string;
let villageA1: string;
let villageA2: string;
let villageB1: string;

beforeAll(async () => {
  admin = await t.signIn({ role: 'admin' });
  await defineTestIndicators(admin);
  [townA, townB] = (await divisionsUnder(admin, '140929')) as [string, string];
  [villageA1, villageA2] = (await divisionsUnder(admin, townA)) as [string, string];
  [villageB1] = (await divisionsUnder(admin, townB)) as [string];
});

const save = (client: ApiClient, unit: string, period: string, values: unknown[]) =>
  client.post('/api/indicator-values', { unit, period, values });

describe('indicator definitions', () => {
  it('lists and reads definitions in the contract shape', async () => {
    const list = await admin.get('/api/indicators');
    expect(list.body.items.map((i: { code: string }) => i.code)).toContain('test.poor_share');
    const one = await admin.get('/api/indicators/test.poor_share');
    expect(one.body).toMatchObject({
      source: 'formula',
      numeratorCode: 'test.poor_households',
      factor: 100,
      version: 1,
    });
  });

  it('refuses formulas over unknown indicators, cycles, duplicate codes and stale versions', async () => {
    const base = {
      nameZh: '甲',
      nameEn: 'A',
      valueType: 'number',
      direction: 'up',
      unitAggregation: 'none',
      periodAggregation: 'last',
      periodType: 'month',
      source: 'formula',
      factor: 1,
    };
    const unknown = await admin.post('/api/indicators', {
      ...base,
      code: 'test.f1',
      numeratorCode: 'test.nope',
      denominatorCode: 'test.households',
    });
    expect(unknown.status).toBe(422);
    // The screen shows the detail under the field: it names the unknown code.
    expect(unknown.body.details[0]).toMatchObject({
      field: 'numeratorCode',
      code: 'INDICATOR_FORMULA_UNKNOWN_CODE',
      message: '公式引用了不存在的指标 test.nope',
    });

    const f1 = await admin.post('/api/indicators', {
      ...base,
      code: 'test.f1',
      numeratorCode: 'test.households',
      denominatorCode: 'test.households',
    });
    expect(f1.status).toBe(201);
    const f2 = await admin.post('/api/indicators', {
      ...base,
      code: 'test.f2',
      numeratorCode: 'test.f1',
      denominatorCode: 'test.households',
    });
    expect(f2.status).toBe(201);
    const cycle = await admin.patch('/api/indicators/test.f1', { numeratorCode: 'test.f2', version: 1 });
    expect(cycle.status).toBe(422);
    expect(cycle.body.code).toBe('INDICATOR_FORMULA_CYCLE');
    expect(cycle.body.message).toContain('test.f1 → test.f2 → test.f1');

    const duplicate = await admin.post('/api/indicators', {
      ...base,
      code: 'test.f1',
      numeratorCode: 'test.households',
      denominatorCode: 'test.households',
    });
    expect(duplicate.status).toBe(409);
    const changed = await admin.patch('/api/indicators/test.f2', { nameEn: 'B', version: 1 });
    expect(changed.status).toBe(200);
    const stale = await admin.patch('/api/indicators/test.f2', { nameEn: 'C', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
  });

  it('lets only definers define', async () => {
    const clerk = await t.signIn({ role: 'clerk', scopes: ['140929'] });
    const response = await clerk.patch('/api/indicators/test.income', { version: 1 });
    expect(response.status).toBe(403);
  });
});

describe('entering values', () => {
  it('saves typed values for a village and shows them in the grid, with the audit trail holding old and new', async () => {
    const clerk = await t.signIn({ role: 'clerk', scopes: [townA] });
    expect((await save(clerk, villageA1, '2024-05', [{ indicator: 'test.income', value: 12.5 }])).status).toBe(200);
    const again = await save(clerk, villageA1, '2024-05', [{ indicator: 'test.income', value: 14, version: 1 }]);
    expect(again.body).toEqual({ dryRun: false, changed: 1, unchanged: 0 });
    const grid = await clerk.get(`/api/indicator-values?unit=${villageA1}&period=2024-05`);
    expect(grid.status).toBe(200);
    expect(grid.body.window).toMatchObject({ opensOn: '2024-05-01', closesOn: '2024-06-20', open: true });
    expect(grid.body.rows.find((r: { indicator: string }) => r.indicator === 'test.income')).toMatchObject({
      value: 14,
      version: 2,
    });

    const audit = await admin.get(`/api/audit?entity=indicator_value`);
    const record = audit.body.items.find((r: { entityId: string }) => r.entityId === `${villageA1}@2024-05`);
    expect(record.before).toEqual([{ indicator: 'test.income', category: '', value: 12.5 }]);
    expect(record.after).toEqual([{ indicator: 'test.income', category: '', value: 14 }]);

    const history = await clerk.get(
      `/api/indicator-values/history?unit=${villageA1}&period=2024-05&indicator=test.income`,
    );
    expect(history.status).toBe(200);
    expect(history.body.items.map((c: { oldValue: number; newValue: number }) => [c.oldValue, c.newValue])).toEqual([
      [12.5, 14],
      [null, 12.5],
    ]);
    expect(history.body.items[0]).toMatchObject({ changedBy: expect.any(String), requestId: expect.any(String) });
    const neighbour = await clerk.get(`/api/indicator-values/history?unit=${villageB1}&period=2024-05`);
    expect(neighbour.status).toBe(403);
    const unknown = await clerk.get(`/api/indicator-values/history?unit=${villageA1}&period=2024-05&indicator=no.such`);
    expect(unknown.body.code).toBe('INDICATOR_NOT_FOUND');
  });

  it('refuses a stale version with 409', async () => {
    const clerk = await t.signIn({ role: 'clerk', scopes: [townA] });
    const stale = await save(clerk, villageA1, '2024-05', [{ indicator: 'test.income', value: 15, version: 1 }]);
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
  });

  it('does not let a township clerk enter for a neighbour township', async () => {
    const clerk = await t.signIn({ role: 'clerk', scopes: [townA] });
    const response = await save(clerk, villageB1, '2024-05', [{ indicator: 'test.income', value: 1 }]);
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('OUT_OF_SCOPE');
  });

  it('answers each bad value with its field and reason, and saves nothing of the batch', async () => {
    const response = await save(admin, villageA2, '2024-05', [
      { indicator: 'test.households', value: 40 },
      { indicator: 'test.households', value: 41 },
      { indicator: 'test.income', value: 1.234 },
      { indicator: 'test.nope', value: 1 },
      { indicator: 'test.poor_share', value: 1 },
    ]);
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('INDICATOR_VALUES_INVALID');
    expect(response.body.details.map((d: { field: string; code: string }) => `${d.field} ${d.code}`)).toEqual([
      'values.1.value VALIDATION_FAILED',
      'values.2.value INDICATOR_VALUE_MONEY_PRECISION',
      'values.3.indicator INDICATOR_NOT_FOUND',
      'values.4.indicator INDICATOR_NOT_ENTERED',
    ]);
    const grid = await admin.get(`/api/indicator-values?unit=${villageA2}&period=2024-05`);
    expect(grid.body.rows.every((r: { value: number | null }) => r.value === null)).toBe(true);
  });

  it('refuses the wrong level, the wrong kind of period, a closed window and a period not begun', async () => {
    const cases: [string, string, string][] = [
      [townA, '2024-05', 'INDICATOR_WRONG_LEVEL'],
      [villageA2, '2024', 'INDICATOR_WRONG_PERIOD_TYPE'],
      [villageA2, '2024-03', 'INDICATOR_ENTRY_WINDOW_CLOSED'],
      [villageA2, '2024-07', 'INDICATOR_PERIOD_NOT_STARTED'],
    ];
    const clerk = await t.signIn({ role: 'clerk', scopes: ['140929'] });
    for (const [unit, period, code] of cases) {
      const response = await save(clerk, unit, period, [{ indicator: 'test.income', value: 1 }]);
      expect({ period, status: response.status, code: response.body.details?.[0]?.code }).toEqual({
        period,
        status: 422,
        code,
      });
    }
  });

  it('asks for a comment on an outlier and checks rules across indicators', async () => {
    const clerk = await t.signIn({ role: 'clerk', scopes: [townA] });
    await t.db
      .insertInto('indicator_entry_exception')
      .values({
        indicator_id: null,
        unit_id: (
          await t.db.selectFrom('org_unit').select('id').where('code', '=', villageA2).executeTakeFirstOrThrow()
        ).id,
        path: '/',
        period: '2024-04',
        reason: 'test',
        expires_at: new Date('2030-01-01'),
        granted_by: null,
        granted_at: new Date(),
      })
      .execute();
    expect((await save(clerk, villageA2, '2024-04', [{ indicator: 'test.income', value: 10 }])).status).toBe(200);
    const jump = await save(clerk, villageA2, '2024-05', [{ indicator: 'test.income', value: 30 }]);
    expect(jump.status).toBe(422);
    expect(jump.body.details[0]).toMatchObject({ field: 'values.0.comment', code: 'INDICATOR_COMMENT_REQUIRED' });
    const explained = await save(clerk, villageA2, '2024-05', [
      { indicator: 'test.income', value: 30, comment: '新增光伏收益' },
    ]);
    expect(explained.status).toBe(200);

    const broken = await save(clerk, villageA2, '2024-05', [
      { indicator: 'test.households', value: 40 },
      { indicator: 'test.poor_households', value: 41 },
    ]);
    expect(broken.status).toBe(422);
    expect(broken.body.details[0]).toMatchObject({ field: 'values.1.value', code: 'INDICATOR_RULE_BROKEN' });
    expect((await save(clerk, villageA2, '2024-05', [{ indicator: 'test.households', value: 40 }])).status).toBe(200);
    // The stored household count now bounds a later entry of poor households alone.
    const alone = await save(clerk, villageA2, '2024-05', [{ indicator: 'test.poor_households', value: 41 }]);
    expect(alone.body.details[0].code).toBe('INDICATOR_RULE_BROKEN');
  });

  it('reopens a closed window through an audited exception', async () => {
    const staff = await t.signIn({ role: 'staff', scopes: ['140929'] });
    const closed = await save(staff, villageB1, '2024-02', [{ indicator: 'test.income', value: 5 }]);
    expect(closed.body.details[0].code).toBe('INDICATOR_ENTRY_WINDOW_CLOSED');
    const granted = await staff.post('/api/indicator-entry-exceptions', {
      unit: townB,
      period: '2024-02',
      indicator: 'test.income',
      reason: '补录二月数据',
      expiresAt: '2024-06-10T00:00:00Z',
    });
    expect(granted.status).toBe(201);
    expect((await save(staff, villageB1, '2024-02', [{ indicator: 'test.income', value: 5 }])).status).toBe(200);
    const audit = await admin.get('/api/audit?entity=indicator_entry_exception');
    expect(audit.body.items[0].after.reason).toBe('补录二月数据');
  });
});

describe('roll-ups, targets and rankings', () => {
  it('rolls villages up to townships, the county and the city in the writing transaction', async () => {
    await save(admin, villageA1, '2024-05', [
      { indicator: 'test.households', value: 100 },
      { indicator: 'test.poor_households', value: 20 },
    ]);
    await save(admin, villageA2, '2024-05', [{ indicator: 'test.poor_households', value: 4 }]);
    await save(admin, villageB1, '2024-05', [
      { indicator: 'test.households', value: 60 },
      { indicator: 'test.poor_households', value: 3 },
    ]);

    const county = await admin.get('/api/analytics?indicator=test.households&unit=140929&period=2024-05');
    expect(county.status).toBe(200);
    expect(county.body).toMatchObject({
      indicator: 'test.households',
      unit: '140929000000',
      period: '2024-05',
      value: 200,
      target: null,
      attainment: null,
    });
    const city = await admin.get('/api/analytics?indicator=test.households&unit=1409&period=2024-05');
    expect(city.body.value).toBe(200);

    const towns = await admin.get('/api/analytics?indicator=test.households&unit=140929&period=2024-05&level=4');
    expect(towns.status).toBe(200);
    const byUnit = Object.fromEntries(
      towns.body.items.map((r: { unit: string; value: number; rank: number }) => [r.unit, [r.value, r.rank]]),
    );
    expect(byUnit[townA]).toEqual([140, 1]);
    expect(byUnit[townB]).toEqual([60, 2]);
    // Townships without data are listed without a rank.
    expect(towns.body.items.length).toBe(11);
  });

  it('computes formulas per unit and explains a null', async () => {
    const share = await admin.get(`/api/analytics?indicator=test.poor_share&unit=${townA}&period=2024-05`);
    expect(share.body.value).toBeCloseTo((24 / 140) * 100, 8);
    expect(share.body.reason).toBeNull();
    const empty = await admin.get(`/api/analytics?indicator=test.poor_share&unit=${townA}&period=2024-01`);
    expect(empty.body).toMatchObject({ value: null, reason: 'NO_DATA' });
    await save(admin, villageA2, '2024-06', [{ indicator: 'test.poor_households', value: 2 }]);
    const half = await admin.get(`/api/analytics?indicator=test.poor_share&unit=${villageA2}&period=2024-06`);
    expect(half.body).toMatchObject({ value: null, reason: 'DENOMINATOR_MISSING' });
    await save(admin, villageA1, '2024-06', [
      { indicator: 'test.households', value: 0 },
      { indicator: 'test.poor_households', value: 0 },
    ]);
    const zero = await admin.get(`/api/analytics?indicator=test.poor_share&unit=${villageA1}&period=2024-06`);
    expect(zero.body).toMatchObject({ value: null, reason: 'DIVISION_BY_ZERO' });
  });

  it('averages across units when the indicator says so, and combines months by its period rule', async () => {
    const definition = {
      code: 'test.price',
      nameZh: '价格',
      nameEn: 'Price',
      valueType: 'number',
      direction: 'down',
      unitAggregation: 'average',
      periodAggregation: 'average',
      periodType: 'month',
      source: 'entered',
      entryLevel: 5,
    };
    expect((await admin.post('/api/indicators', definition)).status).toBe(201);
    await save(admin, villageA1, '2024-05', [{ indicator: 'test.price', value: 10 }]);
    await save(admin, villageA2, '2024-05', [{ indicator: 'test.price', value: 20 }]);
    await save(admin, villageA1, '2024-06', [{ indicator: 'test.price', value: 40 }]);
    const may = await admin.get(`/api/analytics?indicator=test.price&unit=${townA}&period=2024-05`);
    expect(may.body.value).toBe(15);
    const quarter = await admin.get(`/api/analytics?indicator=test.price&unit=${townA}&period=2024Q2`);
    expect(quarter.body.value).toBe(27.5);
    const villages = await admin.get(`/api/analytics?indicator=test.price&unit=${townA}&period=2024-05&level=5`);
    expect(villages.body.items.slice(0, 2).map((r: { unit: string; rank: number }) => [r.unit, r.rank])).toEqual([
      [villageA1, 1],
      [villageA2, 2],
    ]);
  });

  it('reads villages over a quarter and a year from the maintained period roll-ups, for every period rule', async () => {
    const define = (code: string, periodAggregation: string, categories: string[] = []) =>
      defineMonthlyVillageIndicator(admin, { code, periodAggregation, categories });
    for (const rule of ['sum', 'last', 'average']) {
      expect((await define(`test.rollup_${rule}`, rule, ['m', 'f'])).status).toBe(201);
    }
    const enter = async (unit: string, period: string, value: number, category: string) => {
      // Inside the period's entry window, as a clerk would have entered it then.
      t.clock.set(new Date(`${period}-15T08:00:00Z`));
      const saved = await save(
        admin,
        unit,
        period,
        ['sum', 'last', 'average'].map((rule) => ({ indicator: `test.rollup_${rule}`, category, value })),
      );
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    };
    // Village A1: Jan m=1 f=2, Mar m=4, then Feb f=10 (a period before the last), then Mar m corrected to 6.
    // Village A2: only Jan f=5. Village B1 (another township): Apr m=7 (the second quarter).
    await enter(villageA1, '2023-01', 1, 'm');
    await enter(villageA1, '2023-01', 2, 'f');
    await enter(villageA1, '2023-03', 4, 'm');
    await enter(villageA1, '2023-02', 10, 'f');
    await enter(villageA1, '2023-03', 6, 'm');
    await enter(villageA2, '2023-01', 5, 'f');
    await enter(villageB1, '2023-04', 7, 'm');
    t.clock.set(new Date('2024-06-01T08:00:00Z'));
    const expected: Record<string, Record<string, [number | null, number | null, number | null]>> = {
      //          A1: months 3 | 10 | 6        A2        B1
      sum: { '2023Q1': [19, 5, null], '2023': [19, 5, 7] },
      last: { '2023Q1': [6, 5, null], '2023': [6, 5, 7] },
      average: { '2023Q1': [19 / 3, 5, null], '2023': [19 / 3, 5, 7] },
    };
    for (const [rule, byPeriod] of Object.entries(expected)) {
      for (const [period, [a1, a2, b1]] of Object.entries(byPeriod)) {
        const level = await admin.get(
          `/api/analytics?indicator=test.rollup_${rule}&unit=140929&period=${period}&level=5`,
        );
        expect(level.status).toBe(200);
        const valueOf = (code: string) =>
          level.body.items.find((r: { unit: string }) => r.unit === code)?.value ?? null;
        expect([valueOf(villageA1), valueOf(villageA2), valueOf(villageB1)], `${rule} ${period}`).toEqual([
          a1 === null ? null : expect.closeTo(a1, 10),
          a2,
          b1,
        ]);
        const cell = await admin.get(`/api/analytics?indicator=test.rollup_${rule}&unit=${villageA1}&period=${period}`);
        expect(cell.body.value).toBeCloseTo(a1 as number, 10);
      }
    }
    const stored = await t.db
      .selectFrom('indicator_period_rollup as r')
      .innerJoin('indicator as i', 'i.id', 'r.indicator_id')
      .select(['r.period', 'r.total', 'r.periods', 'r.last_period', 'r.last_value'])
      .where('i.code', '=', 'test.rollup_last')
      .where('r.path', 'like', `%/${villageA1}/`)
      .orderBy('r.period')
      .execute();
    expect(stored.map((r) => [r.period, Number(r.total), r.periods, r.last_period, Number(r.last_value)])).toEqual([
      ['2023', 19, 3, '2023-03', 6],
      ['2023Q1', 19, 3, '2023-03', 6],
    ]);
  });

  it('weights an average by another indicator at every level, month by month, then combines the months', async () => {
    const base = { valueType: 'count', direction: 'up', periodType: 'month', source: 'entered', entryLevel: 5 };
    const people = { ...base, code: 'test.people', nameZh: '人口', nameEn: 'People', categories: ['m', 'f'] };
    const created = await admin.post('/api/indicators', {
      ...people,
      unitAggregation: 'sum',
      periodAggregation: 'last',
    });
    expect(created.status).toBe(201);
    const rate = await admin.post('/api/indicators', {
      ...base,
      code: 'test.weighted_rate',
      nameZh: '加权率',
      nameEn: 'Weighted rate',
      valueType: 'percent',
      unitAggregation: 'weighted_average',
      weightCode: 'test.people',
      periodAggregation: 'average',
    });
    expect(rate.status, JSON.stringify(rate.body)).toBe(201);
    const enter = async (unit: string, period: string, men: number, women: number, value: number) => {
      const saved = await save(admin, unit, period, [
        { indicator: 'test.people', category: 'm', value: men },
        { indicator: 'test.people', category: 'f', value: women },
        { indicator: 'test.weighted_rate', value },
      ]);
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    };
    await enter(villageA1, '2024-05', 60, 40, 10);
    await enter(villageA2, '2024-05', 300, 0, 30);
    await enter(villageB1, '2024-05', 50, 50, 50);
    await enter(villageA1, '2024-06', 50, 50, 20);
    await enter(villageA2, '2024-06', 0, 100, 40);
    const value = async (unit: string, period: string) =>
      (await admin.get(`/api/analytics?indicator=test.weighted_rate&unit=${unit}&period=${period}`)).body.value;
    // May: township A (10×100 + 30×300) ÷ 400 = 25, county (1,000 + 9,000 + 5,000) ÷ 500 = 30.
    // June: township A (20×100 + 40×100) ÷ 200 = 30, the county the same. The quarter averages the months.
    const expected: [string, string, number | null][] = [
      [townA, '2024-05', 25],
      [townB, '2024-05', 50],
      ['140929', '2024-05', 30],
      ['1409', '2024-05', 30],
      [townA, '2024-06', 30],
      [townB, '2024-06', null],
      ['140929', '2024-06', 30],
      [townA, '2024Q2', 27.5],
      [townB, '2024Q2', 50],
      ['140929', '2024Q2', 30],
      [villageA1, '2024Q2', 15],
      [villageA2, '2024-06', 40],
    ];
    for (const [unit, period, figure] of expected) {
      expect(await value(unit, period), `${unit} ${period}`).toBe(figure);
    }
    const towns = await admin.get(`/api/analytics?indicator=test.weighted_rate&unit=140929&period=2024Q2&level=4`);
    const ranked = towns.body.items.filter((r: { rank: number | null }) => r.rank !== null);
    expect(ranked.map((r: { unit: string; value: number }) => [r.unit, r.value])).toEqual([
      [townB, 50],
      [townA, 27.5],
    ]);
  });

  it('combines months into a quarter by the indicator’s rule', async () => {
    const quarter = await admin.get(`/api/analytics?indicator=test.income&unit=${villageA2}&period=2024Q2`);
    expect(quarter.body.value).toBe(40);
    const fine = await admin.get(`/api/analytics?indicator=test.income&unit=${villageA2}&period=2024-13`);
    expect(fine.status).toBe(400);
  });

  it('sets targets with versions and computes attainment and colour', async () => {
    const put = await admin.request('PUT', '/api/indicator-targets', {
      indicator: 'test.households',
      unit: townA,
      period: '2024-05',
      target: 175,
      greenAt: 1,
      amberAt: 0.75,
    });
    expect(put.status).toBe(200);
    expect(put.body.version).toBe(1);
    const stale = await admin.request('PUT', '/api/indicator-targets', {
      indicator: 'test.households',
      unit: townA,
      period: '2024-05',
      target: 170,
    });
    expect(stale.status).toBe(409);
    const cell = await admin.get(`/api/analytics?indicator=test.households&unit=${townA}&period=2024-05`);
    expect(cell.body).toMatchObject({ value: 140, target: 175, attainment: 0.8, rag: 'amber' });
  });

  it('raises an alert when a formula crosses its line at the county', async () => {
    await save(admin, villageA1, '2024-04', [
      { indicator: 'test.households', value: 100 },
      { indicator: 'test.poor_households', value: 5 },
    ]);
    // May's values came before April's: entering April now makes May a crossing from 5% to 13.5% at the county.
    await save(admin, villageA1, '2024-05', [{ indicator: 'test.poor_households', value: 21 }]);
    const alerts = await admin.get('/api/indicator-alerts?unit=140929');
    expect(alerts.body.items).toContainEqual(
      expect.objectContaining({
        indicator: 'test.poor_share',
        unit: '140929000000',
        period: '2024-05',
        crossed: 'up',
        line: 10,
      }),
    );
  });

  it('delivers a crossing once to the inbox of the unit, and nothing when the line is not crossed', async () => {
    const county = await t.signIn({ role: 'staff', scopes: ['140929'] });
    const township = await t.signIn({ role: 'staff', scopes: [townA] });
    const alertNotices = async (client: ApiClient) =>
      ((await client.get('/api/notifications?limit=200')).body.items as { kind: string; title: string }[]).filter(
        (n) => n.kind.startsWith('indicator_crossed_') && n.title.includes('2023-0'),
      );
    // Early 2023 is a quarter nothing else in this file touches; its entry windows are reopened for it.
    const countyUnit = await t.db
      .selectFrom('org_unit')
      .select('id')
      .where('code', '=', '140929000000')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('indicator_entry_exception')
      .values(
        ['2023-01', '2023-02', '2023-03'].map((period) => ({
          indicator_id: null,
          unit_id: countyUnit.id,
          path: '/',
          period,
          reason: 'test',
          expires_at: new Date('2030-01-01'),
          granted_by: null,
          granted_at: new Date(),
        })),
      )
      .execute();
    const first = await save(admin, villageA1, '2023-01', [
      { indicator: 'test.households', value: 100 },
      { indicator: 'test.poor_households', value: 5 },
    ]);
    const second = await save(admin, villageA1, '2023-02', [
      { indicator: 'test.households', value: 100 },
      { indicator: 'test.poor_households', value: 8 },
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(await alertNotices(county)).toEqual([]);

    const crossing = await save(admin, villageA1, '2023-03', [
      { indicator: 'test.households', value: 100 },
      { indicator: 'test.poor_households', value: 12 },
    ]);
    expect(crossing.status, JSON.stringify(crossing.body)).toBe(200);
    const notices = await alertNotices(county);
    expect(notices).toEqual([
      expect.objectContaining({
        kind: 'indicator_crossed_up',
        title: '贫困户占比 / Share of poor households · 2023-03 · 8 → 12 (≥ 10)',
        body: 'test.poor_share',
        unit: expect.objectContaining({ code: '140929000000' }),
        taskId: null,
        read: false,
      }),
    ]);
    // A later change in the same period is the same crossing: no second notice.
    const again = await save(admin, villageA1, '2023-03', [{ indicator: 'test.poor_households', value: 13 }]);
    expect(again.status).toBe(200);
    expect(await alertNotices(county)).toHaveLength(1);
    expect(await alertNotices(township)).toEqual([]);
  });

  it('lists the values behind a figure', async () => {
    const rows = await admin.get(`/api/analytics/rows?indicator=test.poor_share&unit=${townA}&period=2024-05`);
    expect(rows.status).toBe(200);
    expect(rows.body.items.map((r: { indicator: string }) => r.indicator)).toEqual(
      expect.arrayContaining(['test.households', 'test.poor_households']),
    );
  });
});

describe('bottom-up approval', () => {
  it('approves village → township → county and locks what is approved', async () => {
    const townStaff = await t.signIn({ role: 'staff', scopes: [townA] });
    const countyStaff = await t.signIn({ role: 'staff', scopes: ['140929'] });
    const own = await townStaff.post('/api/indicator-approvals', { unit: townA, period: '2024-05' });
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('INDICATOR_APPROVAL_NEEDS_HIGHER_LEVEL');

    const early = await countyStaff.post('/api/indicator-approvals', { unit: townA, period: '2024-05' });
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('INDICATOR_APPROVAL_CHILDREN_PENDING');

    for (const village of [villageA1, villageA2]) {
      const approved = await townStaff.post('/api/indicator-approvals', { unit: village, period: '2024-05' });
      expect(approved.status).toBe(200);
    }
    const locked = await save(admin, villageA1, '2024-05', [{ indicator: 'test.households', value: 101 }]);
    expect(locked.status).toBe(409);
    expect(locked.body.code).toBe('INDICATOR_PERIOD_LOCKED');

    const town = await countyStaff.post('/api/indicator-approvals', { unit: townA, period: '2024-05' });
    expect(town.status).toBe(200);
    expect(town.body.self).toMatchObject({ unit: townA, approved: true, hasData: true });
    const status = await countyStaff.get(`/api/indicator-approvals?unit=140929&period=2024-05`);
    expect(status.body.children.find((c: { unit: string }) => c.unit === townB)).toMatchObject({
      approved: false,
      hasData: true,
    });
    const twice = await countyStaff.post('/api/indicator-approvals', { unit: townA, period: '2024-05' });
    expect(twice.status).toBe(409);
  });
});

describe('dashboards', () => {
  it('shows the default, then a configured dashboard per role and unit, with versions', async () => {
    const initial = await admin.get('/api/dashboards/current?unit=1409');
    expect(initial.body.version).toBeNull();
    const widgets = [
      { type: 'kpi', indicator: 'test.households' },
      { type: 'map', indicator: 'test.households', level: 3 },
    ];
    const saved = await admin.request('PUT', '/api/dashboards', { role: 'admin', unit: '1409', widgets });
    expect(saved.status).toBe(200);
    expect((await admin.get('/api/dashboards/current?unit=1409')).body).toMatchObject({ widgets, version: 1 });
    const stale = await admin.request('PUT', '/api/dashboards', { role: 'admin', unit: '1409', widgets: [] });
    expect(stale.status).toBe(409);
  });

  it('lets whoever configures dashboards read and save another role’s, with widgets fixed to a unit and period', async () => {
    const widgets = [{ type: 'trend', indicator: 'test.households', unit: '140929', period: '2024-06' }];
    const saved = await admin.request('PUT', '/api/dashboards', { role: 'clerk', unit: '1409', widgets });
    expect(saved.status).toBe(200);
    const read = await admin.get('/api/dashboards/current?unit=1409&role=clerk');
    expect(read.body).toMatchObject({ role: 'clerk', widgets, version: 1 });
    const clerk = await t.signIn({ role: 'clerk', scopes: ['1409'] });
    expect((await clerk.get('/api/dashboards/current?unit=1409')).body).toMatchObject({ role: 'clerk', widgets });
    expect((await clerk.get('/api/dashboards/current?unit=1409&role=leader')).status).toBe(403);
  });
});

describe('history corrected after values were entered', () => {
  it('recomputes the quarters and years of a village whose values move to its new township', async () => {
    const definition = {
      code: 'test.moved_last',
      nameZh: '迁移测试',
      nameEn: 'Moved',
      valueType: 'number',
      direction: 'up',
      unitAggregation: 'sum',
      periodAggregation: 'last',
      periodType: 'month',
      source: 'entered',
      entryLevel: 5,
    };
    expect((await admin.post('/api/indicators', definition)).status).toBe(201);
    const townC = (await divisionsUnder(admin, '140929'))[2] as string;
    const enter = async (period: string, value: number, version?: number) => {
      t.clock.set(new Date(`${period}-15T08:00:00Z`));
      const saved = await save(admin, villageB1, period, [{ indicator: 'test.moved_last', value, version }]);
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    };
    await enter('2023-05', 3);
    await enter('2023-06', 8);
    t.clock.set(new Date('2024-06-01T08:00:00Z'));
    const townBUnit = (await admin.get(`/api/org-units/${townB}`)).body;
    const merged = await admin.post(`/api/org-units/${townB}/merge`, {
      intoCode: townC,
      effectiveOn: '2023-01-01',
      reason: '乡镇区划调整',
      version: townBUnit.version,
    });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    // May is saved again: it now belongs under township C as of its last day; June stays where it was entered.
    await enter('2023-05', 4, 1);
    t.clock.set(new Date('2024-06-01T08:00:00Z'));
    const underC = await admin.get(`/api/analytics?indicator=test.moved_last&unit=${townC}&period=2023&level=5`);
    expect(underC.body.items.find((r: { unit: string }) => r.unit === villageB1)?.value).toBe(4);
    const may = (unit: string) => admin.get(`/api/analytics?indicator=test.moved_last&unit=${unit}&period=2023-05`);
    expect((await may(townC)).body.value).toBe(4);
    expect((await may(townB)).body.value).toBeNull();
    const { rows } = await sql<{ path: string; period: string; periods: number; last_value: string }>`
      select r.path, r.period, r.periods, r.last_value::text as last_value
      from indicator_period_rollup r join indicator i on i.id = r.indicator_id
      where i.code = 'test.moved_last' order by r.path, r.period`.execute(t.db);
    expect(rows.map((r) => [r.path.split('/').at(-3), r.period, r.periods, Number(r.last_value)])).toEqual([
      [townB, '2023', 1, 8],
      [townB, '2023Q2', 1, 8],
      [townC, '2023', 1, 4],
      [townC, '2023Q2', 1, 4],
    ]);
  });
});
