import ExcelJS from 'exceljs';
import { AppError } from '../../platform/errors.ts';
import { householdTypes, povertyCauses, relations } from './schema.ts';

/**
 * The usual registry spreadsheet: one row per member, rows of a household grouped by its number. Headers
 * may be the Chinese labels of the national system or the column keys; export writes the Chinese labels.
 */
export const LAYOUT = [
  { key: 'household_number', label: '户编号', required: true },
  { key: 'village_code', label: '村代码', required: true },
  { key: 'name', label: '姓名', required: true },
  { key: 'id_number', label: '身份证号', required: true },
  { key: 'relation', label: '与户主关系', required: true },
  { key: 'household_type', label: '户类型', required: false },
  { key: 'main_cause', label: '主要致贫原因', required: false },
  { key: 'registered_on', label: '登记日期', required: false },
  { key: 'phone', label: '联系电话', required: false },
] as const;

export type LayoutKey = (typeof LAYOUT)[number]['key'];
export type LayoutRow = Record<LayoutKey, string>;

const RELATION_LABELS: Record<string, (typeof relations)[number]> = {
  户主: 'head',
  配偶: 'spouse',
  子女: 'child',
  之子: 'child',
  之女: 'child',
  儿媳: 'child_in_law',
  女婿: 'child_in_law',
  孙子女: 'grandchild',
  父母: 'parent',
  兄弟姐妹: 'sibling',
  其他: 'other',
};

/** Relation as written (English key or the usual Chinese word), or undefined when it is neither. */
export function relationOf(text: string): (typeof relations)[number] | undefined {
  if ((relations as readonly string[]).includes(text)) return text as (typeof relations)[number];
  return RELATION_LABELS[text];
}

export function isHouseholdType(text: string): boolean {
  return (householdTypes as readonly string[]).includes(text);
}

export function isPovertyCause(text: string): boolean {
  return (povertyCauses as readonly string[]).includes(text);
}

/** Which layout column each position of the header holds; unknown headers are ignored. */
function columnsOf(header: readonly unknown[]): (LayoutKey | undefined)[] {
  const columns = header.map((cell) => {
    const text = String(cell ?? '').trim();
    return LAYOUT.find((column) => column.key === text || column.label === text)?.key;
  });
  const missing = LAYOUT.filter((column) => column.required && !columns.includes(column.key));
  if (missing.length > 0) {
    throw new AppError(
      'REGISTRY_IMPORT_INVALID',
      { count: missing.length },
      missing.map((column) => ({ field: column.label, row: 1, code: 'column_missing', message: column.key })),
    );
  }
  return columns;
}

function toRow(columns: readonly (LayoutKey | undefined)[], cells: readonly unknown[]): LayoutRow {
  const row = Object.fromEntries(LAYOUT.map((column) => [column.key, ''])) as LayoutRow;
  columns.forEach((key, index) => {
    if (key) row[key] = cellText(cells[index]);
  });
  return row;
}

function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === 'object' && 'text' in cell) return String((cell as { text: unknown }).text).trim();
  return String(cell).trim();
}

/** Layout rows read lazily (validation and COPY follow the parser), with how many to expect for progress. */
export type LayoutSource = { rows: Iterable<LayoutRow>; expectedRows: number };

/**
 * Reads a CSV or XLSX file into layout rows; rows are numbered as the spreadsheet shows them (header = 1).
 * CSV rows are parsed as they are consumed, so a million-row file is never held as a million objects.
 */
export async function readLayout(file: Buffer, format: 'csv' | 'xlsx'): Promise<LayoutSource> {
  if (format === 'csv') {
    const text = file.toString('utf8');
    const records = csvRecords(text);
    const header = records.next();
    if (header.done) return { rows: [], expectedRows: 0 };
    const columns = columnsOf(header.value);
    return {
      rows: (function* () {
        for (const cells of records) yield toRow(columns, cells);
      })(),
      expectedRows: lineCount(text) - 1,
    };
  }
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return { rows: [], expectedRows: 0 };
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  const [header, ...body] = rows;
  if (!header) return { rows: [], expectedRows: 0 };
  const columns = columnsOf(header);
  return { rows: body.map((cells) => toRow(columns, cells)), expectedRows: body.length };
}

function lineCount(text: string): number {
  let lines = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines += 1;
  return text.endsWith('\n') ? lines : lines + 1;
}

/**
 * CSV records as RFC 4180 writes them (quoted fields, doubled quotes, line breaks inside quotes, CRLF or LF),
 * blank lines skipped, a leading byte-order mark dropped. Lines without a quote — nearly all of a registry
 * file — are split directly, which is what makes a million rows cheap.
 */
export function* csvRecords(text: string): Generator<string[], void, undefined> {
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let nextQuote = text.indexOf('"', at);
  while (at < text.length) {
    let end = text.indexOf('\n', at);
    if (end === -1) end = text.length;
    if (nextQuote !== -1 && nextQuote < at) nextQuote = text.indexOf('"', at);
    if (nextQuote === -1 || nextQuote > end) {
      const line = text.charCodeAt(end - 1) === 13 && end > at ? text.slice(at, end - 1) : text.slice(at, end);
      at = end + 1;
      if (line !== '') yield line.split(',');
      continue;
    }
    const fields: string[] = [];
    let field = '';
    let quoted = false;
    let i = at;
    for (; i < text.length; i++) {
      const c = text[i];
      if (quoted) {
        if (c !== '"') field += c;
        else if (text[i + 1] === '"') {
          field += '"';
          i += 1;
        } else quoted = false;
      } else if (c === '"') quoted = true;
      else if (c === ',') {
        fields.push(field);
        field = '';
      } else if (c === '\n') break;
      else if (c !== '\r' || text[i + 1] !== '\n') field += c;
    }
    fields.push(field);
    at = i + 1;
    yield fields;
  }
}

/** CSV text of the layout, header first, for exports. */
export function layoutCsv(rows: Iterable<LayoutRow>): string {
  const escape = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const lines = [LAYOUT.map((column) => column.label).join(',')];
  for (const row of rows) lines.push(LAYOUT.map((column) => escape(row[column.key])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
