import type { z } from 'zod';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, useTestApp } from '../../../test/support/app.ts';
import { type auditRecord } from './schema.ts';

const t = useTestApp();

const KELAN_PATH = '/140000000000/140900000000/140929000000/';
const XINFU_PATH = '/140000000000/140900000000/140902000000/';

type AuditItem = z.infer<typeof auditRecord>;

let admin: ApiClient;
let adminName: string;
let auditor: ApiClient;
let auditorName: string;
let xinfuTownship: { code: string; path: string };

async function rename(code: string, name: string) {
  const unit = await admin.get(`/api/org-units/${code}`);
  expect(unit.status).toBe(200);
  const response = await admin.post(`/api/org-units/${code}/rename`, {
    name,
    effectiveOn: '2020-01-01',
    reason: '测试更名',
    version: unit.body.version,
  });
  expect(response.status).toBe(200);
  return response.body;
}

async function browse(client: ApiClient, query: string): Promise<{ items: AuditItem[]; nextCursor: string | null }> {
  const response = await client.get(`/api/audit${query ? `?${query}` : ''}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

beforeAll(async () => {
  admin = await t.signIn({ role: 'admin' });
  adminName = (await admin.get('/api/auth/me')).body.user.username;
  auditor = await t.signIn({ role: 'auditor', scopes: ['140929'] });
  auditorName = (await auditor.get('/api/auth/me')).body.user.username;

  await rename('140929100', '岚漪镇（更名）');
  await rename('140929101', '宋家沟镇');
  const xinfu = await admin.get('/api/org-units/140902/children');
  const first = xinfu.body.items[0] as { code: string };
  await rename(first.code, '忻府测试街道');
  xinfuTownship = { code: first.code, path: `${XINFU_PATH}${first.code}/` };
});

describe('browsing', () => {
  it('answers records newest first in the contract shape', async () => {
    const { items } = await browse(admin, 'limit=500');
    expect(items.length).toBeGreaterThan(5);
    const ids = items.map((r) => BigInt(r.id));
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
    const renamed = items.find((r) => r.entityId === '140929100000')!;
    expect(renamed).toEqual({
      id: expect.stringMatching(/^\d+$/),
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      actorId: expect.any(Number),
      actorName: adminName,
      action: 'org.renamed',
      entity: 'org_unit',
      entityId: '140929100000',
      unitPath: `${KELAN_PATH}140929100000/`,
      before: { name: '岚漪镇', version: expect.any(Number) },
      after: { name: '岚漪镇（更名）', effectiveOn: '2020-01-01', reason: '测试更名', version: expect.any(Number) },
      requestId: expect.any(String),
      clientIp: '127.0.0.1',
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('filters by actor, entity, entity id and action', async () => {
    const byActor = await browse(admin, `actor=${adminName}&limit=500`);
    expect(byActor.items.length).toBeGreaterThanOrEqual(4);
    expect(byActor.items.every((r) => r.actorName === adminName)).toBe(true);
    expect(byActor.items.map((r) => r.action)).toContain('auth.login');

    // The three renames and the template's division import.
    const byEntity = await browse(admin, 'entity=org_unit&limit=500');
    expect(byEntity.items.map((r) => r.action).sort()).toEqual([
      'org.divisions_imported',
      'org.renamed',
      'org.renamed',
      'org.renamed',
    ]);
    expect(byEntity.items.every((r) => r.entity === 'org_unit')).toBe(true);

    const one = await browse(admin, 'entity=org_unit&entityId=140929101000');
    expect(one.items).toHaveLength(1);
    expect(one.items[0]).toMatchObject({ action: 'org.renamed', after: { name: '宋家沟镇' } });

    const byAction = await browse(admin, 'action=auth.login&limit=500');
    expect(byAction.items.map((r) => r.actorName).sort()).toEqual(
      expect.arrayContaining([adminName, auditorName].sort()),
    );
    expect(byAction.items.every((r) => r.action === 'auth.login')).toBe(true);

    const none = await browse(admin, 'actor=nobody');
    expect(none).toEqual({ items: [], nextCursor: null });
  });

  it('filters by a unit and its subtree', async () => {
    // The renames of two Kelan townships, and the creation of the auditor scoped to Kelan.
    const kelan = await browse(admin, 'unit=140929&limit=500');
    expect(kelan.items.map((r) => r.action).sort()).toEqual(['org.renamed', 'org.renamed', 'user.created']);
    expect(kelan.items.every((r) => r.unitPath!.startsWith(KELAN_PATH))).toBe(true);
    const township = await browse(admin, 'unit=140929100000');
    expect(township.items.map((r) => r.entityId)).toEqual(['140929100000']);
    const xinfu = await browse(admin, 'unit=140902');
    expect(xinfu.items.map((r) => r.unitPath)).toEqual([xinfuTownship.path]);
    const city = await browse(admin, 'unit=1409&action=org.renamed&limit=500');
    expect(city.items).toHaveLength(3);

    const unknown = await admin.get('/api/audit?unit=149999');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('ORG_UNIT_NOT_FOUND');
    const malformed = await admin.get('/api/audit?unit=14x');
    expect(malformed.status).toBe(400);
    expect(malformed.body.details[0].field).toBe('querystring.unit');
  });

  it('filters by time: from is inclusive, to exclusive, and together they split the trail', async () => {
    const all = (await browse(admin, 'limit=500')).items;
    const middle = all[Math.floor(all.length / 2)]!;
    const from = await browse(admin, `from=${encodeURIComponent(middle.at)}&limit=500`);
    const to = await browse(admin, `to=${encodeURIComponent(middle.at)}&limit=500`);
    expect(from.items.map((r) => r.id)).toContain(middle.id);
    expect(to.items.map((r) => r.id)).not.toContain(middle.id);
    expect(from.items.every((r) => r.at >= middle.at)).toBe(true);
    expect(to.items.every((r) => r.at < middle.at)).toBe(true);
    expect(from.items.length + to.items.length).toBe(all.length);

    const window = await browse(admin, `from=${encodeURIComponent(middle.at)}&to=${encodeURIComponent(middle.at)}`);
    expect(window.items).toEqual([]);
    const farFuture = await browse(admin, 'from=2999-01-01');
    expect(farFuture.items).toEqual([]);
    const withOffset = await browse(admin, 'from=2000-01-01T08:00:00%2B08:00&limit=500');
    expect(withOffset.items).toHaveLength(all.length);

    const bad = await admin.get('/api/audit?from=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('querystring.from');
  });

  it('pages with before/nextCursor without gaps or repeats', async () => {
    const all = (await browse(admin, 'limit=500')).items.map((r) => r.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await browse(admin, `limit=2${cursor ? `&before=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      if (page.nextCursor !== null) expect(page.nextCursor).toBe(page.items.at(-1)!.id);
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== null && pages < 100);
    expect(seen).toEqual(all);
    expect(pages).toBeGreaterThanOrEqual(Math.ceil(all.length / 2));

    const last = await browse(admin, `limit=500&before=${all.at(-1)}`);
    expect(last).toEqual({ items: [], nextCursor: null });
    const filteredPage = await browse(admin, 'entity=org_unit&limit=1');
    const next = await browse(admin, `entity=org_unit&limit=1&before=${filteredPage.nextCursor}`);
    expect(next.items[0]!.entity).toBe('org_unit');
    expect(BigInt(next.items[0]!.id)).toBeLessThan(BigInt(filteredPage.items[0]!.id));

    for (const query of ['limit=0', 'limit=501', 'before=abc']) {
      expect((await admin.get(`/api/audit?${query}`)).status, query).toBe(400);
    }
  });
});

describe('scope', () => {
  it('shows an auditor scoped to Kelan only records inside Kelan', async () => {
    const { items } = await browse(auditor, 'limit=500');
    expect(items.map((r) => `${r.action} ${r.entityId}`).sort()).toEqual([
      'org.renamed 140929100000',
      'org.renamed 140929101000',
      `user.created ${items.find((r) => r.action === 'user.created')?.entityId}`,
    ]);
    expect(items.find((r) => r.action === 'user.created')?.after).toMatchObject({
      username: auditorName,
      scopes: ['140929000000'],
    });
    expect(items.every((r) => r.unitPath!.startsWith(KELAN_PATH))).toBe(true);
    // Sign-ins carry no unit: only global auditors see them.
    expect(items.some((r) => r.action.startsWith('auth.'))).toBe(false);
    expect(items.some((r) => r.unitPath?.startsWith(XINFU_PATH))).toBe(false);

    const township = await browse(auditor, 'unit=140929100');
    expect(township.items.map((r) => r.entityId)).toEqual(['140929100000']);
    const byActor = await browse(auditor, `actor=${adminName}&limit=500`);
    expect(byActor.items).toHaveLength(2);
  });

  it('refuses an auditor a unit outside the scope with 403 OUT_OF_SCOPE', async () => {
    for (const unit of ['140902', xinfuTownship.code, '1409']) {
      const response = await auditor.get(`/api/audit?unit=${unit}`);
      expect(response.status, unit).toBe(403);
      expect(response.body.code).toBe('OUT_OF_SCOPE');
    }
    auditor.language = 'en';
    const english = await auditor.get('/api/audit?unit=140902');
    expect(english.body.message).toBe('Unit 140902000000 is outside your data scope');
    auditor.language = 'zh-CN';
  });

  it('refuses roles without audit.read, and anonymous callers', async () => {
    const clerk = await t.signIn({ role: 'clerk', scopes: ['140929'] });
    for (const path of ['/api/audit', '/api/audit/verify']) {
      const response = await clerk.get(path);
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ code: 'PERMISSION_DENIED', message: '您没有“audit.read”权限' });
      expect((await t.anonymous().get(path)).status).toBe(401);
    }
  });
});

describe('verifying the chain', () => {
  it('reports an untouched chain as whole, having checked every record', async () => {
    const count = await t.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const response = await admin.get('/api/audit/verify');
    expect(response.status).toBe(200);
    // The records written while answering (none: reads are not audited) cannot change the count.
    expect(response.body).toEqual({ ok: true, checked: Number(count.n) });
    const byAuditor = await auditor.get('/api/audit/verify');
    expect(byAuditor.body).toEqual({ ok: true, checked: Number(count.n) });
  });
});
