import { sql } from 'kysely';
import { appendAudit } from '../../platform/audit.ts';
import { withCopyTransaction } from '../../platform/copy.ts';
import { startJob } from '../../platform/jobs.ts';
import { authorize } from '../auth/access.ts';
import type { ServiceContext } from '../auth/context.ts';
import { getJob } from '../jobs/service.ts';
import { normalizeUnitCode } from '../org/codes.ts';
import { AppError } from '../../platform/errors.ts';
import { loadDefinitions } from './analytics.ts';
import { unitByCode, unitsAtLevel } from './queries.ts';
import { period as parsePeriod, periodEnd } from './rules/periods.ts';
import { readRows, type TemplateRow, writeTemplate } from './spreadsheet.ts';
import { type Issue, resolveEntries, type WritePhase, writeValues } from './write-values.ts';

export type ImportPhase = 'reading' | 'checking' | WritePhase | 'done';
export type ImportResult = {
  dryRun: boolean;
  rows: number;
  applied: boolean;
  changed: number;
  issueCount: number;
  /** The first problems of a dry run, each with its line (the header is line 1), column and reason. */
  issues: Issue[];
};

const REPORTED_ISSUES = 500;

/**
 * Imports values from a CSV or XLSX file (columns indicator, unit, period, category, value, comment) in one
 * transaction: every row is checked as in the grid, and with any problem nothing is saved and the error
 * (INDICATOR_IMPORT_INVALID) names each bad cell. A dry run checks everything, saves nothing and reports the
 * problems in its result.
 */
export async function importValues(
  ctx: ServiceContext & { connectionString: string },
  options: {
    file: Buffer;
    format: 'csv' | 'xlsx';
    dryRun: boolean;
    onProgress?: (progress: { phase: ImportPhase; done: number; total: number }) => void;
  },
): Promise<ImportResult> {
  authorize(ctx.access, 'indicators.enter');
  const report = options.onProgress ?? (() => {});
  report({ phase: 'reading', done: 0, total: 0 });
  const raw = await readRows(options.file, options.format, (done) => report({ phase: 'reading', done, total: 0 }));
  const total = raw.length;
  const verdict = (found: Issue[], changed: number): ImportResult => {
    if (found.length > 0 && !options.dryRun) {
      throw new AppError('INDICATOR_IMPORT_INVALID', { count: found.length }, found.slice(0, REPORTED_ISSUES));
    }
    return {
      dryRun: options.dryRun,
      rows: total,
      applied: !options.dryRun,
      changed,
      issueCount: found.length,
      issues: found.slice(0, REPORTED_ISSUES),
    };
  };
  // Throwing from inside rolls everything back: the staged table drops with the transaction, nothing is kept.
  return withCopyTransaction(ctx.connectionString, async (tx, client) => {
    // The write's hashes and sorts over a million staged values stay in memory instead of spilling to disk, and
    // the roll-ups' aggregates (hundreds of thousands of quarters and years) are planned as the hashes they are best
    // done by: expected to spill, the planner sorted a million rows by text instead.
    await sql`set local work_mem = '128MB'`.execute(tx);
    await sql`set local hash_mem_multiplier = 4`.execute(tx);
    const definitions = await loadDefinitions(tx);
    report({ phase: 'checking', done: 0, total });
    const inputs = raw.map((r) => ({ row: r.line, field: '', ...r }));
    const { staged, issues } = await resolveEntries(ctx, tx, definitions, inputs);
    if (issues.length > 0) return verdict(issues, 0);
    const outcome = await writeValues(ctx, tx, definitions, staged, {
      dryRun: options.dryRun,
      fieldOf: (_, column) => column,
      copyClient: client,
      onProgress: (phase, done) => report({ phase, done, total }),
    });
    if (outcome.issues.length > 0 || options.dryRun) return verdict(outcome.issues, 0);
    await appendAudit(
      tx,
      ctx.actor,
      {
        action: 'indicator.values_imported',
        entity: 'indicator_value',
        entityId: options.format,
        after: { rows: total, changed: outcome.changed, alerts: outcome.alerts, requestId: ctx.actor.requestId },
      },
      ctx.clock.now(),
    );
    report({ phase: 'done', done: total, total });
    return verdict([], outcome.changed);
  });
}

export async function startValueImport(
  ctx: ServiceContext & { connectionString: string },
  options: { file: Buffer; format: 'csv' | 'xlsx'; dryRun: boolean; log?: (error: unknown) => void },
) {
  authorize(ctx.access, 'indicators.enter');
  const { id, finished } = await startJob(
    ctx.db,
    {
      kind: 'indicators.import_values',
      params: { format: options.format, dryRun: options.dryRun, bytes: options.file.length },
      requestedBy: ctx.actor.userId,
      unitPath: ctx.access.scopePaths[0] ?? null,
      clock: ctx.clock,
      onUnexpectedError: options.log,
    },
    (report) => importValues(ctx, { ...options, onProgress: report }),
  );
  return { job: await getJob(ctx, { id }), finished };
}

/** A file to fill for a unit and period: a row per indicator (and category) and per unit that enters it. */
export async function buildTemplate(
  ctx: ServiceContext,
  options: { unit: string; period: string; format: 'csv' | 'xlsx' },
) {
  const unit = await unitByCode(ctx.db, normalizeUnitCode(options.unit));
  if (!unit) throw new AppError('ORG_UNIT_NOT_FOUND', { code: options.unit });
  authorize(ctx.access, 'indicators.read', unit);
  const p = parsePeriod(options.period);
  const day = periodEnd(p);
  const definitions = [...(await loadDefinitions(ctx.db)).values()].filter(
    (d) =>
      d.source === 'entered' &&
      d.period_type === p.type &&
      d.entry_level !== null &&
      d.entry_level >= (unit.level ?? 6),
  );
  const rows: TemplateRow[] = [];
  for (const level of [...new Set(definitions.map((d) => d.entry_level as number))].sort()) {
    const units = level === unit.level ? [unit] : await unitsAtLevel(ctx.db, { path: unit.path, level, day });
    for (const d of definitions.filter((x) => x.entry_level === level)) {
      for (const u of units) {
        for (const category of d.categories.length === 0 ? [''] : d.categories) {
          rows.push({
            indicator: d.code,
            indicator_name: ctx.locale === 'en' ? d.name_en : d.name_zh,
            unit: u.code,
            unit_name: u.name,
            period: options.period,
            category,
            value: null,
            comment: null,
          });
        }
      }
    }
  }
  return writeTemplate(rows, options.format);
}
