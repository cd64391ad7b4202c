import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, useTestApp } from '../../../test/support/app.ts';
import { idCheckCharacter } from './rules/id-number.ts';

const t = useTestApp();
let admin: ApiClient;

const VILLAGE = '140929100202'; // 岚漪镇坪后沟村, Kelan
const HEADER = '户编号,村代码,姓名,身份证号,与户主关系,户类型,主要致贫原因,登记日期,联系电话';

function id(birth: string, sequence: number): string {
  const first17 = `140929${birth}${String(sequence).padStart(3, '0')}`;
  return first17 + idCheckCharacter(first17);
}

const A = id('19650304', 11);
const B = id('19680517', 22);
const C = id('19920101', 33);
const D = id('19700707', 41);

function csv(...rows: string[]): string {
  return [HEADER, ...rows].join('\n');
}

async function upload(content: string, query = '') {
  const form = new FormData();
  form.append('file', new Blob([content], { type: 'text/csv' }), 'registry.csv');
  const response = await fetch(`${t.baseUrl}/api/registry/imports${query}`, {
    method: 'POST',
    headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'accept-language': 'en' },
    body: form,
  });
  const started = (await response.json()) as { id: string };
  expect(response.status).toBe(202);
  for (let attempt = 0; attempt < 200; attempt++) {
    const job = await admin.get(`/api/jobs/${started.id}`);
    if (job.body.status !== 'running') return job.body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('import did not finish');
}

async function householdsInVillage() {
  return (await admin.get(`/api/registry/households?unit=${VILLAGE}&limit=200`)).body;
}

beforeAll(async () => {
  admin = await t.signIn({ role: 'admin' });
});

describe('import of the registry layout', () => {
  it('reports every broken row with its column and reason on a dry run, and writes nothing', async () => {
    const broken = csv(
      `H1,${VILLAGE},王福,${A},户主,ordinary,illness,2014-06-30,`,
      `H1,${VILLAGE},刘英,${A.slice(0, 17)}${A.endsWith('1') ? '2' : '1'},配偶,,,,`,
      `H2,140929100000,赵四,${C},户主,,,,`,
      `H3,${VILLAGE},,${D},户主,,,,`,
      `H4,${VILLAGE},钱五,${D},表亲,,,,`,
    );
    const job = await upload(broken, '?dryRun=true');
    expect(job.status).toBe('succeeded');
    expect(job.result.errors).toEqual([
      expect.objectContaining({ row: 3, field: '身份证号', code: 'id_check_digit' }),
      expect.objectContaining({ row: 4, field: '村代码', code: 'not_an_active_village' }),
      expect.objectContaining({ row: 5, field: '姓名', code: 'required' }),
      expect.objectContaining({ row: 6, field: '与户主关系', code: 'unknown_relation' }),
    ]);
    expect((await householdsInVillage()).total).toBe(0);
  });

  it('refuses the whole file when one row is broken', async () => {
    const job = await upload(csv(`H1,${VILLAGE},王福,${A},户主,,,,`, `H1,${VILLAGE},刘英,${B},户主,,,,`));
    expect(job.status).toBe('failed');
    expect(job.error.code).toBe('REGISTRY_IMPORT_INVALID');
    expect(job.error.details[0]).toMatchObject({ row: 2, code: 'head_count' });
    expect((await householdsInVillage()).total).toBe(0);
  });

  it('imports households, then matches on the ID number to update instead of duplicating', async () => {
    const first = await upload(
      csv(
        `${VILLAGE}-0001,${VILLAGE},王福,${A},户主,minimum_income,illness,2014-06-30,13912345678`,
        `${VILLAGE}-0001,${VILLAGE},刘英,${B},配偶,minimum_income,illness,2014-06-30,`,
        `${VILLAGE}-0002,${VILLAGE},王小军,${C},户主,ordinary,lack_of_skills,,`,
      ),
    );
    expect(first.status).toBe('succeeded');
    expect(first.result).toMatchObject({ rows: 3, households: 2, newPersons: 3, updatedPersons: 0 });
    const listed = await householdsInVillage();
    expect(listed.total).toBe(2);
    const registered = listed.items.find((h: { number: string }) => h.number === `${VILLAGE}-0001`);
    expect(registered).toMatchObject({ status: 'registered', memberCount: 2, type: 'minimum_income' });
    const stats = (await admin.get(`/api/registry/stats?unit=${VILLAGE}&year=2014`)).body;
    expect(stats.poorPersons).toBe(2);

    const again = await upload(
      csv(
        `${VILLAGE}-0001,${VILLAGE},王富,${A},户主,minimum_income,illness,2014-06-30,`,
        `${VILLAGE}-0001,${VILLAGE},刘英,${B},配偶,minimum_income,illness,2014-06-30,`,
        `${VILLAGE}-0001,${VILLAGE},王丽,${D},子女,minimum_income,illness,2014-06-30,`,
      ),
    );
    expect(again.result).toMatchObject({ newPersons: 1, updatedPersons: 2 });
    const detail = (await admin.get(`/api/registry/households/${registered.id}`)).body;
    expect(detail.members.map((m: { name: string }) => m.name)).toEqual(['王富', '刘英', '王丽']);
    expect((await householdsInVillage()).total).toBe(2);

    const moved = await upload(csv(`${VILLAGE}-0009,${VILLAGE},王小军,${C},户主,,,,`));
    expect(moved.status).toBe('failed');
    expect(moved.error.details[0]).toMatchObject({ row: 2, code: 'member_in_other_household' });
  });

  it('lets a head and a spouse swap places, and refuses a new head beside a present head the file leaves out', async () => {
    const household = `${VILLAGE}-0001`;
    const swapped = await upload(
      csv(`${household},${VILLAGE},王富,${A},配偶,,,,`, `${household},${VILLAGE},刘英,${B},户主,,,,`),
    );
    expect(swapped.status).toBe('succeeded');
    const { items } = await householdsInVillage();
    const stored = items.find((h: { number: string }) => h.number === household);
    const detail = (await admin.get(`/api/registry/households/${stored.id}`)).body;
    expect(detail.members.map((m: { name: string; relation: string }) => [m.name, m.relation])).toEqual(
      expect.arrayContaining([
        ['王富', 'spouse'],
        ['刘英', 'head'],
      ]),
    );

    const twoHeads = await upload(csv(`${household},${VILLAGE},王丽,${D},户主,,,,`));
    expect(twoHeads.status).toBe('failed');
    expect(twoHeads.error.details).toEqual([
      expect.objectContaining({ row: 2, field: '与户主关系', code: 'head_count', message: `${household}: 2` }),
    ]);
    const unchanged = (await admin.get(`/api/registry/households/${stored.id}`)).body;
    expect(unchanged.members.filter((m: { relation: string }) => m.relation === 'head')).toHaveLength(1);
  });

  it('leaves the statistics an import changed by deltas equal to a recount of the records', async () => {
    const created = await upload(
      csv(
        `${VILLAGE}-0003,${VILLAGE},张三,${id('19550101', 51)},户主,ordinary,illness,2015-03-01,`,
        `${VILLAGE}-0003,${VILLAGE},李四,${id('19570202', 62)},配偶,ordinary,illness,2015-03-01,`,
        `${VILLAGE}-0004,${VILLAGE},赵六,${id('19600303', 71)},户主,ordinary,disability,,`,
      ),
    );
    expect(created.status).toBe('succeeded');
    const figures = async () => {
      const { rows } = await sql<Record<string, unknown>>`
        select 'village' as kind, s.year, '' as cause, s.registered_households, s.registered_persons,
          s.poor_households, s.poor_persons, s.exited_persons, s.monitored_persons
        from registry_village_stats s join org_unit v on v.id = s.village_id where v.code = ${VILLAGE}
        union all
        select 'cause', s.year, s.cause, s.registered_households, s.registered_persons,
          s.poor_households, s.poor_persons, 0, 0
        from registry_village_cause_stats s join org_unit v on v.id = s.village_id
        where v.code = ${VILLAGE} and (s.registered_households, s.registered_persons, s.poor_persons) <> (0, 0, 0)
        order by 1, 2, 3`.execute(t.db);
      return rows;
    };
    const byDeltas = await figures();
    await sql`select registry_refresh_village_stats(array(select id from org_unit where code = ${VILLAGE}))`.execute(
      t.db,
    );
    expect(byDeltas).toEqual(await figures());
    expect(byDeltas).toContainEqual(expect.objectContaining({ kind: 'village', year: 2015, registered_persons: 5 }));
  });

  it('exports the same layout, masked unless revealed, and audits each export', async () => {
    const masked = await admin.get(`/api/registry/export?unit=${VILLAGE}`);
    expect(masked.status).toBe(200);
    expect(masked.headers.get('content-type')).toContain('text/csv');
    const lines = (masked.body as string)
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r\n/);
    expect(lines[0]).toBe(HEADER);
    expect(lines).toHaveLength(8);
    expect(masked.body).not.toContain(A);
    const revealed = await admin.get(`/api/registry/export?unit=${VILLAGE}&reveal=true`);
    expect(revealed.body).toContain(A);
    const clerk = await t.signIn({ role: 'clerk', scopes: ['140929'] });
    expect((await clerk.get(`/api/registry/export?unit=${VILLAGE}&reveal=true`)).status).toBe(403);
    const audits = await t.db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'registry.exported')
      .execute();
    expect(audits.map((a) => (a.after as { revealed: boolean }).revealed)).toEqual([false, true]);
  });
});
