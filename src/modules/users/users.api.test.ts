import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, TEST_PASSWORD, useTestApp } from '../../../test/support/app.ts';

const t = useTestApp();
let admin: ApiClient;
let adminId: number;
let adminName: string;

beforeAll(async () => {
  admin = await t.signIn({ role: 'admin' });
  const me = await admin.get('/api/auth/me');
  adminId = me.body.user.id;
  adminName = me.body.user.username;
});

const KELAN_PATH = '/140000000000/140900000000/140929000000/';

function newUser(overrides: Record<string, unknown> = {}) {
  return {
    username: 'kelan_clerk',
    displayName: '岢岚录入员',
    password: 'Kelan-clerk-2024',
    role: 'clerk',
    scopes: ['140929'],
    ...overrides,
  };
}

async function getUser(id: number) {
  const response = await admin.get(`/api/users/${id}`);
  expect(response.status).toBe(200);
  return response.body;
}

async function idOf(username: string): Promise<number> {
  const response = await admin.get(`/api/users?q=${encodeURIComponent(username)}`);
  const found = response.body.items.find((u: { username: string }) => u.username === username);
  if (!found) throw new Error(`no user ${username}`);
  return found.id;
}

function auditFor(entityId: number, action?: string) {
  let query = t.db
    .selectFrom('audit_log')
    .selectAll()
    .where('entity', '=', 'user')
    .where('entity_id', '=', String(entityId));
  if (action) query = query.where('action', '=', action);
  return query.orderBy('id').execute();
}

async function userCount(): Promise<number> {
  const row = await t.db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Signs in from its own address so lockout tests don't use up the shared per-address login allowance. */
function clientFrom(ip: string): ApiClient {
  const client = new ApiClient(t.baseUrl);
  const request = client.request.bind(client);
  client.request = (method, path, body, extra = {}) => request(method, path, body, { 'x-forwarded-for': ip, ...extra });
  return client;
}

describe('creating accounts', () => {
  let created: { id: number; version: number };

  it('creates a clerk scoped to Kelan: 201 with scope names, and an audit record without the password', async () => {
    const response = await admin.post('/api/users', newUser());
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.any(Number),
      username: 'kelan_clerk',
      displayName: '岢岚录入员',
      role: 'clerk',
      locale: 'zh-CN',
      active: true,
      lockedUntil: null,
      createdAt: expect.any(String),
      scopes: [{ code: '140929000000', name: '岢岚县' }],
      version: 1,
    });
    created = response.body;
    expect(await getUser(created.id)).toEqual(response.body);

    const [record] = await auditFor(created.id, 'user.created');
    expect(record).toMatchObject({
      actor_id: adminId,
      actor_name: adminName,
      unit_path: KELAN_PATH,
      before: null,
      after: { username: 'kelan_clerk', displayName: '岢岚录入员', role: 'clerk', scopes: ['140929000000'] },
    });
    expect(JSON.stringify(record)).not.toContain('Kelan-clerk-2024');

    const login = await clientFrom('192.0.2.10').login('kelan_clerk', 'Kelan-clerk-2024');
    expect(login.status).toBe(200);
    expect(login.body.user.scopes).toEqual([{ code: '140929000000', name: '岢岚县' }]);
  });

  it('refuses a taken username with 409 USERNAME_TAKEN on the username field', async () => {
    const before = await userCount();
    const response = await admin.post('/api/users', newUser({ displayName: '另一个' }));
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('USERNAME_TAKEN');
    expect(response.body.message).toBe('用户名 kelan_clerk 已存在');
    expect(response.body.details).toEqual([expect.objectContaining({ field: 'username', code: 'USERNAME_TAKEN' })]);
    expect(await userCount()).toBe(before);
  });

  it('refuses a weak password with 422 PASSWORD_TOO_WEAK', async () => {
    const response = await admin.post('/api/users', newUser({ username: 'weak_one', password: 'password' }));
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('PASSWORD_TOO_WEAK');
    expect(response.body.details).toEqual([expect.objectContaining({ field: 'password' })]);
  });

  it('refuses an unknown scope with 404 ORG_UNIT_NOT_FOUND naming the position in the request', async () => {
    const before = await userCount();
    const first = await admin.post('/api/users', newUser({ username: 'scope_a', scopes: ['149999'] }));
    expect(first.status).toBe(404);
    expect(first.body.code).toBe('ORG_UNIT_NOT_FOUND');
    expect(first.body.message).toContain('149999');
    expect(first.body.details).toEqual([expect.objectContaining({ field: 'scopes.0', code: 'ORG_UNIT_NOT_FOUND' })]);

    const second = await admin.post('/api/users', newUser({ username: 'scope_b', scopes: ['140929', '140999'] }));
    expect(second.body.details[0].field).toBe('scopes.1');
    // The same unit written twice (short and full code) still counts as two positions.
    const third = await admin.post(
      '/api/users',
      newUser({ username: 'scope_c', scopes: ['140929', '140929000000', '140999'] }),
    );
    expect(third.status).toBe(404);
    expect(third.body.details[0].field).toBe('scopes.2');
    expect(await userCount()).toBe(before);
  });

  it('refuses a scope on a unit that has ended (merged or abolished)', async () => {
    const township = await admin.get('/api/org-units/140929100/children');
    const [village, target] = (township.body.items as { code: string; version: number }[]).slice(-2);
    const merged = await admin.post(`/api/org-units/${village!.code}/merge`, {
      intoCode: target!.code,
      effectiveOn: '2020-01-01',
      reason: '撤并',
      version: village!.version,
    });
    expect(merged.status).toBe(200);
    const response = await admin.post(
      '/api/users',
      newUser({ username: 'ended_scope', scopes: ['140929', village!.code] }),
    );
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('ORG_UNIT_ENDED');
    expect(response.body.details).toEqual([expect.objectContaining({ field: 'scopes.1', code: 'ORG_UNIT_ENDED' })]);
    expect((await admin.get('/api/users?q=ended_scope')).body.items).toEqual([]);
  });

  it('refuses a malformed username or scope code with 400 and the field', async () => {
    for (const username of ['a b', 'ab', '用户名', 'x'.repeat(65)]) {
      const response = await admin.post('/api/users', newUser({ username }));
      expect(response.status, username).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.details.map((d: { field: string }) => d.field)).toEqual(['body.username']);
    }
    const badScope = await admin.post('/api/users', newUser({ username: 'bad_scope', scopes: ['14x'] }));
    expect(badScope.status).toBe(400);
    expect(badScope.body.details[0].field).toBe('body.scopes.0');
    const badRole = await admin.post('/api/users', newUser({ username: 'bad_role', role: 'root' }));
    expect(badRole.body.details[0].field).toBe('body.role');
  });

  it('finds accounts by name and answers 404 for an unknown id', async () => {
    const found = await admin.get('/api/users?q=KELAN_cl');
    expect(found.body.items.map((u: { id: number }) => u.id)).toEqual([created.id]);
    const missing = await admin.get('/api/users/999999');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('USER_NOT_FOUND');
  });
});

describe('changing accounts', () => {
  it('refuses a stale version with 409 VERSION_CONFLICT and changes nothing', async () => {
    const id = await idOf('kelan_clerk');
    const current = await getUser(id);
    const fresh = await admin.patch(`/api/users/${id}`, { displayName: '岢岚县录入员', version: current.version });
    expect(fresh.status).toBe(200);
    expect(fresh.body).toMatchObject({ displayName: '岢岚县录入员', version: current.version + 1, role: 'clerk' });

    const stale = await admin.patch(`/api/users/${id}`, {
      displayName: '覆盖',
      role: 'staff',
      scopes: ['140902'],
      version: current.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    expect(stale.body.message).toContain(String(current.version + 1));
    expect(await getUser(id)).toEqual(fresh.body);
    expect(await auditFor(id, 'user.updated')).toHaveLength(1);
  });

  it('records before and after of an update', async () => {
    const id = await idOf('kelan_clerk');
    const [record] = await auditFor(id, 'user.updated');
    expect(record).toMatchObject({
      actor_name: adminName,
      before: {
        displayName: '岢岚录入员',
        role: 'clerk',
        active: true,
        locale: 'zh-CN',
        scopes: ['140929000000'],
        version: 1,
      },
      after: {
        displayName: '岢岚县录入员',
        role: 'clerk',
        active: true,
        locale: 'zh-CN',
        scopes: ['140929000000'],
        version: 2,
      },
    });
  });

  it('ends the sessions of a user whose role changes; they sign in again with the new rights', async () => {
    const target = await t.signIn({ role: 'clerk', scopes: ['140929'], username: 'role_change' });
    expect((await target.get('/api/auth/me')).status).toBe(200);
    const id = await idOf('role_change');
    const { version } = await getUser(id);
    const changed = await admin.patch(`/api/users/${id}`, { role: 'auditor', version });
    expect(changed.status).toBe(200);
    expect(changed.body.role).toBe('auditor');
    expect((await target.get('/api/auth/me')).status).toBe(401);
    expect((await target.get('/api/org-units/140929')).status).toBe(401);

    const again = await target.login('role_change', TEST_PASSWORD);
    expect(again.body.user).toMatchObject({
      role: 'auditor',
      permissions: ['org.read', 'audit.read', 'registry.read'],
    });
  });

  it('ends the sessions of a user whose scopes change, but not for a new display name', async () => {
    const target = await t.signIn({ role: 'staff', scopes: ['140929'], username: 'scope_change' });
    const id = await idOf('scope_change');
    const renamed = await admin.patch(`/api/users/${id}`, {
      displayName: '新名字',
      locale: 'en',
      version: (await getUser(id)).version,
    });
    expect(renamed.body).toMatchObject({ displayName: '新名字', locale: 'en' });
    expect((await target.get('/api/auth/me')).status).toBe(200);

    const rescoped = await admin.patch(`/api/users/${id}`, {
      scopes: ['140902', '140929100'],
      version: renamed.body.version,
    });
    expect(rescoped.status).toBe(200);
    expect(rescoped.body.scopes).toEqual([
      { code: '140902000000', name: '忻府区' },
      { code: '140929100000', name: expect.any(String) },
    ]);
    expect((await target.get('/api/auth/me')).status).toBe(401);
  });

  it('disables an account: its sessions end and it can no longer sign in', async () => {
    const target = await t.signIn({ role: 'staff', scopes: ['140929'], username: 'to_disable' });
    const id = await idOf('to_disable');
    const disabled = await admin.patch(`/api/users/${id}`, { active: false, version: (await getUser(id)).version });
    expect(disabled.body.active).toBe(false);
    expect((await target.get('/api/auth/me')).status).toBe(401);
    const login = await clientFrom('192.0.2.11').login('to_disable', TEST_PASSWORD);
    expect(login.status).toBe(403);
    expect(login.body.code).toBe('ACCOUNT_DISABLED');
  });

  it('does not let an administrator demote or disable themselves', async () => {
    const own = await getUser(adminId);
    for (const change of [{ role: 'clerk' }, { active: false }]) {
      const response = await admin.patch(`/api/users/${adminId}`, { ...change, version: own.version });
      expect(response.status).toBe(422);
      expect(response.body.code).toBe('CANNOT_CHANGE_OWN_ROLE');
    }
    expect(await getUser(adminId)).toEqual(own);
    expect((await admin.get('/api/auth/me')).body.user.role).toBe('admin');
  });

  it('lets an administrator save their own profile unchanged in role without signing them out', async () => {
    const own = await getUser(adminId);
    const saved = await admin.patch(`/api/users/${adminId}`, {
      displayName: '系统管理员',
      role: 'admin',
      active: true,
      locale: 'zh-CN',
      version: own.version,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ displayName: '系统管理员', role: 'admin', version: own.version + 1 });
    expect((await admin.get('/api/auth/me')).status).toBe(200);
  });
});

describe('resetting a password', () => {
  it('refuses a weak new password with the field newPassword', async () => {
    const id = await idOf('kelan_clerk');
    const response = await admin.post(`/api/users/${id}/reset-password`, { newPassword: 'abc' });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({
      code: 'PASSWORD_TOO_WEAK',
      details: [expect.objectContaining({ field: 'newPassword' })],
    });
  });

  it('lifts a lockout, ends the sessions, and the new password works', async () => {
    const session = await t.signIn({ role: 'clerk', scopes: ['140929'], username: 'locked_out' });
    const id = await idOf('locked_out');
    const attacker = clientFrom('192.0.2.20');
    for (let i = 0; i < 5; i += 1) await attacker.login('locked_out', `Guess-${i}-password`);
    expect((await attacker.login('locked_out', TEST_PASSWORD)).status).toBe(423);
    const locked = await getUser(id);
    expect(locked.lockedUntil).not.toBeNull();

    const reset = await admin.post(`/api/users/${id}/reset-password`, { newPassword: 'Fresh-start-2024' });
    expect(reset.status).toBe(200);
    expect(reset.body).toEqual({ ok: true });
    const after = await getUser(id);
    expect(after.lockedUntil).toBeNull();
    expect(after.version).toBe(locked.version + 1);
    expect((await session.get('/api/auth/me')).status).toBe(401);

    const owner = clientFrom('192.0.2.21');
    expect((await owner.login('locked_out', TEST_PASSWORD)).status).toBe(401);
    expect((await owner.login('locked_out', 'Fresh-start-2024')).status).toBe(200);

    const [record] = await auditFor(id, 'user.password_reset');
    expect(record).toMatchObject({ actor_name: adminName, after: { username: 'locked_out' } });
    expect(JSON.stringify(record)).not.toContain('Fresh-start-2024');
  });

  it('answers 404 for an unknown account', async () => {
    const response = await admin.post('/api/users/999999/reset-password', { newPassword: 'Fresh-start-2024' });
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('USER_NOT_FOUND');
  });
});

describe('who may manage accounts', () => {
  it('refuses a clerk (and an auditor) with 403 PERMISSION_DENIED', async () => {
    const clerk = await t.signIn({ role: 'clerk', scopes: ['140929'] });
    const list = await clerk.get('/api/users');
    expect(list.status).toBe(403);
    expect(list.body.code).toBe('PERMISSION_DENIED');
    expect(list.body.message).toContain('users.read');
    const create = await clerk.post('/api/users', newUser({ username: 'by_clerk' }));
    expect(create.status).toBe(403);
    expect(create.body.message).toContain('users.manage');
    const roles = await clerk.get('/api/roles');
    expect(roles.status).toBe(403);

    const auditor = await t.signIn({ role: 'auditor', scopes: ['140929'] });
    expect((await auditor.patch(`/api/users/${adminId}`, { displayName: 'x', version: 1 })).status).toBe(403);
    expect((await auditor.post(`/api/users/${adminId}/reset-password`, { newPassword: 'Taken-over-1' })).status).toBe(
      403,
    );
    expect((await t.anonymous().get('/api/users')).status).toBe(401);
  });

  it('lists the six roles with their permissions', async () => {
    const response = await admin.get('/api/roles');
    expect(response.status).toBe(200);
    expect(response.body.items).toEqual([
      {
        role: 'admin',
        permissions: [
          'org.read',
          'org.manage',
          'users.read',
          'users.manage',
          'audit.read',
          'registry.read',
          'registry.write',
          'registry.approve',
          'registry.unmask',
          'registry.manage',
        ],
      },
      { role: 'leader', permissions: ['org.read', 'registry.read', 'registry.approve'] },
      { role: 'supervisor', permissions: ['org.read', 'registry.read'] },
      {
        role: 'staff',
        permissions: ['org.read', 'registry.read', 'registry.write', 'registry.approve', 'registry.unmask'],
      },
      { role: 'clerk', permissions: ['org.read', 'registry.read', 'registry.write'] },
      { role: 'auditor', permissions: ['org.read', 'audit.read', 'registry.read'] },
    ]);
  });

  it('wrote one audit record per successful mutation, each naming the administrator', async () => {
    const records = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_name', 'before', 'after'])
      .where('action', 'like', 'user.%')
      .where('actor_name', '=', adminName)
      .orderBy('id')
      .execute();
    const counts = Object.fromEntries(
      ['user.created', 'user.updated', 'user.password_reset'].map((a) => [
        a,
        records.filter((r) => r.action === a).length,
      ]),
    );
    // Only kelan_clerk was created over HTTP: t.signIn creates its accounts as the system.
    expect(counts).toEqual({ 'user.created': 1, 'user.updated': 6, 'user.password_reset': 1 });
    for (const record of records.filter((r) => r.action === 'user.updated')) {
      expect(record.before).toEqual(expect.objectContaining({ version: expect.any(Number) }));
      expect(record.after).toEqual(
        expect.objectContaining({ version: (record.before as { version: number }).version + 1 }),
      );
    }
    const verdict = await admin.get('/api/audit/verify');
    expect(verdict.body).toMatchObject({ ok: true });
  });
});
