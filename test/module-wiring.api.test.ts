import { beforeAll, describe, expect, it } from 'vitest';
import { expectedComputedKeys } from '../src/modules/indicators/computed-sources.ts';
import { type ApiClient, useTestApp } from './support/app.ts';

const t = useTestApp();
let admin: ApiClient;

const DONGJIE = '140929100200'; // 岚漪镇东街村
const XIJIE = '140929100201'; // 岚漪镇西街村, same township
const LANYI = '140929100000'; // 岚漪镇
const KELAN = '140929000000';

beforeAll(async () => {
  admin = await t.signIn({ role: 'admin' });
  for (const code of expectedComputedKeys) {
    const created = await admin.post('/api/indicators', {
      code,
      nameZh: code,
      nameEn: code,
      measureUnit: code === 'poverty.incidence' ? '%' : '人',
      valueType: code === 'poverty.incidence' ? 'percent' : 'count',
      direction: 'down',
      unitAggregation: 'none',
      weightCode: null,
      periodAggregation: 'last',
      periodType: 'year',
      source: 'computed',
      entryLevel: null,
      categories: [],
      numeratorCode: null,
      denominatorCode: null,
      factor: 1,
      computedKey: code,
      minValue: null,
      maxValue: null,
      outlierChangePct: null,
      rules: [],
      alertLine: null,
      entryWindowDays: 30,
    });
    expect(created.status).toBe(201);
  }
  for (const [village, population] of [
    [DONGJIE, 1200],
    [XIJIE, 800],
  ] as const) {
    const set = await admin.request('PUT', '/api/registry/rural-population', {
      villageCode: village,
      year: 2014,
      population,
    });
    expect(set.status).toBe(200);
  }
});

describe('the registry feeds computed indicators', () => {
  it('answers population.rural live from the registry at village, township and county', async () => {
    for (const [unit, value] of [
      [DONGJIE, 1200],
      [LANYI, 2000],
      [KELAN, 2000],
    ] as const) {
      const cell = await admin.get(`/api/analytics?indicator=population.rural&unit=${unit}&period=2014`);
      expect(cell.status).toBe(200);
      expect(cell.body).toMatchObject({ indicator: 'population.rural', value });
    }
  });

  it('ranks villages on a registry figure and shows incidence as a percentage', async () => {
    const level = await admin.get(`/api/analytics?indicator=population.rural&unit=${LANYI}&period=2014&level=5`);
    expect(level.status).toBe(200);
    const values = new Map(level.body.items.map((row: { unit: string; value: number }) => [row.unit, row.value]));
    expect(values.get(DONGJIE)).toBe(1200);
    expect(values.get(XIJIE)).toBe(800);
    const incidence = await admin.get(`/api/analytics?indicator=poverty.incidence&unit=${LANYI}&period=2014`);
    expect(incidence.body).toMatchObject({ value: 0 });
  });
});
