import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, useTestApp } from '../../../../test/support/app.ts';
import {
  POOR_AT_END_OF_2018,
  REGISTERED_POOR_2014,
  RURAL_POPULATION,
  VILLAGE_REGISTRATIONS_CANCELLED,
} from './calibration.ts';
import { seedDemoDuplicates } from './seed-duplicates.ts';
import { seedDemoRegistry } from './seed-registry.ts';

const t = useTestApp();
let admin: ApiClient;
let seeded: Awaited<ReturnType<typeof seedDemoRegistry>>;
let duplicates: Awaited<ReturnType<typeof seedDemoDuplicates>>;
let trendBefore: unknown;

beforeAll(async () => {
  const started = performance.now();
  seeded = await seedDemoRegistry({ ...t.system, connectionString: t.connectionString }, { cityCode: '1409' });
  console.info(`seeded the Xinzhou demo registry in ${Math.round(performance.now() - started)} ms`, seeded);
  admin = await t.signIn({ role: 'admin' });
}, 240_000);

beforeAll(async () => {
  // The demo's duplicate cases come after the calibrated load, as on `npm start`; every figure must hold.
  trendBefore = (await admin.get('/api/registry/stats/trend?unit=1409')).body;
  const started = performance.now();
  duplicates = await seedDemoDuplicates(t.system, { cityCode: '1409' });
  console.info(`seeded the demo's duplicate cases in ${Math.round(performance.now() - started)} ms`);
}, 120_000);

describe('the demo registry, through the same statistics route users rely on', () => {
  it('registers 467,400 people in 2014: 19.81% of the rural population', async () => {
    const stats = await admin.get('/api/registry/stats?unit=140900000000&year=2014');
    expect(stats.status).toBe(200);
    expect(stats.body).toMatchObject({
      unit: '140900000000',
      year: 2014,
      ruralPopulation: RURAL_POPULATION,
      registeredPersons: REGISTERED_POOR_2014,
    });
    expect((REGISTERED_POOR_2014 / stats.body.ruralPopulation).toFixed(4)).toBe('0.1981');
  });

  it('leaves 53,700 poor at the end of 2018: 2.28%, though 533 villages were cancelled meanwhile', async () => {
    const stats = (await admin.get('/api/registry/stats?unit=1409&year=2018')).body;
    expect(stats.registeredPersons).toBe(REGISTERED_POOR_2014);
    expect(stats.poorPersons).toBe(POOR_AT_END_OF_2018);
    expect(stats.incidence.toFixed(4)).toBe('0.0228');
    expect(seeded.cancelledVillages).toBe(VILLAGE_REGISTRATIONS_CANCELLED);
    const ended = await t.db
      .selectFrom('org_unit')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('level', '=', 5)
      .where('ended_on', 'is not', null)
      .executeTakeFirstOrThrow();
    expect(Number(ended.n)).toBe(VILLAGE_REGISTRATIONS_CANCELLED);
  });

  it('sums counties to the city, and nobody is poor at the end of 2020', async () => {
    const city = (await admin.get('/api/registry/stats?unit=1409&year=2016')).body;
    const counties = (await admin.get('/api/org-units/1409/children')).body.items;
    let poor = 0;
    for (const county of counties) {
      poor += (await admin.get(`/api/registry/stats?unit=${county.code}&year=2016`)).body.poorPersons;
    }
    expect(poor).toBe(city.poorPersons);
    expect((await admin.get('/api/registry/stats?unit=1409&year=2020')).body.poorPersons).toBe(0);
  });

  it('seeds a handful of pending duplicate cases for the queue, each of a realistic kind', async () => {
    expect(duplicates.households).toBe(6);
    const queue = (await admin.get('/api/registry/duplicates?status=pending&limit=50')).body;
    expect(queue.counts.pending).toBe(6);
    const kinds = queue.items.map((c: { relation: string; sameHousehold: boolean }) =>
      c.sameHousehold ? 'typed twice' : c.relation,
    );
    expect(kinds.sort()).toEqual(['head', 'spouse', 'spouse', 'spouse', 'typed twice', 'typed twice']);
    expect((await admin.get('/api/registry/stats/trend?unit=1409')).body).toEqual(trendBefore);
  });
});
