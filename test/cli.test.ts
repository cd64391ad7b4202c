import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './support/database.ts';

const run = promisify(execFile);
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

/** Runs `bihuan …` as a user would, against this file's database through DATABASE_URL. */
async function bihuan(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/bihuan.js', ...args], {
      env: { ...process.env, DATABASE_URL: database.connectionString, LANG: 'en_US.UTF-8' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('bihuan CLI', () => {
  it('prints help for every command', async () => {
    for (const command of [
      [],
      ['divisions', 'import'],
      ['users', 'create'],
      ['users', 'reset-password'],
      ['audit', 'verify'],
    ]) {
      const result = await bihuan(...command, '--help');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Usage: bihuan');
    }
  });

  it('imports a county idempotently: the template already holds Xinzhou, so nothing new arrives', async () => {
    const result = await bihuan('divisions', 'import', '--prefix', '140929');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ prefix: '140929', inserted: 0 });
  });

  it('imports a new county with its ancestors already present', async () => {
    const result = await bihuan('divisions', 'import', '--prefix', '140108');
    expect(JSON.parse(result.stdout)).toMatchObject({ prefix: '140108' });
    const unit = await database.db
      .selectFrom('org_unit')
      .select(['name', 'path'])
      .where('code', '=', '140108000000')
      .executeTakeFirstOrThrow();
    expect(unit.path).toBe('/140000000000/140100000000/140108000000/');
  });

  it('refuses a malformed prefix', async () => {
    const result = await bihuan('divisions', 'import', '--prefix', '14x');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('2, 4 or 6-digit');
  });

  it('creates a scoped account that can sign in, and resets its password', async () => {
    const created = await bihuan(
      'users',
      'create',
      '--username',
      'kelan_clerk',
      '--password',
      'Kelan2024pw',
      '--role',
      'clerk',
      '--scope',
      '140929',
      '--scope',
      '140931',
    );
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({
      username: 'kelan_clerk',
      role: 'clerk',
      scopes: [{ code: '140929000000' }, { code: '140931000000' }],
    });
    const duplicate = await bihuan(
      'users',
      'create',
      '--username',
      'kelan_clerk',
      '--password',
      'Kelan2024pw',
      '--role',
      'clerk',
    );
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toContain('USERNAME_TAKEN');
    const reset = await bihuan('users', 'reset-password', '--username', 'kelan_clerk', '--password', 'NewPass2025');
    expect(reset.code).toBe(0);
    const badRole = await bihuan('users', 'create', '--username', 'x1', '--password', 'Kelan2024pw', '--role', 'boss');
    expect(badRole.code).not.toBe(0);
  });

  it('verifies the audit chain and exits non-zero naming the first tampered record', async () => {
    const intact = await bihuan('audit', 'verify');
    expect(intact.code).toBe(0);
    expect(JSON.parse(intact.stdout)).toMatchObject({ ok: true });

    const victim = await database.db.selectFrom('audit_log').select('id').orderBy('id').executeTakeFirstOrThrow();
    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(database.db);
    await sql`update audit_log set actor_name = 'mallory' where id = ${victim.id}`.execute(database.db);
    await sql`alter table audit_log enable trigger audit_log_append_only`.execute(database.db);

    const broken = await bihuan('audit', 'verify');
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject({ ok: false, badRecordId: victim.id, reason: 'edited' });
    expect(broken.stderr).toContain(`record ${victim.id}`);
  });
});
