import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, useTestApp } from '../../../../test/support/app.ts';
import { seedIndicatorDemo } from './seed.ts';

const t = useTestApp();
let admin: ApiClient;

// The test template holds Xinzhou only: the seed's Xinyang and Henan rows have no units and are skipped.
beforeAll(async () => {
  await seedIndicatorDemo({ ...t.system, connectionString: t.connectionString });
  admin = await t.signIn({ role: 'admin' });
}, 120_000);

const cell = async (indicator: string, unit: string, period: string) =>
  (await admin.get(`/api/analytics?indicator=${indicator}&unit=${unit}&period=${period}`)).body;

describe('the headline indicators demo', () => {
  it('reproduces the articles’ figures for Xinzhou in 2021', async () => {
    expect((await cell('health.rural_insurance_rate', '1409', '2021')).value).toBeCloseTo(98.98, 6);
    expect((await cell('economy.gdp', '1409', '2021')).value).toBeCloseTo(1276.5, 6);
    const nonCoal = await cell('industry.non_coal_share', '1409', '2021');
    expect(nonCoal.value).toBeGreaterThan(50);
    expect(nonCoal).toMatchObject({ target: 50, rag: 'green' });
    expect((await cell('industry.non_coal_share', '1409', '2020')).value).toBeLessThan(50);
    expect((await cell('economy.retail_sales', '1409', '2021')).value).toBeCloseTo(520, 0);
  });

  it('raised the structural breakthroughs of 2021 as alerts', async () => {
    const alerts = await admin.get('/api/indicator-alerts?unit=1409');
    const crossings = alerts.body.items
      .filter((a: { unit: string; period: string }) => a.unit === '140900000000' && a.period === '2021')
      .map((a: { indicator: string }) => a.indicator)
      .sort();
    expect(crossings).toEqual(['economy.private_share', 'energy.new_to_thermal', 'industry.non_coal_share']);
  });

  it('ranks the counties with colours against their targets', async () => {
    const counties = await admin.get('/api/analytics?indicator=economy.gdp&unit=1409&period=2021&level=3');
    expect(counties.body.items.length).toBeGreaterThanOrEqual(14);
    expect(counties.body.items[0].rank).toBe(1);
    expect(new Set(counties.body.items.map((r: { rag: string }) => r.rag))).toEqual(new Set(['green', 'amber', 'red']));
  });
});
