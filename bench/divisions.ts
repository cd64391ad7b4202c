/**
 * Imports the whole country's GB/T 2260 tree (≈665k units) through the product's import, then COPYs the
 * same resolved rows in the same run (a) into an empty copy of org_unit with the same indexes and
 * constraints and (b) into a bare table. Goal: under 20 s, at least half of raw COPY throughput.
 */
import { sql } from 'kysely';
import pg from 'pg';
import { systemContext } from '../src/modules/auth/system-access.ts';
import { readDivisions } from '../src/modules/org/division-source.ts';
import { copyUnits, importDivisions, planUnits } from '../src/modules/org/import-divisions.ts';
import { systemClock } from '../src/platform/clock.ts';
import { benchDatabase, report, round, timed } from './support.ts';

const bench = await benchDatabase('divisions');
try {
  const ctx = { ...systemContext(bench.db, systemClock), connectionString: bench.connectionString };
  const product = await timed(() => importDivisions(ctx, { prefix: '' }));
  const units = product.result.inserted;
  const again = await timed(() => importDivisions(ctx, { prefix: '' }));

  let id = 0;
  const rows = planUnits(await readDivisions(''), new Map(), () => ++id);
  await sql`create table org_unit_twin (like org_unit including all)`.execute(bench.db);
  await sql`alter table org_unit_twin add foreign key (parent_id) references org_unit_twin (id)`.execute(bench.db);
  await sql`create table bare_copy (id int, code text, kind text, level smallint, name text, parent_id int, path text)`.execute(
    bench.db,
  );
  const client = new pg.Client({ connectionString: bench.connectionString });
  await client.connect();
  const twin = await timed(() => copyUnits(client, 'org_unit_twin', rows));
  const bare = await timed(() => copyUnits(client, 'bare_copy', rows));
  await client.end();

  const rate = units / product.seconds;
  const twinRate = rows.length / twin.seconds;
  const bareRate = rows.length / bare.seconds;
  report({ bench: 'divisions', metric: 'units_imported', value: units });
  report({ bench: 'divisions', metric: 'import_seconds', value: round(product.seconds), goal: '<20' });
  report({
    bench: 'divisions',
    metric: 'import_units_per_s',
    value: Math.round(rate),
    goal: '>=0.5 of copy',
    ratio: round(rate / twinRate),
  });
  report({ bench: 'divisions', metric: 'copy_same_table_units_per_s', value: Math.round(twinRate) });
  report({
    bench: 'divisions',
    metric: 'copy_bare_table_units_per_s',
    value: Math.round(bareRate),
    ratio: round(rate / bareRate),
  });
  report({
    bench: 'divisions',
    metric: 'reimport_seconds',
    value: round(again.seconds),
    goal: 'idempotent: inserts 0',
    ratio: again.result.inserted,
  });
} finally {
  await bench.close();
}
