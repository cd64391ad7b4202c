import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, useTestApp } from '../../../test/support/app.ts';
import { defineMonthlyVillageIndicator, defineTestIndicators, divisionsUnder, finishedJob } from './test-support.ts';

const t = useTestApp();
let admin: ApiClient;
let town: string;
let villages: string[];
let neighbourVillage: string;

beforeAll(async () => {
  admin = await t.signIn({ role: 'admin' });
  await defineTestIndicators(admin);
  const towns = await divisionsUnder(admin, '140929');
  town = towns[0] as string;
  villages = await divisionsUnder(admin, town);
  neighbourVillage = (await divisionsUnder(admin, towns[1] as string))[0] as string;
});

async function upload(client: ApiClient, file: string | Buffer, options: { dryRun: boolean; format?: 'csv' | 'xlsx' }) {
  const format = options.format ?? 'csv';
  const response = await fetch(
    `${client.baseUrl}/api/indicator-values/import?dryRun=${options.dryRun}&format=${format}`,
    {
      method: 'POST',
      headers: {
        cookie: client.cookie,
        'x-csrf-token': client.csrfToken,
        'content-type':
          format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
      body: typeof file === 'string' ? file : new Uint8Array(file),
    },
  );
  const started = await response.json();
  expect(response.status, JSON.stringify(started)).toBe(202);
  return finishedJob(client, started.id);
}

const csv = (...lines: string[]) => ['indicator,unit,period,category,value,comment', ...lines].join('\n');
const stored = async (unit: string, period = '2024-05') =>
  (await admin.get(`/api/analytics?indicator=test.households&unit=${unit}&period=${period}`)).body.value;

describe('importing values', () => {
  it('checks a file without saving on a dry run, then saves it whole', async () => {
    const file = csv(...villages.slice(0, 3).map((v, i) => `test.households,${v},2024-05,,${10 + i},`));
    const dry = await upload(admin, file, { dryRun: true });
    expect(dry.result).toMatchObject({ dryRun: true, rows: 3, applied: false, issueCount: 0 });
    expect(await stored(town)).toBeNull();
    const real = await upload(admin, file, { dryRun: false });
    expect(real.result).toMatchObject({ applied: true, changed: 3, issueCount: 0 });
    expect(await stored(town)).toBe(33);
    const audit = await admin.get('/api/audit?action=indicator.values_imported');
    expect(audit.body.items[0].after).toMatchObject({ rows: 3, changed: 3 });
    // Each imported value is in its cell's history, with the old and the new value.
    const history = await admin.get(`/api/indicator-values/history?unit=${villages[1]}&period=2024-05`);
    expect(history.body.items).toEqual([
      expect.objectContaining({ indicator: 'test.households', category: '', oldValue: null, newValue: 11 }),
    ]);
  });

  it('reports every bad cell with its line and column and saves nothing', async () => {
    const clerk = await t.signIn({ role: 'clerk', scopes: [town] });
    const file = csv(
      `test.households,${villages[3]},2024-05,,7,`,
      `test.households,${villages[4]},2024-05,,seven,`,
      `test.unknown,${villages[4]},2024-05,,1,`,
      `test.households,${neighbourVillage},2024-05,,1,`,
      `test.households,${villages[4]},2024-13,,1,`,
      `test.households,999999999999,2024-05,,1,`,
    );
    const job = await upload(clerk, file, { dryRun: false });
    expect(job.status).toBe('failed');
    expect(job.result).toBeNull();
    expect(job.error).toMatchObject({ code: 'INDICATOR_IMPORT_INVALID', message: expect.stringContaining('5') });
    const expected = [
      '3 value INDICATOR_VALUE_NOT_NUMBER',
      '4 indicator INDICATOR_NOT_FOUND',
      '5 unit OUT_OF_SCOPE',
      '6 period INDICATOR_WRONG_PERIOD_TYPE',
      '7 unit ORG_UNIT_NOT_FOUND',
    ];
    const described = (issues: { row: number; field: string; code: string }[]) =>
      issues.map((i) => `${i.row} ${i.field} ${i.code}`);
    expect(described(job.error.details)).toEqual(expected);
    expect(await stored(villages[3] as string)).toBeNull();
    // A dry run of the same file is a check that did its work: it succeeds and reports the same cells.
    const dry = await upload(clerk, file, { dryRun: true });
    expect(dry.status).toBe('succeeded');
    expect(dry.result).toMatchObject({ dryRun: true, applied: false, issueCount: 5 });
    expect(described(dry.result.issues)).toEqual(expected);
  });

  it('rejects the whole file when a stored value breaks a rule', async () => {
    const file = csv(`test.households,${villages[5]},2024-05,,9,`, `test.poor_households,${villages[0]},2024-05,,11,`);
    const job = await upload(admin, file, { dryRun: false });
    expect(job.status).toBe('failed');
    expect(job.error.details).toEqual([
      expect.objectContaining({ row: 3, field: 'value', code: 'INDICATOR_RULE_BROKEN' }),
    ]);
    expect(await stored(villages[5] as string)).toBeNull();
  });

  it('refuses values of an approved village and keeps the approved value', async () => {
    const file = (value: number) => csv(`test.households,${villages[6]},2024-05,,${value},`);
    expect((await upload(admin, file(5), { dryRun: false })).status).toBe('succeeded');
    const townStaff = await t.signIn({ role: 'staff', scopes: [town] });
    const approved = await townStaff.post('/api/indicator-approvals', { unit: villages[6], period: '2024-05' });
    expect(approved.status).toBe(200);
    const job = await upload(admin, file(6), { dryRun: false });
    expect(job.status).toBe('failed');
    expect(job.error.details).toEqual([
      expect.objectContaining({ row: 2, field: 'value', code: 'INDICATOR_PERIOD_LOCKED' }),
    ]);
    expect(await stored(villages[6] as string)).toBe(5);
  });

  it('keeps the tree and the quarter and year roll-ups equal to the values, for new months and corrections', async () => {
    const define = (code: string, periodAggregation: string, categories: string[]) =>
      defineMonthlyVillageIndicator(admin, { code, periodAggregation, categories, entryWindowDays: 366 });
    expect((await define('test.import_last', 'last', [])).status).toBe(201);
    expect((await define('test.import_sum', 'sum', ['m', 'f'])).status).toBe(201);
    const [a, b, c] = villages as [string, string, string];
    // Not in key order, across three quarters and two years, none stored yet: every quarter and year is new.
    const first = csv(
      `test.import_last,${b},2024-01,,5,`,
      `test.import_last,${a},2023-08,,9,`,
      `test.import_last,${a},2023-12,,2,`,
      `test.import_last,${a},2023-11,,1,`,
      `test.import_last,${a},2024-02,,4,`,
      `test.import_last,${a},2024-01,,3,`,
      `test.import_last,${c},2023-11,,7,`,
      `test.import_sum,${a},2024-01,m,1,`,
      `test.import_sum,${b},2024-02,f,2,`,
      `test.import_sum,${a},2023-12,f,3,`,
      `test.import_sum,${a},2023-07,m,6,`,
    );
    expect((await upload(admin, first, { dryRun: false })).result).toMatchObject({ applied: true, changed: 11 });
    await expectRollupsOfLeaves(['test.import_last', 'test.import_sum']);
    // Corrections of stored cells, a later and an earlier month of quarters that hold rows, and a new category of
    // a stored month (the month was counted already), in one file.
    const second = csv(
      `test.import_last,${a},2024-01,,30,`,
      `test.import_last,${a},2024-03,,6,`,
      `test.import_last,${b},2023-12,,8,`,
      `test.import_last,${c},2023-11,,7,`,
      `test.import_sum,${a},2024-01,f,10,`,
      `test.import_sum,${b},2024-02,f,20,`,
      `test.import_sum,${c},2024-03,m,4,`,
    );
    expect((await upload(admin, second, { dryRun: false })).result).toMatchObject({ applied: true, changed: 6 });
    await expectRollupsOfLeaves(['test.import_last', 'test.import_sum']);
    const log = await sql<{ old_value: string | null; new_value: string }>`
      select c.old_value::text, c.new_value::text
      from indicator_value_change c join indicator i on i.id = c.indicator_id
      where i.code = 'test.import_last' and c.period = '2024-01'
        and c.unit_id = (select id from org_unit where code = ${a})
      order by c.id`.execute(t.db);
    expect(log.rows).toEqual([
      { old_value: null, new_value: '3' },
      { old_value: '3', new_value: '30' },
    ]);
  });

  it('fails a malformed file with a specific error', async () => {
    const job = await upload(admin, 'foo,bar\n1,2\n', { dryRun: false });
    expect(job.status).toBe('failed');
    expect(job.error.code).toBe('INDICATOR_IMPORT_MALFORMED');
    const broken = await upload(admin, Buffer.from('PK not really a workbook'), { dryRun: false, format: 'xlsx' });
    expect(broken.error.code).toBe('INDICATOR_IMPORT_MALFORMED');
  });

  it('round-trips the Excel template: download, fill, upload', async () => {
    const response = await fetch(
      `${admin.baseUrl}/api/indicator-values/template?unit=${town}&period=2024-06&format=xlsx`,
      {
        headers: { cookie: admin.cookie },
      },
    );
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const sheet = workbook.getWorksheet('values');
    expect(sheet?.getRow(1).values).toEqual([
      undefined,
      'indicator',
      'indicator_name',
      'unit',
      'unit_name',
      'period',
      'category',
      'value',
      'comment',
    ]);
    const rows = sheet?.getRows(2, (sheet?.rowCount ?? 1) - 1) ?? [];
    const households = rows.filter((r) => r.getCell(1).value === 'test.households');
    expect(households.length).toBe(villages.length);
    households.slice(0, 2).forEach((row) => {
      row.getCell(7).value = 5;
    });
    const filled = Buffer.from(await workbook.xlsx.writeBuffer());
    const job = await upload(admin, filled, { dryRun: false, format: 'xlsx' });
    expect(job.result).toMatchObject({ applied: true, rows: 2, changed: 2 });
    expect(await stored(town, '2024-06')).toBe(10);
  });
});

/** The maintained roll-ups of the indicators, row for row, against their computation from the stored values. */
async function expectRollupsOfLeaves(codes: string[]) {
  const { rows: periods } = await sql<{ mismatched: string; rows: string }>`
    with leaf as (
      select m.indicator_id, c.period, m.path_at as path, sum(m.v) as total, count(*)::int as periods,
             max(m.period) as last_period, (array_agg(m.v order by m.period desc))[1] as last_value
      from (
        select v.indicator_id, v.period, v.path_at, sum(v.value) as v
        from indicator_value v join indicator i on i.id = v.indicator_id
        where i.code = any(${codes}::text[])
        group by 1, 2, 3
      ) m
      cross join lateral unnest(indicator_coarse_periods(m.period)) c (period)
      group by 1, 2, 3
    ),
    kept as (
      select r.* from indicator_period_rollup r join indicator i on i.id = r.indicator_id
      where i.code = any(${codes}::text[])
    )
    select count(*) filter (where (l.total, l.periods, l.last_period, l.last_value)
                              is distinct from (k.total, k.periods, k.last_period, k.last_value)) as mismatched,
           count(*) as rows
    from leaf l full join kept k using (indicator_id, period, path)`.execute(t.db);
  expect(periods[0]).toEqual({ mismatched: '0', rows: expect.not.stringMatching(/^0$/) });
  const { rows: tree } = await sql<{ mismatched: string; rows: string }>`
    with leaf as (
      select v.indicator_id, v.period, v.category, left(v.path_at, 1 + 13 * l) as path, sum(v.value) as total,
             count(*)::int as count
      from indicator_value v
      join indicator i on i.id = v.indicator_id
      cross join lateral generate_series(1, v.level - 1) l
      where i.code = any(${codes}::text[])
      group by 1, 2, 3, 4
    ),
    kept as (
      select r.* from indicator_rollup r join indicator i on i.id = r.indicator_id
      where i.code = any(${codes}::text[]) and r.count <> 0
    )
    select count(*) filter (where (l.total, l.count) is distinct from (k.total, k.count)) as mismatched,
           count(*) as rows
    from leaf l full join kept k using (indicator_id, period, category, path)`.execute(t.db);
  expect(tree[0]).toEqual({ mismatched: '0', rows: expect.not.stringMatching(/^0$/) });
}
