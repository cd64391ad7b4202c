import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, useTestApp } from '../../../test/support/app.ts';
import { defineTestIndicators, divisionsUnder, finishedJob } from './test-support.ts';

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
