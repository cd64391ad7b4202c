import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, useTestApp } from '../../../test/support/app.ts';
import { divisionsUnder, finishedJob } from './test-support.ts';
import { holdWeightedRollupsForWrite, rebuildWeightedRollup } from './weighted-rollup-queries.ts';

const t = useTestApp();
let admin: ApiClient;
// Kelan county (140929): two of its townships, two villages of the first and one of the second.
let townA: string;
let villageA1: string;
let villageA2: string;
let villageB1: string;

const base = { direction: 'up', periodType: 'month', source: 'entered', entryLevel: 5 } as const;

beforeAll(async () => {
  admin = await t.signIn({ role: 'admin' });
  for (const code of ['wr.people', 'wr.households']) {
    const created = await admin.post('/api/indicators', {
      ...base,
      code,
      nameZh: code,
      nameEn: code,
      valueType: 'count',
      unitAggregation: 'sum',
      periodAggregation: 'last',
      categories: code === 'wr.people' ? ['m', 'f'] : [],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
  }
  const rate = await admin.post('/api/indicators', {
    ...base,
    code: 'wr.rate',
    nameZh: '加权率',
    nameEn: 'Weighted rate',
    valueType: 'percent',
    unitAggregation: 'weighted_average',
    weightCode: 'wr.people',
    periodAggregation: 'average',
  });
  expect(rate.status, JSON.stringify(rate.body)).toBe(201);
  const [townACode, townBCode] = (await divisionsUnder(admin, '140929')) as [string, string];
  townA = townACode;
  [villageA1, villageA2] = (await divisionsUnder(admin, townA)) as [string, string];
  [villageB1] = (await divisionsUnder(admin, townBCode)) as [string];
});

const save = async (unit: string, period: string, values: unknown[]) => {
  const saved = await admin.post('/api/indicator-values', { unit, period, values });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
};

const value = async (unit: string, period: string) =>
  (await admin.get(`/api/analytics?indicator=wr.rate&unit=${unit}&period=${period}`)).body.value;

/** The maintained roll-up of wr.rate, row by row. */
async function maintained() {
  const { rows } = await sql<{ period: string; path: string; weighted: string; weight: string; count: number }>`
    select r.period, r.path, r.weighted::text, r.weight::text, r.count
    from indicator_weighted_rollup r
    join indicator i on i.id = r.indicator_id
    where i.code = 'wr.rate' and r.count > 0
    order by r.period, r.path`.execute(t.db);
  return rows.map((r) => ({ ...r, weighted: Number(r.weighted), weight: Number(r.weight) }));
}

/** The same figures computed from the leaves: each value × its unit's summed weights, per ancestor and month. */
async function fromLeaves(weightCode: string) {
  const { rows } = await sql<{ period: string; path: string; weighted: string; weight: string; count: number }>`
    select v.period, left(v.path_at, 1 + 13 * l) as path, sum(v.value * w.value)::text as weighted,
           sum(w.value)::text as weight, count(*)::int as count
    from indicator_value v
    join indicator i on i.id = v.indicator_id and i.code = 'wr.rate'
    join (
      select x.unit_id, x.period, sum(x.value) as value
      from indicator_value x
      join indicator xi on xi.id = x.indicator_id and xi.code = ${weightCode}
      group by 1, 2
    ) w on w.unit_id = v.unit_id and w.period = v.period
    cross join lateral generate_series(1, v.level - 1) l
    group by 1, 2
    order by 1, 2`.execute(t.db);
  return rows.map((r) => ({ ...r, weighted: Number(r.weighted), weight: Number(r.weight) }));
}

async function upload(file: string) {
  const response = await fetch(`${admin.baseUrl}/api/indicator-values/import?dryRun=false&format=csv`, {
    method: 'POST',
    headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'content-type': 'text/csv' },
    body: ['indicator,unit,period,category,value,comment', file].join('\n'),
  });
  expect(response.status).toBe(202);
  const job = await finishedJob(admin, (await response.json()).id);
  expect(job.result, JSON.stringify(job)).toMatchObject({ applied: true });
}

describe('weighted-average roll-ups', () => {
  it('follow every write of the value and of its weight, and equal the computation from the leaves', async () => {
    await save(villageA1, '2024-05', [
      { indicator: 'wr.people', category: 'm', value: 60 },
      { indicator: 'wr.people', category: 'f', value: 40 },
      { indicator: 'wr.rate', value: 10 },
    ]);
    await save(villageA2, '2024-05', [
      { indicator: 'wr.people', category: 'm', value: 300 },
      { indicator: 'wr.rate', value: 30 },
    ]);
    // Township A: (10 × 100 + 30 × 300) ÷ 400.
    expect(await value(townA, '2024-05')).toBe(25);
    expect(await maintained()).toEqual(await fromLeaves('wr.people'));

    // Only a weight changes (one category of it): (10 × 100 + 30 × 100) ÷ 200.
    await save(villageA2, '2024-05', [{ indicator: 'wr.people', category: 'm', value: 100 }]);
    expect(await value(townA, '2024-05')).toBe(20);
    expect(await value('140929', '2024-05')).toBe(20);
    expect(await maintained()).toEqual(await fromLeaves('wr.people'));

    // Only a value changes: (50 × 100 + 30 × 100) ÷ 200.
    await save(villageA1, '2024-05', [{ indicator: 'wr.rate', value: 50 }]);
    expect(await value(townA, '2024-05')).toBe(40);
    expect(await maintained()).toEqual(await fromLeaves('wr.people'));

    // A value first without a weight counts once the weight arrives; an import writes both indicators.
    await save(villageB1, '2024-05', [{ indicator: 'wr.rate', value: 70 }]);
    expect(await value('140929', '2024-05')).toBe(40);
    await upload(
      [
        `wr.people,${villageB1},2024-05,f,200,`,
        `wr.people,${villageA1},2024-06,m,50,`,
        `wr.rate,${villageA1},2024-06,,20,`,
        `wr.rate,${villageA2},2024-05,,60,`,
      ].join('\n'),
    );
    // County, May: (50 × 100 + 60 × 100 + 70 × 200) ÷ 400; June: township A 20; the quarter averages them.
    expect(await value('140929', '2024-05')).toBe(62.5);
    expect(await value(townA, '2024-06')).toBe(20);
    expect(await value(townA, '2024Q2')).toBe(37.5);
    expect(await maintained()).toEqual(await fromLeaves('wr.people'));
  });

  it('is rebuilt when the indicator is weighted by another one', async () => {
    await save(villageA1, '2024-05', [{ indicator: 'wr.households', value: 3 }]);
    await save(villageA2, '2024-05', [{ indicator: 'wr.households', value: 1 }]);
    const current = await admin.get('/api/indicators/wr.rate');
    const changed = await admin.patch('/api/indicators/wr.rate', {
      weightCode: 'wr.households',
      version: current.body.version,
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    // Township A: (50 × 3 + 60 × 1) ÷ 4.
    expect(await value(townA, '2024-05')).toBe(52.5);
    expect(await maintained()).toEqual(await fromLeaves('wr.households'));
  });

  it('rebuilds only once value writers under way have finished', async () => {
    const { id } = await t.db
      .selectFrom('indicator')
      .select('id')
      .where('code', '=', 'wr.rate')
      .executeTakeFirstOrThrow();
    await t.db.transaction().execute(async (writer) => {
      await holdWeightedRollupsForWrite(writer);
      const rebuild = t.db.transaction().execute(async (tx) => {
        await sql`set local lock_timeout = '200ms'`.execute(tx);
        await rebuildWeightedRollup(tx, id);
      });
      await expect(rebuild).rejects.toThrow(/lock timeout/);
    });
  });
});
