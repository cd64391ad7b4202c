import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, useTestApp } from '../../../test/support/app.ts';

const t = useTestApp();
let admin: ApiClient;

beforeAll(async () => {
  admin = await t.signIn({ role: 'admin' });
});

async function unit(code: string, asOf?: string) {
  const response = await admin.get(`/api/org-units/${code}${asOf ? `?asOf=${asOf}` : ''}`);
  expect(response.status).toBe(200);
  return response.body;
}

describe('reading the tree', () => {
  it('answers a county in the contract shape, by short or full code', async () => {
    const kelan = await unit('140929');
    expect(kelan).toMatchObject({
      code: '140929000000',
      shortCode: '140929',
      name: '岢岚县',
      kind: 'division',
      level: 3,
      parentCode: '140900000000',
      childCount: 11,
    });
    expect(await unit('140929000000')).toEqual(kelan);
  });

  it('lists children with counts, and ancestors from the top of the scope', async () => {
    const children = await admin.get('/api/org-units/1409/children');
    expect(children.status).toBe(200);
    expect(children.body.items.map((u: { name: string }) => u.name)).toContain('岢岚县');
    expect(children.body.items.every((u: { level: number }) => u.level === 3)).toBe(true);
    const ancestors = await admin.get('/api/org-units/140929100/ancestors');
    expect(ancestors.body.items.map((u: { shortCode: string }) => u.shortCode)).toEqual([
      '14',
      '1409',
      '140929',
      '140929100',
    ]);
  });

  it('finds units by name and by code prefix', async () => {
    const byName = await admin.get(`/api/org-units?q=${encodeURIComponent('岢岚')}`);
    expect(byName.body.items[0]).toMatchObject({ shortCode: '140929' });
    const byCode = await admin.get('/api/org-units?q=140929100');
    expect(byCode.body.items[0]).toMatchObject({ code: '140929100000' });
  });

  it('answers 404 with a stable code for an unknown unit and 400 for a malformed one', async () => {
    const missing = await admin.get('/api/org-units/149999');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('ORG_UNIT_NOT_FOUND');
    const malformed = await admin.get('/api/org-units/14x');
    expect(malformed.status).toBe(400);
    expect(malformed.body.details[0].field).toBe('params.code');
  });
});

describe('versioned changes', () => {
  it('renames from a date; "as of" an earlier day still sees the old name, and history and audit record it', async () => {
    const before = await unit('140929101');
    const renamed = await admin.post('/api/org-units/140929101/rename', {
      name: '宋家沟镇',
      effectiveOn: '2018-03-01',
      reason: '忻政函〔2018〕12号',
      version: before.version,
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: '宋家沟镇', version: before.version + 1 });
    expect((await unit('140929101', '2018-02-28')).name).toBe(before.name);
    expect((await unit('140929101', '2018-03-01')).name).toBe('宋家沟镇');

    const history = await admin.get('/api/org-units/140929101/history');
    expect(history.body.items[0]).toMatchObject({
      change: 'renamed',
      oldName: before.name,
      newName: '宋家沟镇',
      effectiveOn: '2018-03-01',
    });
    const audit = await admin.get('/api/audit?entity=org_unit&entityId=140929101000');
    expect(audit.body.items[0]).toMatchObject({
      action: 'org.renamed',
      before: { name: before.name },
      after: { name: '宋家沟镇' },
    });
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    const current = await unit('140929102');
    const stale = await admin.post('/api/org-units/140929102/rename', {
      name: 'X',
      effectiveOn: '2019-01-01',
      reason: '过期版本',
      version: current.version - 1 || 99,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    expect(await unit('140929102')).toEqual(current);
  });

  it('merges a village into a neighbour: it ends, the tree as of before still shows it, the parent counts follow', async () => {
    const township = await admin.get('/api/org-units/140929100/children');
    const [village, target] = township.body.items as { code: string; version: number; name: string }[];
    if (!village || !target) throw new Error('fixture has too few villages');
    const merged = await admin.post(`/api/org-units/${village.code}/merge`, {
      intoCode: target.code,
      effectiveOn: '2019-06-30',
      reason: '整村搬迁后撤并',
      version: village.version,
    });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({ endedOn: '2019-06-30', endKind: 'merged', mergedIntoCode: target.code });

    const now = await admin.get('/api/org-units/140929100/children');
    expect(now.body.items.map((u: { code: string }) => u.code)).not.toContain(village.code);
    const then = await admin.get('/api/org-units/140929100/children?asOf=2019-06-29');
    expect(then.body.items.map((u: { code: string }) => u.code)).toContain(village.code);
    const parentThen = await unit('140929100', '2019-06-29');
    const parentNow = await unit('140929100');
    expect(parentThen.childCount).toBe(parentNow.childCount + 1);

    const again = await admin.post(`/api/org-units/${village.code}/rename`, {
      name: 'Y',
      effectiveOn: '2020-01-01',
      reason: '已撤并',
      version: merged.body.version,
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ORG_UNIT_ENDED');
  });

  it('moves the sub-units of a merged township to the target, re-parenting only from the date', async () => {
    const source = await unit('140929201');
    const target = await unit('140929202');
    const villagesBefore = (await admin.get('/api/org-units/140929201/children')).body.items as { code: string }[];
    const response = await admin.post('/api/org-units/140929201/merge', {
      intoCode: '140929202',
      effectiveOn: '2020-12-31',
      reason: '乡镇区划调整',
      version: source.version,
    });
    expect(response.status).toBe(200);
    const targetNow = await unit('140929202');
    expect(targetNow.childCount).toBe(target.childCount + villagesBefore.length);
    const moved = villagesBefore[0]!.code;
    expect((await unit(moved)).parentCode).toBe('140929202000');
    expect((await unit(moved, '2020-12-30')).parentCode).toBe('140929201000');
    const ancestors = await admin.get(`/api/org-units/${moved}/ancestors`);
    expect(ancestors.body.items.at(-2).code).toBe('140929202000');
    const ancestorsThen = await admin.get(`/api/org-units/${moved}/ancestors?asOf=2020-12-30`);
    expect(ancestorsThen.body.items.map((u: { code: string }) => u.code)).toEqual([
      '140000000000',
      '140900000000',
      '140929000000',
      '140929201000',
      moved,
    ]);
  });

  it('refuses merges into oneself, a descendant, an ended unit or another level, each with its own code', async () => {
    const kelan = await unit('140929');
    const self = await admin.post('/api/org-units/140929/merge', {
      intoCode: '140929',
      effectiveOn: '2021-01-01',
      reason: '测试',
      version: kelan.version,
    });
    expect(self.body.code).toBe('ORG_MERGE_CYCLE');
    const down = await admin.post('/api/org-units/140929/merge', {
      intoCode: '140929100',
      effectiveOn: '2021-01-01',
      reason: '测试',
      version: kelan.version,
    });
    expect(down.body.code).toBe('ORG_MERGE_CYCLE');
    const level = await admin.post('/api/org-units/140929100/merge', {
      intoCode: '140928',
      effectiveOn: '2021-01-01',
      reason: '测试',
      version: (await unit('140929100')).version,
    });
    expect(level.body.code).toBe('ORG_MERGE_KIND_MISMATCH');
    const ended = await admin.post('/api/org-units/140929203/merge', {
      intoCode: '140929201',
      effectiveOn: '2021-01-01',
      reason: '测试',
      version: (await unit('140929203')).version,
    });
    expect(ended.status).toBe(422);
    expect(ended.body.code).toBe('ORG_MERGE_TARGET_ENDED');
    expect(await unit('140929')).toEqual(kelan);
  });

  it('refuses dates before the latest change or in the future', async () => {
    const township = await unit('140929101');
    const early = await admin.post('/api/org-units/140929101/rename', {
      name: 'Z',
      effectiveOn: '2018-02-01',
      reason: '倒签',
      version: township.version,
    });
    expect(early.body.code).toBe('ORG_EFFECTIVE_DATE_TOO_EARLY');
    expect(early.body.message).toContain('2018-03-01');
    const future = await admin.post('/api/org-units/140929101/rename', {
      name: 'Z',
      effectiveOn: '2030-01-01',
      reason: '未来',
      version: township.version,
    });
    expect(future.body.code).toBe('ORG_EFFECTIVE_DATE_IN_FUTURE');
  });

  it('counts "today" in China time: after 16:00 UTC the next day is already today', async () => {
    t.clock.set(new Date('2024-06-01T17:00:00Z')); // 01:00 on 2 June in Beijing
    const township = await unit('140929102');
    const renamed = await admin.post('/api/org-units/140929102/rename', {
      name: '北京时间镇',
      effectiveOn: '2024-06-02',
      reason: '按北京时间生效',
      version: township.version,
    });
    expect(renamed.status).toBe(200);
  });

  it('abolishes only a unit without active sub-units', async () => {
    const county = await unit('140931');
    const refused = await admin.post('/api/org-units/140931/abolish', {
      effectiveOn: '2021-01-01',
      reason: '测试',
      version: county.version,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('ORG_HAS_ACTIVE_CHILDREN');
    const villages = (await admin.get('/api/org-units/140931100/children')).body.items as {
      code: string;
      version: number;
    }[];
    const leaf = villages.at(-1)!;
    const abolished = await admin.post(`/api/org-units/${leaf.code}/abolish`, {
      effectiveOn: '2021-01-01',
      reason: '村庄撤销',
      version: leaf.version,
    });
    expect(abolished.body).toMatchObject({ endKind: 'abolished', endedOn: '2021-01-01' });
  });

  it('attaches departments under divisions with generated codes, never under a department', async () => {
    const created = await admin.post('/api/org-units/1409/departments', {
      name: '忻州市投资促进中心',
      category: 'centre',
      establishedOn: '2019-01-01',
      reason: '机构改革',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      code: '140900000000-001',
      kind: 'department',
      level: null,
      category: 'centre',
      parentCode: '140900000000',
    });
    const nested = await admin.post(`/api/org-units/${created.body.code}/departments`, {
      name: '科室',
      category: 'team',
      establishedOn: '2019-01-01',
      reason: '测试',
    });
    expect(nested.body.code).toBe('ORG_PARENT_NOT_DIVISION');
  });
});
