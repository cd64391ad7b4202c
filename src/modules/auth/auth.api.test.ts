import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, type ApiResponse, TEST_PASSWORD, useTestApp } from '../../../test/support/app.ts';
import { createUser, updateUser } from '../users/service.ts';
import type { Role } from './permissions.ts';

const t = useTestApp();

/**
 * The login route allows 30 attempts a minute per address. The server trusts X-Forwarded-For from loopback,
 * so each test that signs in repeatedly speaks from its own documentation address (RFC 5737).
 */
class ClientFrom extends ApiClient {
  readonly ip: string;
  constructor(baseUrl: string, ip: string) {
    super(baseUrl);
    this.ip = ip;
  }
  override request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    return super.request<T>(method, path, body, { 'x-forwarded-for': this.ip, ...extraHeaders });
  }
}

let ipCounter = 0;
function clientFromNewAddress(): ClientFrom {
  ipCounter += 1;
  return new ClientFrom(t.baseUrl, `198.51.100.${ipCounter}`);
}

let accountCounter = 0;
async function createAccount(role: Role = 'clerk', scopes: string[] = []): Promise<{ id: number; username: string }> {
  accountCounter += 1;
  const username = `auth_${role}_${accountCounter}`;
  const created = await createUser(t.system, {
    username,
    displayName: `用户${accountCounter}`,
    password: TEST_PASSWORD,
    role,
    locale: 'zh-CN',
    scopes,
  });
  return { id: created.id, username };
}

function sessionCookie(response: ApiResponse): string | undefined {
  return response.headers.getSetCookie().find((c) => c.startsWith('bihuan_session='));
}

function auditOf(action: string, actorName: string) {
  return t.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', action)
    .where('actor_name', '=', actorName)
    .orderBy('id')
    .execute();
}

async function liveSessions(userId: number): Promise<number> {
  const row = await t.db
    .selectFrom('user_session')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('signing in', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie and answers the user with a CSRF token', async () => {
    const { id, username } = await createAccount('clerk', ['140929']);
    const client = clientFromNewAddress();
    const response = await client.login(username, TEST_PASSWORD);
    expect(response.status).toBe(200);

    const cookie = sessionCookie(response);
    expect(cookie).toBeDefined();
    const attributes = cookie!.split(';').map((a) => a.trim().toLowerCase());
    expect(attributes).toContain('httponly');
    expect(attributes).toContain('samesite=lax');
    expect(attributes).toContain('path=/');
    expect(attributes).toContain(`max-age=${12 * 3600}`);
    expect(cookie!.split(';')[0]!.length).toBeGreaterThan('bihuan_session='.length + 30);

    expect(response.body.csrfToken).toMatch(/^[\w-]{24,}$/);
    expect(response.body.user).toEqual({
      id,
      username,
      displayName: expect.any(String),
      role: 'clerk',
      locale: 'zh-CN',
      permissions: ['org.read', 'registry.read', 'registry.write'],
      scopes: [{ code: '140929000000', name: '岢岚县' }],
    });
    expect(JSON.stringify(response.body)).not.toContain('argon2');

    // The cookie alone identifies the session; /me answers the same user and token.
    const me = await client.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toEqual(response.body);
    // The raw token is never stored, only its hash.
    const token = cookie!.split(';')[0]!.slice('bihuan_session='.length);
    const stored = await t.db.selectFrom('user_session').select('token_hash').where('user_id', '=', id).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).not.toBe(token);

    const [record] = await auditOf('auth.login', username);
    expect(record).toMatchObject({ actor_id: id, entity: 'session', client_ip: client.ip });
  });

  it('refuses a wrong password with 401 INVALID_CREDENTIALS, in Chinese by default and English on request', async () => {
    const { username } = await createAccount();
    const client = clientFromNewAddress();
    const zh = await client.login(username, 'Wrong-password-1');
    expect(zh.status).toBe(401);
    expect(zh.body).toEqual({
      code: 'INVALID_CREDENTIALS',
      message: '用户名或密码错误',
      details: [],
      requestId: expect.any(String),
    });
    expect(sessionCookie(zh)).toBeUndefined();

    client.language = 'en';
    const en = await client.login(username, 'Wrong-password-1');
    expect(en.status).toBe(401);
    expect(en.body).toMatchObject({ code: 'INVALID_CREDENTIALS', message: 'Wrong username or password' });
    expect(en.body.requestId).not.toBe(zh.body.requestId);

    const failures = await auditOf('auth.login_failed', username);
    expect(failures.map((r) => r.after)).toEqual([
      { reason: 'wrong_password', failedLogins: 1 },
      { reason: 'wrong_password', failedLogins: 2 },
    ]);
  });

  it('answers an unknown username exactly like a wrong password, and records the attempt', async () => {
    const client = clientFromNewAddress();
    const response = await client.login('nobody_here', TEST_PASSWORD);
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ code: 'INVALID_CREDENTIALS', message: '用户名或密码错误', details: [] });
    const [record] = await auditOf('auth.login_failed', 'nobody_here');
    expect(record).toMatchObject({ actor_id: null, entity: 'session', after: { reason: 'unknown_user' } });
  });

  it('locks the account after 5 failures, even against the right password, and unlocks after 15 minutes', async () => {
    const { id, username } = await createAccount();
    const client = clientFromNewAddress();
    const lockedFrom = t.clock.now();
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const response = await client.login(username, `Wrong-${attempt}-password`);
      expect(response.status).toBe(401);
    }
    const fifth = await client.login(username, 'Wrong-5-password');
    expect(fifth.status).toBe(423);
    expect(fifth.body.code).toBe('ACCOUNT_LOCKED');
    const until = new Date(lockedFrom.getTime() + 15 * 60_000).toISOString();
    expect(fifth.body.message).toContain(until);

    const right = await client.login(username, TEST_PASSWORD);
    expect(right.status).toBe(423);
    expect(right.body.code).toBe('ACCOUNT_LOCKED');
    expect(sessionCookie(right)).toBeUndefined();
    expect(await liveSessions(id)).toBe(0);
    expect(await auditOf('auth.login_refused', username)).toEqual([
      expect.objectContaining({ after: { reason: 'locked', lockedUntil: until } }),
    ]);

    t.clock.advanceDays(14 / 1440);
    expect((await client.login(username, TEST_PASSWORD)).status).toBe(423);

    t.clock.advanceDays(2 / 1440);
    const unlocked = await client.login(username, TEST_PASSWORD);
    expect(unlocked.status).toBe(200);
    const user = await t.db
      .selectFrom('app_user')
      .select(['failed_logins', 'locked_until'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(user).toEqual({ failed_logins: 0, locked_until: null });
  });

  it('gives a fresh count of 5 attempts once a lock has expired', async () => {
    const { username } = await createAccount();
    const client = clientFromNewAddress();
    for (let attempt = 1; attempt <= 5; attempt += 1) await client.login(username, `Wrong-${attempt}-password`);
    expect((await client.login(username, TEST_PASSWORD)).status).toBe(423);

    t.clock.advanceDays(16 / 1440);
    const afterLock = await client.login(username, 'Wrong-again-1');
    expect(afterLock.status).toBe(401);
    expect(afterLock.body.code).toBe('INVALID_CREDENTIALS');
    expect((await client.login(username, TEST_PASSWORD)).status).toBe(200);
  });

  it('refuses a disabled account with 403 once the password is right, and its open sessions end', async () => {
    const { id, username } = await createAccount();
    const before = clientFromNewAddress();
    expect((await before.login(username, TEST_PASSWORD)).status).toBe(200);
    await updateUser(t.system, { id, version: 1, active: false });

    expect((await before.get('/api/auth/me')).status).toBe(401);
    const client = clientFromNewAddress();
    const wrong = await client.login(username, 'Wrong-password-1');
    expect(wrong.status).toBe(401);
    const disabled = await client.login(username, TEST_PASSWORD);
    expect(disabled.status).toBe(403);
    expect(disabled.body).toMatchObject({ code: 'ACCOUNT_DISABLED', message: '账户已停用' });
    expect(sessionCookie(disabled)).toBeUndefined();
    expect(await liveSessions(id)).toBe(0);
    expect(await auditOf('auth.login_refused', username)).toEqual([
      expect.objectContaining({ after: { reason: 'disabled' } }),
    ]);
  });

  it('refuses an empty or oversized username with 400 and the field', async () => {
    const client = clientFromNewAddress();
    const empty = await client.request('POST', '/api/auth/login', { username: '  ', password: 'x' });
    expect(empty.status).toBe(400);
    expect(empty.body.code).toBe('VALIDATION_FAILED');
    expect(empty.body.details.map((d: { field: string }) => d.field)).toEqual(['body.username']);
    const missing = await client.request('POST', '/api/auth/login', { username: 'someone' });
    expect(missing.body.details.map((d: { field: string }) => d.field)).toEqual(['body.password']);
  });

  it('limits sign-in attempts per address: the 31st within a minute gets 429 RATE_LIMITED', async () => {
    const client = clientFromNewAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 31; i += 1)
      statuses.push((await client.request('POST', '/api/auth/login', { username: '', password: '' })).status);
    expect(statuses.slice(0, 30).every((s) => s === 400)).toBe(true);
    const limited = await client.request('POST', '/api/auth/login', { username: '', password: '' });
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    // Another address is unaffected.
    expect(
      (await clientFromNewAddress().request('POST', '/api/auth/login', { username: '', password: '' })).status,
    ).toBe(400);
  });
});

describe('sessions', () => {
  it('answers /api/auth/me with 401 when anonymous or with an unknown cookie', async () => {
    const anonymous = t.anonymous();
    const response = await anonymous.get('/api/auth/me');
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ code: 'UNAUTHENTICATED', message: '请先登录' });
    anonymous.cookie = 'bihuan_session=made-up-token';
    expect((await anonymous.get('/api/auth/me')).status).toBe(401);
  });

  it('ends the session on logout: the old cookie no longer works', async () => {
    const { id, username } = await createAccount();
    const client = clientFromNewAddress();
    await client.login(username, TEST_PASSWORD);
    const oldCookie = client.cookie;

    const response = await client.post('/api/auth/logout');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ok: true });
    const cleared = sessionCookie(response);
    expect(cleared).toMatch(/^bihuan_session=;/);
    expect(cleared!.toLowerCase()).toMatch(/expires=thu, 01 jan 1970|max-age=0/);

    expect((await client.get('/api/auth/me')).status).toBe(401);
    client.cookie = oldCookie;
    expect((await client.get('/api/auth/me')).status).toBe(401);
    expect(await liveSessions(id)).toBe(0);
    expect(await auditOf('auth.logout', username)).toEqual([
      expect.objectContaining({ actor_id: id, entity: 'session' }),
    ]);
  });

  it('expires a session 12 hours after sign-in', async () => {
    const client = await t.signIn({ role: 'staff', scopes: ['140929'] });
    t.clock.advanceDays((12 * 60 - 1) / 1440);
    expect((await client.get('/api/auth/me')).status).toBe(200);
    t.clock.advanceDays(2 / 1440);
    const expired = await client.get('/api/auth/me');
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('UNAUTHENTICATED');
  });
});

describe('CSRF protection', () => {
  let admin: ApiClient;
  beforeAll(async () => {
    admin = await t.signIn({ role: 'admin' });
  });

  const newUser = (username: string) => ({
    username,
    displayName: username,
    password: TEST_PASSWORD,
    role: 'clerk',
    scopes: ['140929'],
  });
  const exists = async (username: string) =>
    (await t.db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirst()) !== undefined;

  it('refuses a write without the token, with a wrong one, or with another session’s, and writes nothing', async () => {
    const other = await t.signIn({ role: 'admin' });
    const token = admin.csrfToken;
    const wrongSameLength = token.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    for (const [label, header] of [
      ['missing', undefined],
      ['empty', ''],
      ['wrong', wrongSameLength],
      ['short', token.slice(1)],
      ['other session', other.csrfToken],
    ] as const) {
      admin.csrfToken = '';
      const headers: Record<string, string> = header === undefined ? {} : { 'x-csrf-token': header };
      const response = await admin.request('POST', '/api/users', newUser(`csrf_${label.replace(' ', '_')}`), headers);
      expect(response.status, label).toBe(403);
      expect(response.body.code, label).toBe('CSRF_TOKEN_INVALID');
      expect(await exists(`csrf_${label.replace(' ', '_')}`), label).toBe(false);
    }
    // Logout is a write too: without the token the session survives.
    const logout = await admin.request('POST', '/api/auth/logout', undefined, { 'x-csrf-token': 'nope' });
    expect(logout.status).toBe(403);
    admin.csrfToken = token;
    expect((await admin.get('/api/auth/me')).status).toBe(200);
  });

  it('lets the same write through with the right token, and never asks it of a GET', async () => {
    const created = await admin.post('/api/users', newUser('csrf_ok'));
    expect(created.status).toBe(201);
    expect(await exists('csrf_ok')).toBe(true);
    const token = admin.csrfToken;
    admin.csrfToken = '';
    expect((await admin.get('/api/users')).status).toBe(200);
    admin.csrfToken = token;
  });
});

describe('changing one’s own password', () => {
  const NEW_PASSWORD = 'Brand-new-pass-42';

  it('checks the current password and the strength of the new one, each with its field', async () => {
    const { username } = await createAccount();
    const client = clientFromNewAddress();
    await client.login(username, TEST_PASSWORD);
    const wrong = await client.post('/api/auth/password', {
      currentPassword: 'Not-my-password-1',
      newPassword: NEW_PASSWORD,
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('CURRENT_PASSWORD_WRONG');
    expect(wrong.body.details).toEqual([
      expect.objectContaining({ field: 'currentPassword', code: 'CURRENT_PASSWORD_WRONG' }),
    ]);

    const weak = await client.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' });
    expect(weak.status).toBe(422);
    expect(weak.body.code).toBe('PASSWORD_TOO_WEAK');
    expect(weak.body.details).toEqual([expect.objectContaining({ field: 'newPassword' })]);
    client.language = 'en';
    const weakEn = await client.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'lettersonly',
    });
    expect(weakEn.body.message).toBe('A password needs at least 8 characters with both letters and digits');

    // Nothing changed: the old password still works.
    expect((await clientFromNewAddress().login(username, TEST_PASSWORD)).status).toBe(200);
    expect(await auditOf('auth.password_changed', username)).toEqual([]);
  });

  it('changes it, ends the other sessions and keeps this one', async () => {
    const { id, username } = await createAccount();
    const here = clientFromNewAddress();
    const elsewhere = clientFromNewAddress();
    await here.login(username, TEST_PASSWORD);
    await elsewhere.login(username, TEST_PASSWORD);
    expect(await liveSessions(id)).toBe(2);

    const changed = await here.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({ ok: true });
    expect((await here.get('/api/auth/me')).status).toBe(200);
    expect((await elsewhere.get('/api/auth/me')).status).toBe(401);
    expect(await liveSessions(id)).toBe(1);

    const login = clientFromNewAddress();
    expect((await login.login(username, TEST_PASSWORD)).status).toBe(401);
    expect((await login.login(username, NEW_PASSWORD)).status).toBe(200);

    const [record] = await auditOf('auth.password_changed', username);
    expect(record).toMatchObject({ actor_id: id, entity: 'user', entity_id: String(id) });
    expect(JSON.stringify(record)).not.toContain(NEW_PASSWORD);
  });
});

describe('malformed requests', () => {
  const post = (body: string, contentType: string) =>
    fetch(`${t.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': contentType, 'x-forwarded-for': '203.0.113.1' },
      body,
    });

  it('answers broken JSON with 400 MALFORMED_JSON', async () => {
    const response = await post('{"username": "admin", ', 'application/json');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: 'MALFORMED_JSON',
      details: [],
      message: '请求正文不是有效的 JSON',
    });
  });

  it('answers a body over 1 MiB with 413 BODY_TOO_LARGE', async () => {
    const big = JSON.stringify({ username: 'someone', password: 'x'.repeat(1_048_576) });
    const response = await post(big, 'application/json');
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: 'BODY_TOO_LARGE' });
  });

  it('answers a form body with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const response = await post('username=admin&password=x', 'application/x-www-form-urlencoded');
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的内容类型' });
  });

  it('answers a text/plain body with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const response = await post('{"username":"admin","password":"x"}', 'text/plain');
    expect(response.status).toBe(415);
    expect((await response.json()).code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('does not treat a text/plain body as sign-in data (today: 400 VALIDATION_FAILED)', async () => {
    const response = await post('{"username":"admin","password":"x"}', 'text/plain');
    expect([400, 415]).toContain(response.status);
    expect(sessionCookie({ status: response.status, body: undefined, headers: response.headers })).toBeUndefined();
  });

  it('authenticates before parsing: an anonymous broken write gets 401, not a parser error', async () => {
    const response = await fetch(`${t.baseUrl}/api/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{broken',
    });
    expect(response.status).toBe(401);
    expect((await response.json()).code).toBe('UNAUTHENTICATED');
  });
});

describe('the audit trail of signing in and out', () => {
  it('records every kind of event with the actor, and the chain still verifies', async () => {
    const actions = await t.db.selectFrom('audit_log').select('action').distinct().execute();
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'auth.login',
        'auth.login_failed',
        'auth.login_refused',
        'auth.logout',
        'auth.password_changed',
      ]),
    );
    const secrets = await sql<{
      n: string;
    }>`select count(*) as n from audit_log where after::text like '%argon2%' or after::text like ${'%' + TEST_PASSWORD + '%'}`.execute(
      t.db,
    );
    expect(Number(secrets.rows[0]!.n)).toBe(0);
    const auditor = await t.signIn({ role: 'admin' });
    const verdict = await auditor.get('/api/audit/verify');
    expect(verdict.body).toMatchObject({ ok: true });
  });
});
