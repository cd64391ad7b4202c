import { expect } from 'vitest';
import type { ApiClient } from '../../../test/support/app.ts';

/** The codes of the administrative divisions directly under a unit (departments and teams left out). */
export async function divisionsUnder(client: ApiClient, code: string): Promise<string[]> {
  const response = await client.get(`/api/org-units/${code}/children`);
  return response.body.items
    .filter((u: { kind: string }) => u.kind === 'division')
    .map((u: { code: string }) => u.code);
}

/** Defines a summed, monthly village indicator with the given period rule and categories (for roll-up tests). */
export function defineMonthlyVillageIndicator(
  client: ApiClient,
  options: { code: string; periodAggregation: string; categories?: string[]; entryWindowDays?: number },
) {
  return client.post('/api/indicators', {
    nameZh: options.code,
    nameEn: options.code,
    valueType: 'number',
    direction: 'up',
    unitAggregation: 'sum',
    periodType: 'month',
    source: 'entered',
    entryLevel: 5,
    categories: [],
    ...options,
  });
}

/** A village's households, monthly: the plain entered indicator (also what the CLI test imports values of). */
export const testHouseholds = {
  code: 'test.households',
  nameZh: '农户数',
  nameEn: 'Households',
  valueType: 'count',
  direction: 'up',
  unitAggregation: 'sum',
  periodAggregation: 'last',
  periodType: 'month',
  source: 'entered',
  entryLevel: 5,
} as const;

/** Definitions the API tests share: village income monthly, county GDP yearly, an insurance rate formula. */
export const testIndicators = [
  {
    code: 'test.income',
    nameZh: '村集体收入',
    nameEn: 'Village collective income',
    measureUnit: '万元',
    valueType: 'money',
    direction: 'up',
    unitAggregation: 'sum',
    periodAggregation: 'sum',
    periodType: 'month',
    source: 'entered',
    entryLevel: 5,
    outlierChangePct: 50,
    entryWindowDays: 20,
  },
  testHouseholds,
  {
    code: 'test.poor_households',
    nameZh: '贫困户数',
    nameEn: 'Poor households',
    valueType: 'count',
    direction: 'down',
    unitAggregation: 'sum',
    periodAggregation: 'last',
    periodType: 'month',
    source: 'entered',
    entryLevel: 5,
    rules: [{ op: 'lte', code: 'test.households' }],
  },
  {
    code: 'test.poor_share',
    nameZh: '贫困户占比',
    nameEn: 'Share of poor households',
    measureUnit: '%',
    valueType: 'percent',
    direction: 'down',
    unitAggregation: 'none',
    periodAggregation: 'last',
    periodType: 'month',
    source: 'formula',
    numeratorCode: 'test.poor_households',
    denominatorCode: 'test.households',
    factor: 100,
    alertLine: 10,
  },
] as const;

export async function defineTestIndicators(admin: ApiClient) {
  for (const definition of testIndicators) {
    const response = await admin.post('/api/indicators', definition);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
  }
}

/** Waits for a job to finish by polling it as the web app does. */
export async function finishedJob(client: ApiClient, id: string) {
  for (let attempt = 0; attempt < 400; attempt += 1) {
    const response = await client.get(`/api/jobs/${id}`);
    if (response.body.status !== 'running') return response.body;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`job ${id} did not finish`);
}
