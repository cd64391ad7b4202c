/**
 * The registry at scale, on a fresh database holding Shanxi's divisions (province 14):
 * 1. demo generation: Xinzhou's calibrated registry (478k persons) generated and loaded; goal < 60 s;
 * 2. roll-ups at Xinzhou scale: p95 of the statistics the dashboard asks (city, counties, townships,
 *    villages, each year), against recounting the same figures from the records with plain SQL;
 * 3. import of 1,000,000 member rows with full validation, against raw COPY of the same CSV into a bare
 *    table in the same run; goal >= 0.5 of COPY;
 * 4. roll-ups at Shanxi scale: the province's other villages brought to 3 million registered persons (the
 *    imported records plus figures added straight into their aggregate rows), p95 < 200 ms.
 */
import { sql } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { systemContext } from '../src/modules/auth/system-access.ts';
import { importDivisions } from '../src/modules/org/import-divisions.ts';
import { seedDemoRegistry } from '../src/modules/registry/demo/seed-registry.ts';
import { readLayout } from '../src/modules/registry/import-layout.ts';
import { importRegistry } from '../src/modules/registry/import-registry.ts';
import { idCheckCharacter } from '../src/modules/registry/rules/id-number.ts';
import { getStats } from '../src/modules/registry/service.ts';
import { manualClock } from '../src/platform/clock.ts';
import { benchDatabase, report, round, timed } from './support.ts';

const IMPORT_ROWS = Number(process.env.BENCH_REGISTRY_ROWS ?? 1_000_000);
const SHANXI_PERSONS = 3_000_000;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const bench = await benchDatabase('registry');
try {
  const clock = manualClock(new Date('2025-01-15T00:00:00Z'));
  const ctx = { ...systemContext(bench.db, clock), connectionString: bench.connectionString };
  await importDivisions(ctx, { prefix: '14' });

  const demo = await timed(() => seedDemoRegistry(ctx, { cityCode: '1409' }));
  report({ bench: 'registry', metric: 'demo_generation_seconds', value: round(demo.seconds), goal: '<60' });
  report({ bench: 'registry', metric: 'demo_persons', value: demo.result.persons });

  const units = async (prefix: string) =>
    (
      await bench.db
        .selectFrom('org_unit')
        .select(['code', 'level'])
        .where('code', 'like', `${prefix}%`)
        .where('kind', '=', 'division')
        .where('level', '<=', 5)
        .execute()
    ).sort((a, b) => (a.code < b.code ? -1 : 1));
  async function rollupP95(prefix: string, samples: number) {
    const all = await units(prefix);
    const byLevel = [2, 3, 4, 5].map((level) => all.filter((u) => u.level === level));
    const times: number[] = [];
    for (let i = 0; i < samples; i++) {
      const level = byLevel[i % byLevel.length] ?? [];
      const unit = level[(i * 7919) % level.length];
      if (!unit) continue;
      const started = performance.now();
      await getStats(ctx, { unit: unit.code, year: 2014 + (i % 11) });
      times.push(performance.now() - started);
    }
    return percentile(times, 95);
  }

  // Plain alternative: the same city figure recounted from the records at the moment it is asked.
  const recount = await timed(() =>
    sql`
      select count(*) filter (where h.registered_on <= date '2018-12-31'
        and (h.exited_on is null or h.exited_on > date '2018-12-31')) as poor
      from registry_household h
      join org_unit v on v.id = h.village_id
      join registry_membership m on m.household_id = h.id
      where v.path like '/140000000000/140900000000/%'`.execute(bench.db),
  );
  const xinzhouP95 = await rollupP95('1409', 400);
  report({
    bench: 'registry',
    metric: 'rollup_p95_ms_xinzhou',
    value: round(xinzhouP95),
    goal: '<50',
    ratio: round(xinzhouP95 / (recount.seconds * 1000)),
  });
  report({ bench: 'registry', metric: 'recount_from_records_ms_xinzhou_city', value: round(recount.seconds * 1000) });

  // 1M member rows over Shanxi's villages outside Xinzhou, three to a household.
  const villages = (
    await bench.db
      .selectFrom('org_unit')
      .select('code')
      .where('level', '=', 5)
      .where('code', 'like', '14%')
      .where('code', 'not like', '1409%')
      .execute()
  ).map((v) => v.code);
  const lines = ['户编号,村代码,姓名,身份证号,与户主关系,户类型,主要致贫原因,登记日期,联系电话'];
  for (let i = 0; i < IMPORT_ROWS; i++) {
    const household = Math.floor(i / 3);
    const village = villages[household % villages.length] ?? '';
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0');
    const year = 1940 + (Math.floor(i / 336) % 70);
    const first17 = `140100${year}${month}${day}${String(Math.floor(i / 23_520) % 1000).padStart(3, '0')}`;
    const relation = i % 3 === 0 ? '户主' : i % 3 === 1 ? '配偶' : '子女';
    lines.push(
      `${village}-${String(household).padStart(6, '0')},${village},姓名${i},${first17}${idCheckCharacter(first17)},${relation},ordinary,illness,2016-06-30,`,
    );
  }
  const file = Buffer.from(lines.join('\n'));
  lines.length = 0;
  const imported = await timed(async () => importRegistry(ctx, { rows: await readLayout(file, 'csv'), dryRun: false }));
  await sql`create table bare_copy (household_number text, village_code text, name text, id_number text, relation text, household_type text, main_cause text, registered_on text, phone text)`.execute(
    bench.db,
  );
  const client = new pg.Client({ connectionString: bench.connectionString });
  await client.connect();
  const copied = await timed(() =>
    pipeline(Readable.from([file]), client.query(copyFrom('copy bare_copy from stdin (format csv, header true)'))),
  );
  await client.end();
  const rate = IMPORT_ROWS / imported.seconds;
  const copyRate = IMPORT_ROWS / copied.seconds;
  report({
    bench: 'registry',
    metric: 'import_rows_per_s',
    value: Math.round(rate),
    goal: '>=0.5 of copy',
    ratio: round(rate / copyRate),
  });
  report({ bench: 'registry', metric: 'import_seconds', value: round(imported.seconds), unit: `${IMPORT_ROWS} rows` });
  report({ bench: 'registry', metric: 'copy_bare_rows_per_s', value: Math.round(copyRate) });

  // Shanxi scale: the other villages' aggregate rows are raised until the province holds 3M persons.
  const { rows } = await sql<{ persons: string }>`
    select coalesce(sum(registered_persons), 0) as persons from registry_village_stats where year = 2014`.execute(
    bench.db,
  );
  const missing = Math.max(0, SHANXI_PERSONS - Number(rows[0]?.persons ?? 0) - IMPORT_ROWS);
  await sql`
    with outside as (
      select s.village_id from registry_village_stats s
      join org_unit v on v.id = s.village_id
      where s.year = 2014 and v.code like '14%' and v.code not like '1409%'
    ), share as (select count(*) as n from outside)
    update registry_village_stats s
    set registered_persons = s.registered_persons + (${missing} / share.n)::int,
      poor_persons = s.poor_persons + greatest(0, (${missing} / share.n)::int - (s.year - 2014) * 20)
    from outside, share
    where s.village_id = outside.village_id`.execute(bench.db);
  await sql`analyze registry_village_stats`.execute(bench.db);
  const shanxi = await getStats(ctx, { unit: '14', year: 2016 });
  report({ bench: 'registry', metric: 'shanxi_registered_persons', value: shanxi.registeredPersons });
  const shanxiP95 = await rollupP95('14', 400);
  report({ bench: 'registry', metric: 'rollup_p95_ms_shanxi', value: round(shanxiP95), goal: '<200' });
} finally {
  await bench.close();
}
