import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, useTestApp } from '../../../test/support/app.ts';
import { idCheckCharacter } from './rules/id-number.ts';

const t = useTestApp();
let admin: ApiClient;

const DONGJIE = '140929100200'; // 岚漪镇东街村, Kelan
const LANYI = '140929100000'; // 岚漪镇
const SANJING_TOWNSHIP = '140929101000'; // 三井镇
const SANJING = '140929101200'; // 三井镇三井村

let sequence = 300;
function newId(birth: string): string {
  sequence += 1;
  const first17 = `140929${birth}${String(sequence).padStart(3, '0')}`;
  return first17 + idCheckCharacter(first17);
}

const ALL_NEEDS = {
  food: true,
  clothing: true,
  compulsoryEducation: true,
  basicMedicalCare: true,
  safeHousing: true,
  safeDrinkingWater: true,
};

async function household(village: string, identifiedOn: string) {
  const created = await admin.post('/api/registry/households', {
    villageCode: village,
    identifiedOn,
    members: [
      { name: '王大川', idNumber: newId('19680304'), relation: 'head' },
      { name: '赵秀英', idNumber: newId('19700812'), relation: 'spouse' },
      { name: '王小军', idNumber: newId('19990101'), relation: 'child' },
    ],
  });
  expect(created.status).toBe(201);
  return created.body as { id: string; version: number };
}

async function transition(id: string, body: Record<string, unknown>) {
  const done = await admin.post(`/api/registry/households/${id}/transitions`, {
    reason: '入户核实',
    steps: [],
    ...body,
  });
  expect(done.status).toBe(200);
  return done.body.household as { version: number };
}

async function stats(unit: string, year: number) {
  const response = await admin.get(`/api/registry/stats?unit=${unit}&year=${year}`);
  expect(response.status).toBe(200);
  return response.body as { registeredPersons: number; poorPersons: number; monitoredPersons: number };
}

beforeAll(async () => {
  admin = await t.signIn({ role: 'admin' });
});

describe('live statistics', () => {
  it('splits a unit’s figures by main cause and its year’s assistance by measure', async () => {
    const { id } = await household(DONGJIE, '2015-03-01');
    const registered = await transition(id, { to: 'registered', effectiveOn: '2015-05-01', version: 1 });
    await admin.post(`/api/registry/households/${id}/measures`, {
      type: 'industry',
      givenOn: '2016-04-01',
      amountYuan: 3000,
      version: registered.version,
    });

    const byCause = await admin.get(`/api/registry/stats/breakdown?unit=${LANYI}&year=2016&by=cause`);
    expect(byCause.status).toBe(200);
    expect(byCause.body).toMatchObject({ unit: LANYI, year: 2016, by: 'cause' });
    const cause = byCause.body.items.find((item: { key: string }) => item.key === 'other');
    expect(cause).toMatchObject({ registeredHouseholds: 1, registeredPersons: 3, poorHouseholds: 1, poorPersons: 3 });

    const byMeasure = await admin.get(`/api/registry/stats/breakdown?unit=140929&year=2016&by=measure`);
    expect(byMeasure.body.items).toEqual([{ key: 'industry', households: 1, measures: 1, amountYuan: 3000 }]);
    const otherYear = await admin.get(`/api/registry/stats/breakdown?unit=140929&year=2017&by=measure`);
    expect(otherYear.body.items).toEqual([]);

    const refused = await admin.get(`/api/registry/stats/breakdown?unit=${LANYI}&year=2016&by=income`);
    expect(refused.status).toBe(400);
  });

  it('counts a household monitored at the end of a past year although it was monitored again since', async () => {
    const before = await Promise.all([2021, 2022, 2023].map((year) => stats(DONGJIE, year)));
    const { id } = await household(DONGJIE, '2021-01-10');
    let version = (
      await transition(id, { to: 'monitored', monitoringKind: 'marginal', effectiveOn: '2021-03-01', version: 1 })
    ).version;
    await admin.patch(`/api/registry/households/${id}`, { basicNeeds: ALL_NEEDS, largeCostsResolved: true, version });
    await admin.post(`/api/registry/households/${id}/income-records`, {
      firstMonth: '2021-09',
      months: 6,
      perCapitaIncome: 4000,
      version: version + 1,
    });
    version = (
      await transition(id, {
        to: 'risk_eliminated',
        monitoringKind: 'marginal',
        effectiveOn: '2022-03-15',
        version: version + 2,
      })
    ).version;
    await transition(id, { to: 'monitored', monitoringKind: 'marginal', effectiveOn: '2023-04-01', version });

    const after = await Promise.all([2021, 2022, 2023].map((year) => stats(DONGJIE, year)));
    expect(after.map((s, i) => s.monitoredPersons - before[i]!.monitoredPersons)).toEqual([3, 0, 3]);
  });

  it('keeps a year’s figures with the township as it stood then after its villages moved with a merge', async () => {
    const { id } = await household(SANJING, '2016-03-01');
    await transition(id, { to: 'registered', effectiveOn: '2016-05-01', version: 1 });
    const [oldBefore, newBefore] = await Promise.all([stats(SANJING_TOWNSHIP, 2016), stats(LANYI, 2016)]);
    expect(oldBefore.poorPersons).toBe(3);
    const township = (await admin.get(`/api/org-units/${SANJING_TOWNSHIP}`)).body as { version: number };

    const merged = await admin.post(`/api/org-units/${SANJING_TOWNSHIP}/merge`, {
      intoCode: LANYI,
      effectiveOn: '2020-06-30',
      reason: '乡镇撤并',
      version: township.version,
    });
    expect(merged.status).toBe(200);

    expect((await stats(SANJING_TOWNSHIP, 2016)).poorPersons).toBe(oldBefore.poorPersons);
    expect((await stats(LANYI, 2016)).poorPersons).toBe(newBefore.poorPersons);
    expect((await stats(SANJING_TOWNSHIP, 2021)).poorPersons).toBe(0);
    expect((await stats(LANYI, 2021)).poorPersons).toBe(newBefore.poorPersons + oldBefore.poorPersons);
    expect((await stats('140929', 2016)).poorPersons).toBeGreaterThanOrEqual(oldBefore.poorPersons);
  });
});
