/**
 * Imports the whole country's GB/T 2260 tree (≈665k units) through the product's import, then COPYs the
 * same rows into a plain table in the same run. Goal: under 20 s, at least half of raw COPY throughput.
 */
import { sql } from 'kysely';
import { systemContext } from '../src/modules/auth/system-access.ts';
import { readDivisions } from '../src/modules/org/division-source.ts';
import pg from 'pg';
import { copyUnits, importDivisions, planUnits } from '../src/modules/org/import-divisions.ts';
import { systemClock } from '../src/platform/clock.ts';
import { benchDatabase, report, timed } from './support.ts';

const bench = await benchDatabase('divisions');
try {
  const records = await readDivisions('');
  const ctx = { ...systemContext(bench.db, systemClock), connectionString: bench.connectionString };

  const phases: Record<string, number> = {};
  const start = performance.now();
  const product = await timed(() =>
    importDivisions(ctx, {
      prefix: '',
      onProgress: (p) => {
        const now = performance.now();
        if (!(p.phase in phases)) phases[p.phase] = Math.round(now - start);
      },
    }),
  );
  if (process.env.BENCH_VERBOSE) console.error('phase start times (ms):', phases);
  const units = product.result.inserted;

  // The plain alternative: the same resolved rows COPYed into a table with no constraints or indexes.
  await sql`create table plain_copy (id int, code text, kind text, level smallint, name text, parent_id int, path text)`.execute(
    bench.db,
  );
  let id = 0;
  const rows = planUnits(records, new Map(), () => ++id);
  const client = new pg.Client({ connectionString: bench.connectionString });
  await client.connect();
  const copy = await timed(() => copyUnits(client, 'plain_copy', rows));
  await client.end();

  const again = await timed(() => importDivisions(ctx, { prefix: '' }));

  const rate = units / product.seconds;
  const copyRate = rows.length / copy.seconds;
  report({ bench: 'divisions', metric: 'units_imported', value: units });
  report({ bench: 'divisions', metric: 'import_seconds', value: round(product.seconds), goal: '<20' });
  report({
    bench: 'divisions',
    metric: 'import_units_per_s',
    value: Math.round(rate),
    goal: '>=0.5 of copy',
    ratio: round(rate / copyRate),
  });
  report({ bench: 'divisions', metric: 'copy_units_per_s', value: Math.round(copyRate) });
  report({
    bench: 'divisions',
    metric: 'reimport_seconds_idempotent',
    value: round(again.seconds),
    goal: 'inserts 0',
    ratio: again.result.inserted,
  });
} finally {
  await bench.close();
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
