import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, useTestApp } from '../../../test/support/app.ts';
import { registryIndicatorValues } from './indicator-source.ts';
import { idCheckCharacter, upgradeFifteenDigitId } from './rules/id-number.ts';

const t = useTestApp();
let admin: ApiClient;

const DONGJIE = '140929100200'; // 岚漪镇东街村, Kelan
const XIJIE = '140929100201'; // 岚漪镇西街村, same township
const SANJING = '140929101200'; // 三井镇三井村, another township of Kelan

let sequence = 100;
/** A valid identity number registered in Kelan (140929), distinct on every call. */
function newId(birth = '19800101', sex: 'male' | 'female' = 'male'): string {
  sequence += 2;
  const seq = String(sequence + (sex === 'male' ? 1 : 0)).padStart(3, '0');
  const first17 = `140929${birth}${seq}`;
  return first17 + idCheckCharacter(first17);
}

function family(village = DONGJIE) {
  return {
    villageCode: village,
    members: [
      { name: '张大山', idNumber: newId('19700305'), relation: 'head' },
      { name: '李桂兰', idNumber: newId('19720811', 'female'), relation: 'spouse' },
      { name: '张小明', idNumber: newId('20050101'), relation: 'child' },
    ],
  };
}

const ALL_NEEDS = {
  food: true,
  clothing: true,
  compulsoryEducation: true,
  basicMedicalCare: true,
  safeHousing: true,
  safeDrinkingWater: true,
};

beforeAll(async () => {
  admin = await t.signIn({ role: 'admin' });
  for (const village of [DONGJIE, XIJIE, SANJING]) {
    const set = await admin.request('PUT', '/api/registry/rural-population', {
      villageCode: village,
      year: 2014,
      population: 1000,
    });
    expect(set.status).toBe(200);
  }
});

describe('POST /api/registry/households', () => {
  it('identifies a household with its members, masked, and audits it', async () => {
    const body = family();
    const created = await admin.post('/api/registry/households', body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ villageCode: DONGJIE, status: 'identified', memberCount: 3, version: 1 });
    expect(created.body.number).toMatch(/^140929100200-\d{4}$/);
    expect(created.body.members[0].idNumber).toBe(`140${'*'.repeat(11)}${body.members[0]!.idNumber.slice(-4)}`);
    expect(created.body.members[0].sex).toBe('male');
    const audit = await admin.get(`/api/audit?entity=registry_household`);
    expect(audit.status).toBe(200);
  });

  it('refuses an invalid ID number with the field and the exact reason, writing nothing', async () => {
    const body = family();
    const good = body.members[1]!.idNumber;
    body.members[1]!.idNumber = good.slice(0, 17) + (good.endsWith('1') ? '2' : '1');
    const refused = await admin.post('/api/registry/households', body);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('REGISTRY_ID_NUMBER_INVALID');
    expect(refused.body.details).toEqual([
      expect.objectContaining({ field: 'members.1.idNumber', code: 'id_check_digit' }),
    ]);

    body.members[1]!.idNumber = '999999198001010011';
    const unknown = await admin.post('/api/registry/households', body);
    expect(unknown.body.details[0]).toMatchObject({ code: 'id_address_code_unknown' });
    const list = await admin.get(
      `/api/registry/households?q=${encodeURIComponent(body.members[0]!.name)}&unit=${XIJIE}`,
    );
    expect(list.body.total).toBe(0);
  });

  it('upgrades an old 15-digit number and accepts a retired address code (Xinzhou’s 1422xx)', async () => {
    const body = family();
    body.members[2]!.idNumber = '142201800101013';
    const created = await admin.post('/api/registry/households', body);
    expect(created.status).toBe(201);
    const revealed = await admin.get(`/api/registry/households/${created.body.id}?reveal=true`);
    expect(revealed.body.members.map((m: { idNumber: string }) => m.idNumber)).toContain(
      upgradeFifteenDigitId('142201800101013'),
    );
  });

  it('refuses two heads and no head, writing nothing', async () => {
    const twoHeads = family();
    twoHeads.members[1]!.relation = 'head';
    expect((await admin.post('/api/registry/households', twoHeads)).body.code).toBe('REGISTRY_HEAD_COUNT');
    const noHead = family();
    noHead.members[0]!.relation = 'other';
    expect((await admin.post('/api/registry/households', noHead)).body.code).toBe('REGISTRY_HEAD_COUNT');
  });

  it('refuses a unit that is not a village, and a village outside the caller’s scope', async () => {
    const township = await admin.post('/api/registry/households', { ...family(), villageCode: '140929100' });
    expect(township.status).toBe(422);
    expect(township.body.details[0].field).toBe('villageCode');
    const clerk = await t.signIn({ role: 'clerk', scopes: [DONGJIE] });
    const outside = await clerk.post('/api/registry/households', family(XIJIE));
    expect(outside.status).toBe(403);
    expect((await clerk.post('/api/registry/households', family(DONGJIE))).status).toBe(201);
  });
});

describe('households behind a breakdown', () => {
  it('filters the list by main cause, by measure given in a year, and by registration up to a year', async () => {
    const ill = (
      await admin.post('/api/registry/households', {
        ...family(XIJIE),
        mainCause: 'illness',
        identifiedOn: '2019-03-01',
      })
    ).body;
    const disabled = (
      await admin.post('/api/registry/households', {
        ...family(XIJIE),
        mainCause: 'disability',
        identifiedOn: '2019-03-01',
      })
    ).body;
    await admin.post(`/api/registry/households/${ill.id}/transitions`, {
      to: 'registered',
      effectiveOn: '2019-04-01',
      reason: '村民代表大会评议',
      steps: [],
      version: 1,
    });
    await admin.post(`/api/registry/households/${disabled.id}/measures`, {
      type: 'health',
      givenOn: '2020-06-01',
      amountYuan: 800,
      provider: '县卫健局',
      version: 1,
    });
    const ids = async (query: string) =>
      ((await admin.get(`/api/registry/households?unit=${XIJIE}&limit=200&${query}`)).body.items as { id: string }[])
        .map((h) => h.id)
        .filter((id) => id === ill.id || id === disabled.id);
    expect(await ids('cause=illness')).toEqual([ill.id]);
    expect(await ids('cause=illness&year=2018')).toEqual([]);
    expect(await ids('cause=illness&year=2019')).toEqual([ill.id]);
    expect(await ids('measure=health')).toEqual([disabled.id]);
    expect(await ids('measure=health&year=2020')).toEqual([disabled.id]);
    expect(await ids('measure=health&year=2021')).toEqual([]);
    expect(await ids('measure=industry')).toEqual([]);

    const byCause = (await admin.get(`/api/registry/stats/breakdown?unit=${XIJIE}&year=2019&by=cause`)).body;
    const illness = byCause.items.find((item: { key: string }) => item.key === 'illness');
    const listed = await admin.get(`/api/registry/households?unit=${XIJIE}&cause=illness&year=2019`);
    expect(listed.body.total).toBe(illness.registeredHouseholds);
    expect((await admin.get('/api/registry/households?cause=poverty')).status).toBe(400);
  });
});

describe('scope', () => {
  it('shows a village clerk only that village, a township leader the township', async () => {
    await admin.post('/api/registry/households', family(SANJING));
    await admin.post('/api/registry/households', family(XIJIE));
    const clerk = await t.signIn({ role: 'clerk', scopes: [DONGJIE] });
    const mine = await clerk.get('/api/registry/households?limit=200');
    expect(mine.body.total).toBeGreaterThan(0);
    expect(mine.body.items.every((h: { villageCode: string }) => h.villageCode === DONGJIE)).toBe(true);
    const other = (await admin.get(`/api/registry/households?unit=${XIJIE}`)).body.items[0];
    expect((await clerk.get(`/api/registry/households/${other.id}`)).status).toBe(403);
    expect((await clerk.get(`/api/registry/stats?unit=140929100&year=2024`)).status).toBe(403);

    const leader = await t.signIn({ role: 'leader', scopes: ['140929100'] });
    const township = await leader.get('/api/registry/households?limit=200');
    const villages = new Set(township.body.items.map((h: { villageCode: string }) => h.villageCode));
    expect(villages).toEqual(new Set([DONGJIE, XIJIE]));
    expect((await leader.get(`/api/registry/stats?unit=140929101&year=2024`)).status).toBe(403);
  });

  it('needs the unmask permission to reveal, and audits every reveal', async () => {
    const created = (await admin.post('/api/registry/households', family())).body;
    const clerk = await t.signIn({ role: 'clerk', scopes: ['140929'] });
    const refused = await clerk.get(`/api/registry/households/${created.id}?reveal=true`);
    expect(refused.status).toBe(403);
    const staff = await t.signIn({ role: 'staff', scopes: ['140929'] });
    const shown = await staff.get(`/api/registry/households/${created.id}?reveal=true`);
    expect(shown.body.revealed).toBe(true);
    expect(shown.body.members[0].idNumber).not.toContain('*');
    const trail = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'registry_household')
      .where('entity_id', '=', created.id)
      .execute();
    expect(trail.map((r) => r.action)).toContain('registry.personal_data_revealed');
  });
});

describe('lifecycle and live statistics', () => {
  it('registers, refuses an exit that fails its checks, exits, and the village incidence follows', async () => {
    const before = (await admin.get(`/api/registry/stats?unit=${SANJING}&year=2024`)).body;
    const created = (await admin.post('/api/registry/households', { ...family(SANJING), identifiedOn: '2024-01-15' }))
      .body;
    const id = created.id;
    const registered = await admin.post(`/api/registry/households/${id}/transitions`, {
      to: 'registered',
      effectiveOn: '2024-03-01',
      reason: '村民代表大会评议，两公示一公告',
      steps: [
        { step: 'villagers_vote', on: '2024-02-10' },
        { step: 'first_notice', on: '2024-02-12' },
        { step: 'county_announcement', on: '2024-02-28' },
      ],
      version: 1,
    });
    expect(registered.status).toBe(200);
    const during = (await admin.get(`/api/registry/stats?unit=${SANJING}&year=2024`)).body;
    expect(during.poorPersons).toBe(before.poorPersons + 3);
    expect(during.registeredHouseholds).toBe(before.registeredHouseholds + 1);
    expect(during.incidence).toBeCloseTo(during.poorPersons / 1000, 10);

    const exitBody = { to: 'exited', effectiveOn: '2024-05-20', reason: '收入稳定超过标准', steps: [], version: 2 };
    const noIncome = await admin.post(`/api/registry/households/${id}/transitions`, exitBody);
    expect(noIncome.status).toBe(422);
    expect(noIncome.body.code).toBe('REGISTRY_CHECKS_FAILED');
    expect(noIncome.body.details.map((d: { field: string }) => d.field)).toEqual([
      'income_above_poverty_line',
      'food',
      'clothing',
      'compulsory_education',
      'basic_medical_care',
      'safe_housing',
      'safe_drinking_water',
    ]);

    await admin.post(`/api/registry/households/${id}/incomes`, { year: 2024, perCapitaNetIncome: 4000, version: 2 });
    await admin.patch(`/api/registry/households/${id}`, { basicNeeds: ALL_NEEDS, version: 3 });
    const atTheLine = await admin.post(`/api/registry/households/${id}/transitions`, { ...exitBody, version: 4 });
    expect(atTheLine.body.details).toEqual([
      expect.objectContaining({ field: 'income_above_poverty_line', message: '4000 > 4000' }),
    ]);
    await admin.post(`/api/registry/households/${id}/incomes`, { year: 2024, perCapitaNetIncome: 4001, version: 4 });
    await admin.post(`/api/registry/households/${id}/measures`, {
      type: 'industry',
      givenOn: '2024-04-01',
      amountYuan: 3000,
      provider: '县农业农村局',
      version: 5,
    });
    const exited = await admin.post(`/api/registry/households/${id}/transitions`, { ...exitBody, version: 6 });
    expect(exited.status).toBe(200);
    expect(exited.body.household).toMatchObject({ status: 'exited', exitedOn: '2024-05-20', version: 7 });
    expect(exited.body.checks.every((c: { passed: boolean }) => c.passed)).toBe(true);
    expect(exited.body.household.measures).toHaveLength(1);

    const after = (await admin.get(`/api/registry/stats?unit=${SANJING}&year=2024`)).body;
    expect(after.poorPersons).toBe(before.poorPersons);
    expect(after.exitedPersons).toBe(before.exitedPersons + 3);
    const county = (await admin.get(`/api/registry/stats?unit=140929&year=2024`)).body;
    expect(county.unit).toBe('140929000000');
    expect(county.exitedPersons).toBeGreaterThanOrEqual(3);
    const year2023 = (await admin.get(`/api/registry/stats?unit=${SANJING}&year=2023`)).body;
    expect(year2023.registeredPersons).toBe(0);
  });

  it('refuses a transition the lifecycle does not allow, and a stale version with 409', async () => {
    const created = (await admin.post('/api/registry/households', { ...family(), identifiedOn: '2024-01-15' })).body;
    const skip = await admin.post(`/api/registry/households/${created.id}/transitions`, {
      to: 'exited',
      effectiveOn: '2024-05-01',
      reason: '跳过登记',
      version: 1,
    });
    expect(skip.status).toBe(422);
    expect(skip.body).toMatchObject({ code: 'REGISTRY_TRANSITION_NOT_ALLOWED' });
    const stale = await admin.post(`/api/registry/households/${created.id}/measures`, {
      type: 'health',
      givenOn: '2024-05-01',
      amountYuan: 100,
      version: 9,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
  });

  it('monitors a marginal household and eliminates its risk only after six stable months above the line', async () => {
    const created = (await admin.post('/api/registry/households', { ...family(), identifiedOn: '2023-09-01' })).body;
    const id = created.id;
    const early = await admin.post(`/api/registry/households/${id}/transitions`, {
      to: 'monitored',
      monitoringKind: 'marginal',
      effectiveOn: '2023-08-01',
      reason: '早于识别',
      version: 1,
    });
    expect(early.body.code).toBe('REGISTRY_DATE_BEFORE_LAST_EVENT');
    const monitored = await admin.post(`/api/registry/households/${id}/transitions`, {
      to: 'monitored',
      monitoringKind: 'marginal',
      effectiveOn: '2023-10-01',
      reason: '农户自主申报，收入低于监测线',
      version: 1,
    });
    expect(monitored.status).toBe(200);
    expect((await admin.get(`/api/registry/stats?unit=${DONGJIE}&year=2023`)).body.monitoredPersons).toBeGreaterThan(0);
    await admin.patch(`/api/registry/households/${id}`, {
      basicNeeds: ALL_NEEDS,
      largeCostsResolved: true,
      version: 2,
    });
    // Shanxi's own monitoring line for 2024 is 7,500: 7,500 a year is not above it.
    await admin.post(`/api/registry/households/${id}/income-records`, {
      firstMonth: '2023-11',
      months: 6,
      perCapitaIncome: 3750,
      version: 3,
    });
    const eliminate = {
      to: 'risk_eliminated',
      monitoringKind: 'marginal',
      effectiveOn: '2024-05-15',
      reason: '入户核实',
    };
    const atLine = await admin.post(`/api/registry/households/${id}/transitions`, { ...eliminate, version: 4 });
    expect(atLine.status).toBe(422);
    expect(atLine.body.details.map((d: { field: string }) => d.field)).toEqual(['income_above_monitoring_line']);
    await admin.post('/api/registry/line-settings', {
      kind: 'monitoring',
      region: '14',
      effectiveFrom: '2024-01-01',
      value: 7000,
    });
    const done = await admin.post(`/api/registry/households/${id}/transitions`, { ...eliminate, version: 4 });
    expect(done.status).toBe(200);
    expect(done.body.household).toMatchObject({ status: 'risk_eliminated', monitoringKind: 'marginal' });
  });
});

describe('the indicator source', () => {
  it('answers the same figures as the statistics route, under the stable codes', async () => {
    const stats = (await admin.get(`/api/registry/stats?unit=${SANJING}&year=2024`)).body;
    const values = await registryIndicatorValues(t.db, { unitCodes: [SANJING, '999999'], year: 2024 });
    expect(Object.fromEntries(values.map((v) => [v.code, v.value]))).toEqual({
      'poverty.registered_persons': stats.registeredPersons,
      'poverty.poor_persons': stats.poorPersons,
      'poverty.incidence': stats.incidence,
      'poverty.monitored_persons': stats.monitoredPersons,
      'population.rural': 1000,
    });
  });
});

describe('change requests, approved village → township → county', () => {
  it('applies a member transfer only after all three levels approve, each at its own level', async () => {
    const from = (await admin.post('/api/registry/households', family(DONGJIE))).body;
    const to = (await admin.post('/api/registry/households', family(XIJIE))).body;
    const staff = await t.signIn({ role: 'staff', scopes: [DONGJIE] });
    const child = (await admin.get(`/api/registry/households/${from.id}?reveal=true`)).body.members[2];
    const filed = await staff.post(`/api/registry/households/${from.id}/change-requests`, {
      change: { kind: 'transfer_member', idNumber: child.idNumber, toHouseholdNumber: to.number, relation: 'other' },
      reason: '婚嫁迁入西街村',
    });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ status: 'pending', nextStep: 'village', version: 1 });
    expect(filed.body.change.idNumber).toContain('*');

    const township = await t.signIn({ role: 'leader', scopes: ['140929100'] });
    const county = await t.signIn({ role: 'leader', scopes: ['140929'] });
    const early = await township.post(`/api/registry/change-requests/${filed.body.id}/decisions`, {
      decision: 'approve',
      version: 1,
    });
    expect(early.status).toBe(403);
    expect(early.body.code).toBe('REGISTRY_NOT_YOUR_STEP');

    const village = await staff.post(`/api/registry/change-requests/${filed.body.id}/decisions`, {
      decision: 'approve',
      version: 1,
    });
    expect(village.body).toMatchObject({ status: 'pending', nextStep: 'township' });
    const stale = await township.post(`/api/registry/change-requests/${filed.body.id}/decisions`, {
      decision: 'approve',
      version: 1,
    });
    expect(stale.status).toBe(409);
    await township.post(`/api/registry/change-requests/${filed.body.id}/decisions`, {
      decision: 'approve',
      version: 2,
    });
    expect((await admin.get(`/api/registry/households/${from.id}`)).body.memberCount).toBe(3);
    const applied = await county.post(`/api/registry/change-requests/${filed.body.id}/decisions`, {
      decision: 'approve',
      comment: '同意',
      version: 3,
    });
    expect(applied.body).toMatchObject({ status: 'applied', nextStep: null });
    expect(applied.body.decisions.map((d: { step: string }) => d.step)).toEqual(['village', 'township', 'county']);

    const left = (await admin.get(`/api/registry/households/${from.id}`)).body;
    expect(left.memberCount).toBe(2);
    const ended = left.members.find((m: { endOn: string | null }) => m.endOn !== null);
    expect(ended).toMatchObject({ endOn: '2024-06-01', endReason: '婚嫁迁入西街村' });
    expect((await admin.get(`/api/registry/households/${to.id}`)).body.memberCount).toBe(4);
    const inbox = await staff.get('/api/registry/change-requests?status=applied');
    expect(inbox.body.items.map((r: { id: string }) => r.id)).toContain(filed.body.id);
  });

  it('refuses to remove the head, and stops at a rejection', async () => {
    const household = (await admin.post('/api/registry/households', family())).body;
    const head = (await admin.get(`/api/registry/households/${household.id}?reveal=true`)).body.members[0];
    const filed = (
      await admin.post(`/api/registry/households/${household.id}/change-requests`, {
        change: { kind: 'remove_member', idNumber: head.idNumber },
        reason: '户主去世',
      })
    ).body;
    for (const version of [1, 2]) {
      await admin.post(`/api/registry/change-requests/${filed.id}/decisions`, { decision: 'approve', version });
    }
    const refused = await admin.post(`/api/registry/change-requests/${filed.id}/decisions`, {
      decision: 'approve',
      version: 3,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.details[0].code).toBe('head_cannot_leave');
    const rejected = await admin.post(`/api/registry/change-requests/${filed.id}/decisions`, {
      decision: 'reject',
      comment: '请先变更户主',
      version: 3,
    });
    expect(rejected.body).toMatchObject({ status: 'rejected', nextStep: null });
    const again = await admin.post(`/api/registry/change-requests/${filed.id}/decisions`, {
      decision: 'approve',
      version: 4,
    });
    expect(again.body.code).toBe('REGISTRY_CHANGE_REQUEST_CLOSED');
  });
});

describe('member changes filed from the household screen', () => {
  it('names members by personId, ends a removed membership on its day, and approves each kind', async () => {
    const household = (await admin.post('/api/registry/households', { ...family(), identifiedOn: '2024-01-10' })).body;
    const [head, spouse, child] = household.members as { personId: string }[];
    const approveAll = async (id: string) => {
      for (const version of [1, 2, 3]) {
        await admin.post(`/api/registry/change-requests/${id}/decisions`, { decision: 'approve', version });
      }
    };
    const removal = await admin.post(`/api/registry/households/${household.id}/change-requests`, {
      change: { kind: 'remove_member', personId: child!.personId, endOn: '2024-03-15' },
      reason: '外出务工落户',
    });
    expect(removal.status).toBe(201);
    expect(removal.body.change.idNumber).toContain('*');
    await approveAll(removal.body.id);
    const headChange = await admin.post(`/api/registry/households/${household.id}/change-requests`, {
      change: { kind: 'change_head', personId: spouse!.personId, formerHeadRelation: 'spouse' },
      reason: '原户主长期外出',
    });
    await approveAll(headChange.body.id);
    const after = (await admin.get(`/api/registry/households/${household.id}`)).body;
    expect(after.memberCount).toBe(2);
    expect(after.members.find((m: { personId: string }) => m.personId === child!.personId)).toMatchObject({
      endOn: '2024-03-15',
      endReason: '外出务工落户',
    });
    expect(after.members.find((m: { personId: string }) => m.personId === spouse!.personId).relation).toBe('head');
    expect(after.members.find((m: { personId: string }) => m.personId === head!.personId).relation).toBe('spouse');

    const stranger = await admin.post(`/api/registry/households/${household.id}/change-requests`, {
      change: { kind: 'correct_id', personId: '999999999', correctIdNumber: newId() },
      reason: '号码有误',
    });
    expect(stranger.status).toBe(404);
    expect(stranger.body.details[0].field).toBe('change.personId');
  });
});

describe('village and county exit', () => {
  const CONDITIONS = { roads: true, water: true, power: true, clinic: true };

  it('refuses a village exit with the failing reasons, and takes a passing one through its reviews', async () => {
    const assessment = (await admin.get(`/api/registry/exit-assessment?unit=${XIJIE}&year=2024`)).body;
    expect(assessment).toMatchObject({ level: 'village', passed: true });
    expect(assessment.checks[0]).toMatchObject({ name: 'incidence_below_threshold', required: 0.02 });
    const refused = await admin.post('/api/registry/exit-applications', {
      unitCode: XIJIE,
      year: 2024,
      conditions: { ...CONDITIONS, clinic: false },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.details.map((d: { field: string }) => d.field)).toEqual(['clinic']);
    const applied = await admin.post('/api/registry/exit-applications', {
      unitCode: XIJIE,
      year: 2024,
      conditions: CONDITIONS,
    });
    expect(applied.status).toBe(201);
    expect(applied.body).toMatchObject({ status: 'under_review', nextStep: 'township' });
    await admin.post(`/api/registry/exit-applications/${applied.body.id}/reviews`, { decision: 'approve', version: 1 });
    const done = await admin.post(`/api/registry/exit-applications/${applied.body.id}/reviews`, {
      decision: 'approve',
      version: 2,
    });
    expect(done.body).toMatchObject({ status: 'approved', nextStep: null });

    const overview = await admin.get('/api/registry/exit-overview?unit=140929100&year=2024&level=village');
    expect(overview.status).toBe(200);
    expect(overview.body.total).toBeGreaterThan(1);
    const xijie = overview.body.items.find((item: { unitCode: string }) => item.unitCode === XIJIE);
    expect(xijie).toMatchObject({ passed: true, application: { id: applied.body.id, status: 'approved' } });
    expect(xijie.checks[0]).toMatchObject({ name: 'incidence_below_threshold', required: 0.02 });
    const leader = await t.signIn({ role: 'leader', scopes: ['140929101'] });
    expect((await leader.get('/api/registry/exit-overview?unit=140929100&year=2024&level=village')).status).toBe(403);
    const counties = await admin.get('/api/registry/exit-overview?unit=1409&year=2024&level=county');
    expect(counties.body.items.map((c: { level: string }) => c.level)).toContain('county');
  });

  it('assesses every unit of the overview in one pass, exactly as it assesses each one alone', async () => {
    await admin.post('/api/registry/sample-checks', {
      countyCode: '140929',
      year: 2023,
      sampledExited: 50,
      wronglyExited: 0,
      sampledUnregistered: 300,
      verifiedMissed: 0,
      recognition: 0.97,
    });
    for (const [unit, level] of [
      ['1409', 'county'],
      ['140929100', 'village'],
    ] as const) {
      const overview = (await admin.get(`/api/registry/exit-overview?unit=${unit}&year=2023&level=${level}`)).body;
      expect(overview.items.length).toBeGreaterThan(1);
      for (const item of overview.items) {
        const alone = (await admin.get(`/api/registry/exit-assessment?unit=${item.unitCode}&year=2023`)).body;
        expect({ passed: item.passed, checks: item.checks }).toEqual({ passed: alone.passed, checks: alone.checks });
      }
    }
  });

  it('judges a county on incidence and on the sample checks recorded for it', async () => {
    const unchecked = (await admin.get('/api/registry/exit-assessment?unit=140929&year=2024')).body;
    expect(unchecked.passed).toBe(false);
    expect(unchecked.checks.filter((c: { passed: boolean }) => !c.passed).map((c: { name: string }) => c.name)).toEqual(
      ['wrong_exit_rate_below_limit', 'missed_rate_below_limit', 'recognition_at_least_minimum'],
    );
    const sample = {
      countyCode: '140929',
      year: 2024,
      sampledExited: 100,
      wronglyExited: 2,
      sampledUnregistered: 500,
      verifiedMissed: 1,
      recognition: 0.95,
    };
    expect((await admin.post('/api/registry/sample-checks', sample)).status).toBe(201);
    const atLimit = (await admin.get('/api/registry/exit-assessment?unit=140929&year=2024')).body;
    expect(atLimit.checks.find((c: { name: string }) => c.name === 'wrong_exit_rate_below_limit')).toMatchObject({
      passed: false,
      actual: 0.02,
    });
    await admin.post('/api/registry/sample-checks', { ...sample, wronglyExited: 0, sampledExited: 100 });
    const passing = await admin.post('/api/registry/exit-applications', { unitCode: '140929', year: 2024 });
    expect(passing.status).toBe(201);
    expect(passing.body.nextStep).toBe('prefecture');
  });
});

describe('relocation projects', () => {
  const project = {
    name: '三井镇集中安置点',
    destinationVillageCode: SANJING,
    originVillageCodes: [DONGJIE],
    movedOn: '2018-05-01',
    households: 10,
    persons: 30,
    housingAreaM2: 750,
    reclaimedPlotM2: 4000,
  };

  it('records a project at the 25 m² cap and refuses one above it', async () => {
    const above = await admin.post('/api/registry/relocations', { ...project, housingAreaM2: 751 });
    expect(above.status).toBe(422);
    expect(above.body).toMatchObject({ code: 'REGISTRY_RELOCATION_AREA_EXCEEDED' });
    expect(above.body.details[0].field).toBe('housingAreaM2');
    const created = await admin.post('/api/registry/relocations', project);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      areaPerPersonM2: 25,
      destinationVillage: { code: SANJING, name: '三井村委会' },
      originVillages: [{ code: DONGJIE, name: '东街村委会' }],
    });
    const listed = await admin.get('/api/registry/relocations?unit=140929');
    expect(listed.body.items.map((p: { id: string }) => p.id)).toContain(created.body.id);
  });
});

describe('the deduplication queue', () => {
  type Case = { id: string; status: string; version: number; householdNumber: string };
  async function queued(household: { number: string }): Promise<Case> {
    const list = await admin.get(`/api/registry/duplicates?q=${household.number}&status=pending`);
    expect(list.status).toBe(200);
    return list.body.items.find((c: Case) => c.householdNumber === household.number);
  }

  it('saves a household whose member another household holds, and queues the member for a decision', async () => {
    const holder = { ...family(DONGJIE), identifiedOn: '2024-01-10' };
    const a = (await admin.post('/api/registry/households', holder)).body;
    const claimant = family(XIJIE);
    claimant.members[2]!.idNumber = holder.members[2]!.idNumber;
    const b = await admin.post('/api/registry/households', claimant);
    expect(b.status).toBe(201);
    expect(b.body.memberCount).toBe(2);
    expect(b.body.pendingDuplicates).toEqual([
      expect.objectContaining({ name: '张小明', relation: 'child', heldByHouseholdNumber: a.number }),
    ]);
    expect(b.body.pendingDuplicates[0].idNumber).toContain('*');

    const duplicate = await queued(b.body);
    expect(duplicate).toMatchObject({ status: 'pending', existingHouseholdNumber: a.number, sameHousehold: false });
    const counts = (await admin.get('/api/registry/duplicates')).body.counts;
    expect(counts.pending).toBeGreaterThan(0);

    // Scope: the township of both villages sees the case, another township does not; a village alone may not decide.
    const township = await t.signIn({ role: 'leader', scopes: ['140929100'] });
    const seen = await township.get('/api/registry/duplicates?status=pending');
    expect(seen.body.items.map((c: Case) => c.id)).toContain(duplicate.id);
    const elsewhere = await t.signIn({ role: 'leader', scopes: ['140929101'] });
    expect((await elsewhere.get('/api/registry/duplicates')).body.items).toEqual([]);
    const villageStaff = await t.signIn({ role: 'staff', scopes: [XIJIE] });
    expect((await villageStaff.get('/api/registry/duplicates')).body.items.map((c: Case) => c.id)).toContain(
      duplicate.id,
    );
    const refused = await villageStaff.post(`/api/registry/duplicates/${duplicate.id}/decisions`, {
      decision: 'keep_new',
      reason: '已分户',
      version: 1,
    });
    expect(refused.status).toBe(403);

    const stale = await township.post(`/api/registry/duplicates/${duplicate.id}/decisions`, {
      decision: 'keep_new',
      reason: '已分户',
      version: 2,
    });
    expect(stale.status).toBe(409);
    const moved = await township.post(`/api/registry/duplicates/${duplicate.id}/decisions`, {
      decision: 'keep_new',
      effectiveOn: '2024-05-20',
      reason: '已分户到西街村',
      version: 1,
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ status: 'kept_new', decidedOn: '2024-05-20', reason: '已分户到西街村' });
    const left = (await admin.get(`/api/registry/households/${a.id}`)).body;
    expect(left.memberCount).toBe(2);
    expect(left.members.find((m: { endOn: string | null }) => m.endOn)).toMatchObject({
      endOn: '2024-05-20',
      endReason: '已分户到西街村',
    });
    const joined = (await admin.get(`/api/registry/households/${b.body.id}`)).body;
    expect(joined).toMatchObject({ memberCount: 3, pendingDuplicates: [] });
    const again = await township.post(`/api/registry/duplicates/${duplicate.id}/decisions`, {
      decision: 'keep_existing',
      reason: '重复处理',
      version: 2,
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('REGISTRY_DUPLICATE_DECIDED');
    const audit = await admin.get('/api/audit?entity=registry_duplicate');
    expect(audit.status).toBe(200);
  });

  it('queues a number repeated within one household; only keeping or correcting it is possible', async () => {
    const body = family(SANJING);
    body.members[2]!.idNumber = body.members[1]!.idNumber;
    const created = (await admin.post('/api/registry/households', body)).body;
    expect(created.memberCount).toBe(2);
    const duplicate = await queued(created);
    expect(duplicate).toMatchObject({ sameHousehold: true });
    const moved = await admin.post(`/api/registry/duplicates/${duplicate.id}/decisions`, {
      decision: 'keep_new',
      reason: '录入重复',
      version: 1,
    });
    expect(moved.status).toBe(422);
    expect(moved.body.code).toBe('REGISTRY_DUPLICATE_SAME_HOUSEHOLD');
    const missing = await admin.post(`/api/registry/duplicates/${duplicate.id}/decisions`, {
      decision: 'correct_id',
      reason: '录入错误',
      version: 1,
    });
    expect(missing.status).toBe(400);
    const right = newId('20050101');
    const corrected = await admin.post(`/api/registry/duplicates/${duplicate.id}/decisions`, {
      decision: 'correct_id',
      correctIdNumber: right,
      reason: '身份证号录入错误，已核对户口簿',
      version: 1,
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body.status).toBe('corrected');
    const household = (await admin.get(`/api/registry/households/${created.id}?reveal=true`)).body;
    expect(household.memberCount).toBe(3);
    expect(household.members.map((m: { idNumber: string }) => m.idNumber)).toContain(right);
  });

  it('keeps every household headed: a claimed head cannot be dropped, a holding head cannot be moved', async () => {
    const holder = family(DONGJIE);
    await admin.post('/api/registry/households', holder);
    const asHead = family(XIJIE);
    asHead.members[0]!.idNumber = holder.members[2]!.idNumber;
    const headless = (await admin.post('/api/registry/households', asHead)).body;
    const claim = await queued(headless);
    const dropped = await admin.post(`/api/registry/duplicates/${claim.id}/decisions`, {
      decision: 'keep_existing',
      reason: '仍属原户',
      version: 1,
    });
    expect(dropped.body.code).toBe('REGISTRY_DUPLICATE_CLAIM_IS_HEAD');

    const asChild = family(XIJIE);
    asChild.members[2]!.idNumber = holder.members[0]!.idNumber;
    const second = (await admin.post('/api/registry/households', asChild)).body;
    const headClaim = await queued(second);
    const moved = await admin.post(`/api/registry/duplicates/${headClaim.id}/decisions`, {
      decision: 'keep_new',
      reason: '迁入',
      version: 1,
    });
    expect(moved.body.code).toBe('REGISTRY_DUPLICATE_HOLDER_HEAD');
    const kept = await admin.post(`/api/registry/duplicates/${headClaim.id}/decisions`, {
      decision: 'keep_existing',
      reason: '仍为原户户主',
      version: 1,
    });
    expect(kept.body.status).toBe('kept_existing');
    expect((await admin.get(`/api/registry/households/${second.id}`)).body.memberCount).toBe(2);
  });

  it('refuses a head who heads another household, writing nothing, with a specific localised message', async () => {
    const holder = (await admin.post('/api/registry/households', family(DONGJIE))).body;
    const twice = family(XIJIE);
    twice.members[0]!.idNumber = (
      await admin.get(`/api/registry/households/${holder.id}?reveal=true`)
    ).body.members[0].idNumber;
    const households = async () => (await admin.get(`/api/registry/households?unit=${XIJIE}&limit=1`)).body.total;
    const cases = async () => (await admin.get('/api/registry/duplicates?limit=1')).body.total;
    const before = [await households(), await cases()];
    const refused = await admin.post('/api/registry/households', twice);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'REGISTRY_HEAD_HEADS_OTHER_HOUSEHOLD' });
    expect(refused.body.message).toContain(`已是贫困户 ${holder.number} 的户主`);
    expect(refused.body.details).toEqual([expect.objectContaining({ field: 'members.0.idNumber' })]);
    admin.language = 'en';
    const english = await admin.post('/api/registry/households', twice);
    admin.language = 'zh-CN';
    expect(english.body.message).toContain(`already heads household ${holder.number}`);
    expect([await households(), await cases()]).toEqual(before);
  });

  it('lets a household waiting for its head take another head, then closes the head claim', async () => {
    const holder = family(DONGJIE);
    await admin.post('/api/registry/households', holder);
    const splitting = family(XIJIE);
    splitting.members[0]!.idNumber = holder.members[2]!.idNumber;
    const headless = (await admin.post('/api/registry/households', splitting)).body;
    expect(headless).toMatchObject({ headName: null, memberCount: 2 });
    const claim = await queued(headless);
    const early = await admin.post(`/api/registry/households/${headless.id}/transitions`, {
      to: 'registered',
      effectiveOn: headless.identifiedOn,
      reason: '评议通过',
      steps: [],
      version: headless.version,
    });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'REGISTRY_HOUSEHOLD_WITHOUT_HEAD' });
    expect(early.body.message).toContain(`${headless.number} 尚无户主`);

    const spouse = headless.members.find((m: { relation: string }) => m.relation === 'spouse');
    const filed = await admin.post(`/api/registry/households/${headless.id}/change-requests`, {
      change: { kind: 'change_head', personId: spouse.personId, formerHeadRelation: 'other' },
      reason: '原申报户主仍随父母生活，由配偶任户主',
    });
    expect(filed.status).toBe(201);
    for (const version of [1, 2, 3]) {
      await admin.post(`/api/registry/change-requests/${filed.body.id}/decisions`, { decision: 'approve', version });
    }
    expect((await admin.get(`/api/registry/households/${headless.id}`)).body.headName).toBe(spouse.name);

    const second = await admin.post(`/api/registry/duplicates/${claim.id}/decisions`, {
      decision: 'keep_new',
      reason: '迁入',
      version: 1,
    });
    expect(second.status).toBe(422);
    expect(second.body.code).toBe('REGISTRY_DUPLICATE_CLAIMING_HOUSEHOLD_HEADED');
    const closed = await admin.post(`/api/registry/duplicates/${claim.id}/decisions`, {
      decision: 'keep_existing',
      reason: '仍随原户生活',
      version: 1,
    });
    expect(closed.status).toBe(200);
    const household = (await admin.get(`/api/registry/households/${headless.id}`)).body;
    expect(household).toMatchObject({ memberCount: 2, pendingDuplicates: [] });
  });

  it('serialises two registrations of one person at the same moment: the second queues or refuses it', async () => {
    const first = family(DONGJIE);
    const second = family(XIJIE);
    second.members[2]!.idNumber = first.members[2]!.idNumber;
    const [a, b] = await Promise.all([
      admin.post('/api/registry/households', first),
      admin.post('/api/registry/households', second),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect([a.body.pendingDuplicates.length, b.body.pendingDuplicates.length].sort()).toEqual([0, 1]);

    const sameHead = [family(SANJING), family(SANJING)] as const;
    sameHead[1].members[0]!.idNumber = sameHead[0].members[0]!.idNumber;
    const answers = await Promise.all(sameHead.map((body) => admin.post('/api/registry/households', body)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    expect(answers.find((answer) => answer.status === 409)!.body.code).toBe('REGISTRY_HEAD_HEADS_OTHER_HOUSEHOLD');
  });

  it('queues a member added by an approved change request whose number another household holds', async () => {
    const holder = family(DONGJIE);
    await admin.post('/api/registry/households', holder);
    const target = (await admin.post('/api/registry/households', family(DONGJIE))).body;
    const filed = await admin.post(`/api/registry/households/${target.id}/change-requests`, {
      change: {
        kind: 'add_member',
        member: { name: '张小明', idNumber: holder.members[2]!.idNumber, relation: 'other' },
      },
      reason: '投靠亲属',
    });
    for (const version of [1, 2, 3]) {
      await admin.post(`/api/registry/change-requests/${filed.body.id}/decisions`, { decision: 'approve', version });
    }
    const household = (await admin.get(`/api/registry/households/${target.id}`)).body;
    expect(household.memberCount).toBe(3);
    expect(household.pendingDuplicates).toHaveLength(1);
    expect(await queued(target)).toMatchObject({ source: 'change_request', changeRequestId: filed.body.id });
  });
});
