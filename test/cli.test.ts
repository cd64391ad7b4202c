import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../src/modules/auth/system-access.ts';
import { createIndicator } from '../src/modules/indicators/definitions.ts';
import { indicatorDefinition } from '../src/modules/indicators/schema.ts';
import { testHouseholds } from '../src/modules/indicators/test-support.ts';
import { systemClock } from '../src/platform/clock.ts';
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
    const commands = [
      [],
      ['divisions', 'import'],
      ['users', 'create'],
      ['users', 'reset-password'],
      ['audit', 'verify'],
      ['indicators', 'import'],
    ];
    // Side by side: each is a process start, and six of them one after another near the test's time limit.
    const results = await Promise.all(commands.map((command) => bihuan(...command, '--help')));
    for (const result of results) {
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

  it('imports indicator values from a CSV with a progress report, after a dry run, and refuses a bad cell', async () => {
    await createIndicator(systemContext(database.db, systemClock), indicatorDefinition(testHouseholds));
    const villages = await database.db
      .selectFrom('org_unit')
      .select('code')
      .where('level', '=', 5)
      .where('path', 'like', '%/140929000000/%')
      .orderBy('code')
      .limit(2)
      .execute();
    const folder = await mkdtemp(path.join(tmpdir(), 'bihuan-cli-'));
    const file = path.join(folder, 'values.csv');
    const csv = (...lines: string[]) => ['indicator,unit,period,category,value,comment', ...lines].join('\n');
    const stored = () => database.db.selectFrom('indicator_value').select(['value']).orderBy('value').execute();
    try {
      await writeFile(file, csv(...villages.map((v, i) => `test.households,${v.code},2024-05,,${40 + i},`)));
      const dry = await bihuan('indicators', 'import', file, '--dry-run');
      expect(dry.code, dry.stderr).toBe(0);
      expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, rows: 2, applied: false, issueCount: 0 });
      expect(await stored()).toEqual([]);

      const real = await bihuan('indicators', 'import', file);
      expect(real.code, real.stderr).toBe(0);
      expect(JSON.parse(real.stdout)).toMatchObject({ dryRun: false, rows: 2, applied: true, changed: 2 });
      // Not a terminal here: the bar prints one line per phase.
      expect(real.stderr).toContain('indicators import: checking');
      expect(real.stderr).toContain('indicators import: writing');
      expect((await stored()).map((r) => Number(r.value))).toEqual([40, 41]);

      await writeFile(file, csv(`test.households,${villages[0]?.code},2024-06,,seven,`));
      const bad = await bihuan('indicators', 'import', file);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain('INDICATOR_IMPORT_INVALID');
      expect(bad.stderr).toContain('row 2, value: INDICATOR_VALUE_NOT_NUMBER');
      expect(await stored()).toHaveLength(2);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
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
