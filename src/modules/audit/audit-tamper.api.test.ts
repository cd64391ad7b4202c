import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, useTestApp } from '../../../test/support/app.ts';
import { appendAudit, auditHash } from '../../platform/audit.ts';
import { recordFields } from './queries.ts';

// Tampering cannot be undone (the chain is append-only), so these tests share one database and run in order:
// each tampers with a record earlier than the last one, so the walk meets the newest tampering first.
const t = useTestApp();
let auditor: ApiClient;
let ids: string[];

async function verify() {
  const response = await auditor.get('/api/audit/verify');
  expect(response.status).toBe(200);
  return response.body;
}

/** Runs statements as the table owner with the append-only trigger off, and always turns it back on. */
async function tamper(statement: (db: typeof t.db) => Promise<unknown>) {
  await sql`alter table audit_log disable trigger audit_log_append_only`.execute(t.db);
  try {
    await statement(t.db);
  } finally {
    await sql`alter table audit_log enable trigger audit_log_append_only`.execute(t.db);
  }
}

async function allIds(): Promise<string[]> {
  return (await t.db.selectFrom('audit_log').select('id').orderBy('id').execute()).map((r) => r.id);
}

beforeAll(async () => {
  const admin = await t.signIn({ role: 'admin' });
  auditor = await t.signIn({ role: 'auditor', scopes: ['140929'] });
  const townships = (await admin.get('/api/org-units/140929/children')).body.items as {
    code: string;
    name: string;
    version: number;
  }[];
  for (const unit of townships.slice(0, 4)) {
    const renamed = await admin.post(`/api/org-units/${unit.code}/rename`, {
      name: `${unit.name}（新）`,
      effectiveOn: '2020-01-01',
      reason: '测试',
      version: unit.version,
    });
    expect(renamed.status).toBe(200);
  }
  ids = await allIds();
  expect(ids.length).toBeGreaterThanOrEqual(9);
});

describe('the append-only guard', () => {
  it('refuses update, delete and truncate while the trigger is on', async () => {
    const [first] = ids;
    await expect(sql`update audit_log set action = 'forged' where id = ${first}`.execute(t.db)).rejects.toThrow(
      'audit_log is append-only',
    );
    await expect(sql`delete from audit_log where id = ${first}`.execute(t.db)).rejects.toThrow(
      'audit_log is append-only',
    );
    await expect(t.db.deleteFrom('audit_log').execute()).rejects.toThrow('audit_log is append-only');
    await expect(sql`truncate audit_log`.execute(t.db)).rejects.toThrow('audit_log is append-only');
    expect(await allIds()).toEqual(ids);
    expect(await verify()).toEqual({ ok: true, checked: ids.length });
  });

  it('does not flag a rewrite that leaves the content as it was', async () => {
    await tamper((db) => sql`update audit_log set after = after, before = before`.execute(db));
    expect(await verify()).toEqual({ ok: true, checked: ids.length });
  });

  it('stays whole while others keep writing (the walk and the head are read in one snapshot)', async () => {
    let writing = true;
    const writer = (async () => {
      while (writing) {
        await t.db
          .transaction()
          .execute((tx) =>
            appendAudit(
              tx,
              { userId: null, username: 'writer', requestId: null, clientIp: null },
              { action: 'test.noise', entity: 'test' },
            ),
          );
      }
    })();
    const verdicts = [];
    try {
      for (let i = 0; i < 40; i += 1) verdicts.push(await verify());
    } finally {
      writing = false;
      await writer;
    }
    expect(verdicts.filter((v) => !v.ok)).toEqual([]);
    ids = await allIds();
    expect(await verify()).toEqual({ ok: true, checked: ids.length });
  });
});

describe('tampering', () => {
  it('detects a deleted last record as tail_deleted, naming it', async () => {
    const last = ids.at(-1)!;
    await tamper((db) => db.deleteFrom('audit_log').where('id', '=', last).execute());
    expect(await verify()).toEqual({ ok: false, checked: ids.length - 1, badRecordId: last, reason: 'tail_deleted' });
  });

  it('detects a deleted middle record as deleted_or_reordered, naming the record after the gap', async () => {
    const index = Math.floor(ids.length / 2);
    await tamper((db) => db.deleteFrom('audit_log').where('id', '=', ids[index]!).execute());
    expect(await verify()).toEqual({
      ok: false,
      checked: index,
      badRecordId: ids[index + 1],
      reason: 'deleted_or_reordered',
    });
  });

  it('detects an edited record, naming it', async () => {
    const renames = await t.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'org.renamed')
      .orderBy('id')
      .execute();
    const id = renames.at(-1)!.id;
    const index = ids.indexOf(id);
    expect(index).toBeGreaterThan(2);
    expect(index).toBeLessThan(Math.floor(ids.length / 2));
    await tamper((db) =>
      sql`update audit_log set after = jsonb_set(after, '{name}', '"篡改后的名称"') where id = ${id}`.execute(db),
    );
    expect(await verify()).toEqual({ ok: false, checked: index, badRecordId: id, reason: 'edited' });
  });

  it('catches an edit whose hash was recomputed at the next link', async () => {
    const index = 2;
    const id = ids[index]!;
    await tamper(async (db) => {
      await sql`update audit_log set actor_name = 'someone-else' where id = ${id}`.execute(db);
      const row = await db.selectFrom('audit_log').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      const forged = auditHash(row.prev_hash, recordFields(row));
      await sql`update audit_log set hash = ${forged} where id = ${id}`.execute(db);
    });
    expect(await verify()).toEqual({
      ok: false,
      checked: index + 1,
      badRecordId: ids[index + 1],
      reason: 'deleted_or_reordered',
    });
  });

  it('stays broken: new records do not heal the chain', async () => {
    const admin = await t.signIn({ role: 'admin' });
    expect((await admin.get('/api/auth/me')).status).toBe(200);
    const verdict = await verify();
    expect(verdict).toMatchObject({ ok: false, badRecordId: ids[3], reason: 'deleted_or_reordered' });
  });
});
