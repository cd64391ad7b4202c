import { describe, expect, it } from 'vitest';
import { readRows } from './spreadsheet.ts';

const header = 'indicator,unit,period,category,value,comment';

describe('reading a CSV of values', () => {
  it.each([
    ['LF', `${header}\na.b,1409,2024-05,,1.5,\n\nc.d,140929,2024-06,m,2,note\n`],
    ['CRLF with a BOM', `\uFEFF${header}\r\na.b,1409,2024-05,,1.5,\r\n\r\nc.d,140929,2024-06,m,2,note\r\n`],
    ['quoted fields (the general parser)', `${header}\n"a.b",1409,2024-05,,"1.5",\n\nc.d,140929,2024-06,m,2,"note"\n`],
  ])('reads the same rows whatever the line endings and quoting: %s', async (_, text) => {
    expect(await readRows(Buffer.from(text), 'csv')).toEqual([
      { line: 2, indicator: 'a.b', unit: '1409', period: '2024-05', category: '', value: '1.5', comment: null },
      { line: 3, indicator: 'c.d', unit: '140929', period: '2024-06', category: 'm', value: '2', comment: 'note' },
    ]);
  });

  it('skips rows without a value and keeps a short row', async () => {
    const rows = await readRows(Buffer.from(`${header}\na.b,1409,2024-05,,,\na.b,140929,2024-05,,3`), 'csv');
    expect(rows).toEqual([
      { line: 3, indicator: 'a.b', unit: '140929', period: '2024-05', category: '', value: '3', comment: null },
    ]);
  });
});
