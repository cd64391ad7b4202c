/**
 * Indicators at scale: 20 indicators × Xinzhou's 2,878 villages × 120 months (≈7M values) with their
 * roll-ups, then (a) the analytics read for one indicator at every level, p95 against the plain SQL GROUP BY
 * over the same rows in the same run (goal: < 100 ms), and (b) the product's CSV import of ≈1M new values
 * (all checks, change log, roll-up deltas, one transaction; goal: < 30 s) against a bare COPY of the same
 * rows. The 7M history is loaded with COPY (values, their change log, and tree and period roll-ups summed on the
 * client): that is set-up.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { systemContext } from '../src/modules/auth/system-access.ts';
import { getCell, getLevel } from '../src/modules/indicators/analytics.ts';
import { plainGroupBy } from '../src/modules/indicators/analytics-queries.ts';
import { createIndicator } from '../src/modules/indicators/definitions.ts';
import { importValues } from '../src/modules/indicators/import-values.ts';
import { indicatorDefinition } from '../src/modules/indicators/schema.ts';
import {
  formatPeriod,
  shiftPeriod,
  subPeriods,
  period as parsePeriod,
} from '../src/modules/indicators/rules/periods.ts';
import { importDivisions } from '../src/modules/org/import-divisions.ts';
import { systemClock } from '../src/platform/clock.ts';
import { benchDatabase, report, round, timed } from './support.ts';

const INDICATORS = 20;
const MONTHS = 120;
const IMPORT_MONTHS = 18;
const FIRST = parsePeriod('2014-01');
const CITY_PATH = '/140000000000/140900000000/';

const bench = await benchDatabase('analytics');
try {
  const ctx = { ...systemContext(bench.db, systemClock), connectionString: bench.connectionString };
  await importDivisions(ctx, { prefix: '1409' });
  for (let i = 0; i < INDICATORS; i += 1) {
    await createIndicator(
      ctx,
      indicatorDefinition({
        code: `bench.i${i}`,
        nameZh: `指标${i}`,
        nameEn: `Indicator ${i}`,
        valueType: 'number',
        direction: i % 2 === 0 ? 'up' : 'down',
        // One indicator is a weighted average (by indicator 0), read below besides the plain one.
        unitAggregation: i === 3 ? 'weighted_average' : i % 4 === 3 ? 'average' : 'sum',
        weightCode: i === 3 ? 'bench.i0' : null,
        periodAggregation: i % 4 === 3 ? 'average' : 'sum',
        periodType: 'month',
        source: 'entered',
        entryLevel: 5,
      }),
    );
  }
  const indicators = await bench.db.selectFrom('indicator').select(['id', 'code']).orderBy('id').execute();
  const villages = await bench.db
    .selectFrom('org_unit')
    .select(['id', 'code', 'path'])
    .where('level', '=', 5)
    .where('path', 'like', `${CITY_PATH}%`)
    .orderBy('code')
    .execute();
  const months = Array.from({ length: MONTHS }, (_, m) => formatPeriod(shiftPeriod(FIRST, m)));
  const valueOf = (i: number, v: number, m: number) => ((i * 7919 + v * 104729 + m * 1299709) % 10_000) / 10;

  const client = new pg.Client({ connectionString: bench.connectionString });
  await client.connect();
  /** COPYs the lines in chunks of about 256 KB (one stream write per line would cost more than the COPY). */
  const copy = (statement: string, lines: () => Generator<string>) =>
    pipeline(
      Readable.from(
        (function* () {
          let chunk = '';
          for (const line of lines()) {
            chunk += line;
            if (chunk.length > 1 << 18) {
              yield chunk;
              chunk = '';
            }
          }
          if (chunk) yield chunk;
        })(),
      ),
      client.query(copyFrom(statement)),
    );
  /** The stored history, in the values' key order. */
  function* history() {
    for (const indicator of indicators) {
      for (let m = 0; m < MONTHS; m += 1) {
        for (let v = 0; v < villages.length; v += 1) {
          yield { indicator, m, village: villages[v] as (typeof villages)[number], value: valueOf(indicator.id, v, m) };
        }
      }
    }
  }

  // Set-up: the history and its roll-ups (summed here, as the writing transactions would have).
  const setup = await timed(async () => {
    await sql`alter table indicator_value drop constraint indicator_value_pkey`.execute(bench.db);
    await sql`drop index indicator_period_rollup_key`.execute(bench.db);
    const rollups = new Map<string, { total: number; count: number }>();
    await copy(
      'copy indicator_value (indicator_id, period, unit_id, category, value, path_at, level) from stdin',
      function* () {
        for (const { indicator, m, village, value } of history()) {
          yield `${indicator.id}\t${months[m]}\t${village.id}\t\t${value}\t${village.path}\t5\n`;
          for (let level = 1; level <= 4; level += 1) {
            const key = `${indicator.id}\t${months[m]}\t${village.path.slice(0, 1 + 13 * level)}\t${level}`;
            const sum = rollups.get(key) ?? { total: 0, count: 0 };
            sum.total += value;
            sum.count += 1;
            rollups.set(key, sum);
          }
        }
      },
    );
    await copy(
      'copy indicator_rollup (indicator_id, period, path, level, category, total, count) from stdin',
      function* () {
        for (const [key, sum] of rollups) {
          const [id, month, path, level] = key.split('\t');
          yield `${id}\t${month}\t${path}\t${level}\t\t${Math.round(sum.total * 10) / 10}\t${sum.count}\n`;
        }
      },
    );
    // Quarters and years of each village (the entry level): sum, periods present and the last one's value.
    await copy(
      'copy indicator_period_rollup (indicator_id, period, path, total, periods, last_period, last_value) from stdin',
      function* () {
        for (const indicator of indicators) {
          for (let v = 0; v < villages.length; v += 1) {
            const village = villages[v] as (typeof villages)[number];
            for (const span of [3, 12]) {
              for (let first = 0; first < MONTHS; first += span) {
                let total = 0;
                for (let m = first; m < first + span; m += 1) total += valueOf(indicator.id, v, m);
                const last = first + span - 1;
                const p = shiftPeriod(FIRST, first);
                const coarse = span === 12 ? String(p.year) : `${p.year}Q${(p.index + 2) / 3}`;
                yield `${indicator.id}\t${coarse}\t${village.path}\t${Math.round(total * 10) / 10}\t${span}\t${months[last]}\t${valueOf(indicator.id, v, last)}\n`;
              }
            }
          }
        }
      },
    );
    // Every stored value was logged when it was entered: the import's change log grows a table of 7M, as it would
    // on a real system, not an empty one.
    await sql`alter table indicator_value_change drop constraint indicator_value_change_pkey`.execute(bench.db);
    await copy(
      'copy indicator_value_change (indicator_id, period, unit_id, category, new_value, changed_at) from stdin',
      function* () {
        for (const { indicator, m, village, value } of history()) {
          yield `${indicator.id}\t${months[m]}\t${village.id}\t\t${value}\t${months[m]}-20 10:00+08\n`;
        }
      },
    );
    await sql`alter table indicator_value_change add primary key (indicator_id, period, unit_id, category, id)`.execute(
      bench.db,
    );
    await sql`alter table indicator_value add primary key (indicator_id, period, unit_id, category)`.execute(bench.db);
    await sql`create unique index indicator_period_rollup_key on indicator_period_rollup (indicator_id, period, path text_pattern_ops)`.execute(
      bench.db,
    );
    // The weighted average's Σ value × weight and Σ weight per ancestor, from the leaves, as its migration does.
    await sql`select indicator_rebuild_weighted_rollup(id) from indicator where weight_code is not null`.execute(
      bench.db,
    );
    await sql`analyze`.execute(bench.db);
  });
  const stored = await sql<{ n: string }>`select count(*) as n from indicator_value`.execute(bench.db);
  report({ bench: 'analytics', metric: 'values_stored', value: Number(stored.rows[0]?.n) });
  report({ bench: 'analytics', metric: 'setup_copy_seconds', value: round(setup.seconds) });

  // (a) Reads: one indicator, for a month and for a year, at the city and at every level below it.
  const p95 = async (work: () => Promise<unknown>) => {
    for (let i = 0; i < 3; i += 1) await work();
    const times: number[] = [];
    for (let i = 0; i < 40; i += 1) times.push((await timed(work)).seconds * 1000);
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length * 0.95) - 1] as number;
  };
  const indicator = indicators[0] as (typeof indicators)[number];
  for (const period of ['2021-07', '2021']) {
    const periods = subPeriods(parsePeriod(period), 'month').map(formatPeriod);
    const cell = await p95(() => getCell(ctx, { indicator: indicator.code, unit: '1409', period }));
    report({ bench: 'analytics', metric: `cell_city_${period}_p95_ms`, value: round(cell), goal: '<100' });
    for (const level of [3, 4, 5]) {
      const product = await p95(() => getLevel(ctx, { indicator: indicator.code, unit: '1409', period, level }));
      const plain = await p95(() =>
        plainGroupBy(bench.db, { indicatorId: indicator.id, periods, basePath: CITY_PATH, level }),
      );
      report({
        bench: 'analytics',
        metric: `level${level}_ranked_${period}_p95_ms`,
        value: round(product),
        goal: '<100',
        ratio: round(product / plain),
      });
      report({ bench: 'analytics', metric: `plain_group_by_level${level}_${period}_p95_ms`, value: round(plain) });
    }
  }

  // The weighted average reads its roll-up of Σ value × weight and Σ weight above the villages; the plain
  // alternative joins the leaves of the value and its weight on every read.
  const weighted = indicators[3] as (typeof indicators)[number];
  const weight = indicators[0] as (typeof indicators)[number];
  const plainWeighted = (periods: string[], level: number) =>
    sql`
    select left(v.path_at, 1 + 13 * ${level}) as path, v.period, sum(v.value * w.value) / nullif(sum(w.value), 0) as value
    from indicator_value v
    join indicator_value w on w.indicator_id = ${weight.id} and w.period = v.period and w.unit_id = v.unit_id
    where v.indicator_id = ${weighted.id} and v.period = any(${periods}::text[]) and v.path_at like ${`${CITY_PATH}%`}
    group by 1, 2`.execute(bench.db);
  for (const period of ['2021-07', '2021']) {
    const periods = subPeriods(parsePeriod(period), 'month').map(formatPeriod);
    const cell = await p95(() => getCell(ctx, { indicator: weighted.code, unit: '1409', period }));
    report({ bench: 'analytics', metric: `weighted_cell_city_${period}_p95_ms`, value: round(cell), goal: '<100' });
    for (const level of [3, 4, 5]) {
      const product = await p95(() => getLevel(ctx, { indicator: weighted.code, unit: '1409', period, level }));
      const plain = await p95(() => plainWeighted(periods, level));
      report({
        bench: 'analytics',
        metric: `weighted_level${level}_ranked_${period}_p95_ms`,
        value: round(product),
        goal: '<100',
        ratio: round(product / plain),
      });
      report({ bench: 'analytics', metric: `plain_weighted_join_level${level}_${period}_p95_ms`, value: round(plain) });
    }
  }

  // (b) The product's import of ≈1M new values from CSV, against COPY of the same rows into a bare table.
  const importMonths = Array.from({ length: IMPORT_MONTHS }, (_, m) => formatPeriod(shiftPeriod(FIRST, MONTHS + m)));
  const lines: string[] = ['indicator,unit,period,category,value,comment'];
  for (const row of indicators) {
    for (const month of importMonths) {
      villages.forEach((village, v) => lines.push(`${row.code},${village.code},${month},,${valueOf(row.id, v, 7)},`));
    }
  }
  const csv = Buffer.from(lines.join('\n'));
  const rows = lines.length - 1;
  // Where the time goes: when each phase of the import begins.
  const phaseStarts: [string, number][] = [];
  const imported = await timed(() =>
    importValues(ctx, {
      file: csv,
      format: 'csv',
      dryRun: false,
      onProgress: ({ phase }) => {
        if (phaseStarts.at(-1)?.[0] !== phase) phaseStarts.push([phase, performance.now()]);
      },
    }),
  );
  report({ bench: 'analytics', metric: 'import_rows', value: rows });
  report({ bench: 'analytics', metric: 'import_csv_seconds', value: round(imported.seconds), goal: '<30' });
  phaseStarts.forEach(([phase, started], i) => {
    const ended = phaseStarts[i + 1]?.[1];
    if (ended !== undefined) {
      report({ bench: 'analytics', metric: `import_phase_${phase}_seconds`, value: round((ended - started) / 1000) });
    }
  });
  await sql`create table bare_value (indicator text, unit text, period text, category text, value numeric, comment text)`.execute(
    bench.db,
  );
  const bare = await timed(() =>
    copy('copy bare_value from stdin with (format csv, header true)', function* () {
      yield csv.toString();
    }),
  );
  report({
    bench: 'analytics',
    metric: 'import_csv_rows_per_s',
    value: Math.round(rows / imported.seconds),
    ratio: round(bare.seconds / imported.seconds),
  });
  report({ bench: 'analytics', metric: 'copy_bare_rows_per_s', value: Math.round(rows / bare.seconds) });
  const after = await getCell(ctx, { indicator: indicator.code, unit: '1409', period: importMonths[0] as string });
  report({
    bench: 'analytics',
    metric: 'city_value_after_import_is_live',
    value: after.value === null ? 0 : 1,
    goal: '1',
  });
  await client.end();
} finally {
  await bench.close();
}
