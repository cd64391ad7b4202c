import { appendAudit } from '../../platform/audit.ts';
import { chinaDateOf } from '../../platform/calendar-date.ts';
import type { Executor, Tx } from '../../platform/database.ts';
import { AppError } from '../../platform/errors.ts';
import { pathInScope } from '../auth/access.ts';
import type { ServiceContext } from '../auth/context.ts';
import { gatherInputs, rulesScheme } from './inputs.ts';
import {
  draftRuns,
  draftRunWithHash,
  findRun,
  findScheme,
  insertRun,
  type RunRow,
  runsOf,
  type SchemeRow,
  unitsById,
  updateRun,
} from './queries.ts';
import { rankUnits } from './rules/ranking.ts';
import { schemeWorth } from './rules/scheme.ts';
import { scoreUnit, type UnitResult } from './rules/scoring.ts';
import { definitionOf, schemeFor } from './schemes.ts';

type StoredResults = { worth: number; units: (UnitResult & { rank: number; unitName: string })[] };

/** Scores every assessed unit from the records up to `asOf` and ranks them; pure given the inputs. */
export async function computeRun(db: Executor, scheme: SchemeRow, asOf: string) {
  const definition = definitionOf(scheme);
  const units = await unitsById(db, scheme.assessed_unit_ids);
  const { inputs, inputHash } = await gatherInputs(
    db,
    {
      id: scheme.id,
      code: scheme.code,
      year: scheme.year,
      definition,
      unitIds: scheme.assessed_unit_ids,
      unitCodes: new Map(units.map((u) => [u.id, u.code])),
    },
    asOf,
  );
  const rules = rulesScheme(scheme.code, definition);
  const results = inputs.map((input) => scoreUnit(rules, input));
  const ranks = new Map(rankUnits(results).map((r) => [r.unitId, r.rank]));
  const names = new Map(units.map((u) => [u.code, u.name]));
  const stored: StoredResults = {
    worth: schemeWorth(rules),
    units: results
      .map((result) => ({ ...result, rank: ranks.get(result.unitId) ?? 0, unitName: names.get(result.unitId) ?? '' }))
      .sort((a, b) => a.rank - b.rank || (a.unitId < b.unitId ? -1 : 1)),
  };
  return { inputHash, results: stored };
}

/**
 * Runs the scheme as of a day. The same inputs always give the same results, and asking again with
 * nothing changed answers the existing draft instead of adding a twin.
 */
export async function createRun(ctx: ServiceContext, options: { schemeId: string; asOf: string }) {
  const scheme = await schemeFor(ctx, options.schemeId, 'assessment.manage');
  const { inputHash, results } = await computeRun(ctx.db, scheme, options.asOf);
  const now = ctx.clock.now();
  const id = await ctx.db.transaction().execute(async (tx) => {
    const existing = await draftRunWithHash(tx, scheme.id, options.asOf, inputHash);
    if (existing) return existing.id;
    const created = await insertRun(tx, { schemeId: scheme.id, asOf: options.asOf, inputHash, results, at: now });
    await appendAudit(
      tx,
      ctx.actor,
      {
        action: 'assessment.run',
        entity: 'assessment_run',
        entityId: created.id,
        unitPath: scheme.unit_path,
        after: { scheme: scheme.code, asOf: options.asOf, inputHash },
      },
      now,
    );
    return created.id;
  });
  return getRun(ctx, { runId: id });
}

/** Recomputes the scheme's draft runs after their inputs changed (an exemption decided, say). Published ones stay frozen. */
export async function recomputeDrafts(tx: Tx, schemeId: string) {
  const scheme = await findScheme(tx, schemeId);
  if (!scheme) return;
  for (const draft of await draftRuns(tx, schemeId)) {
    const { inputHash, results } = await computeRun(tx, scheme, draft.as_of);
    await updateRun(tx, draft.id, { inputHash, results });
  }
}

async function runFor(ctx: ServiceContext, runId: string, permission: 'assessment.read' | 'assessment.manage') {
  const run = await findRun(ctx.db, runId);
  if (!run) throw new AppError('RUN_NOT_FOUND', { id: runId });
  const scheme = await schemeFor(ctx, run.scheme_id, permission).catch(() => {
    throw new AppError('RUN_NOT_FOUND', { id: runId });
  });
  return { run, scheme };
}

/** Readers outside the assessing unit see only the rows of units in their own scope. */
function visibleUnits(ctx: ServiceContext, scheme: SchemeRow, results: StoredResults, unitPaths: Map<string, string>) {
  if (pathInScope(ctx.access, scheme.unit_path)) return results.units;
  return results.units.filter((unit) => pathInScope(ctx.access, unitPaths.get(unit.unitId) ?? '\u0000'));
}

async function presentRun(ctx: ServiceContext, run: RunRow, scheme: SchemeRow) {
  const results = run.results as StoredResults;
  const paths = new Map((await unitsById(ctx.db, scheme.assessed_unit_ids)).map((u) => [u.code, u.path]));
  return {
    id: run.id,
    schemeId: run.scheme_id,
    asOf: run.as_of,
    status: run.status,
    inputHash: run.input_hash,
    createdAt: new Date(run.created_at).toISOString(),
    publishedAt: run.published_at ? new Date(run.published_at).toISOString() : null,
    worth: results.worth,
    ranking: visibleUnits(ctx, scheme, results, paths).map((unit) => ({
      rank: unit.rank,
      unit: { code: unit.unitId, name: unit.unitName },
      total: unit.total,
      totalBeforeVeto: unit.totalBeforeVeto,
      grade: unit.grade,
      vetoed: unit.vetoed,
      missingInput: unit.missingInput,
    })),
    version: run.version,
  };
}

export async function getRun(ctx: ServiceContext, options: { runId: string }) {
  const { run, scheme } = await runFor(ctx, options.runId, 'assessment.read');
  return presentRun(ctx, run, scheme);
}

export async function listRuns(ctx: ServiceContext, options: { schemeId: string }) {
  const scheme = await schemeFor(ctx, options.schemeId, 'assessment.read');
  const rows = await runsOf(ctx.db, scheme.id);
  return Promise.all(rows.map((row) => getRun(ctx, { runId: row.id })));
}

/** One unit's full breakdown: every category, item and the records behind each point. */
export async function unitBreakdown(ctx: ServiceContext, options: { runId: string; code: string }) {
  const { run, scheme } = await runFor(ctx, options.runId, 'assessment.read');
  const results = run.results as StoredResults;
  const paths = new Map((await unitsById(ctx.db, scheme.assessed_unit_ids)).map((u) => [u.code, u.path]));
  const code = options.code.length < 12 && /^\d+$/.test(options.code) ? options.code.padEnd(12, '0') : options.code;
  const unit = visibleUnits(ctx, scheme, results, paths).find((candidate) => candidate.unitId === code);
  if (!unit) throw new AppError('UNIT_NOT_ASSESSED', { code: options.code });
  return unit;
}

export async function publishRun(ctx: ServiceContext, options: { runId: string; version: number }) {
  const { scheme } = await runFor(ctx, options.runId, 'assessment.manage');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    const run = await findRun(tx, options.runId, true);
    if (!run) throw new AppError('RUN_NOT_FOUND', { id: options.runId });
    if (run.status === 'published') throw new AppError('RUN_PUBLISHED');
    if (run.version !== options.version) throw new AppError('VERSION_CONFLICT', { current: run.version });
    await updateRun(tx, run.id, { inputHash: run.input_hash, publishedAt: now });
    await appendAudit(
      tx,
      ctx.actor,
      {
        action: 'assessment.run_published',
        entity: 'assessment_run',
        entityId: run.id,
        unitPath: scheme.unit_path,
        after: { on: chinaDateOf(now), inputHash: run.input_hash },
      },
      now,
    );
  });
  return getRun(ctx, { runId: options.runId });
}

/** Brings a draft run up to date with its records; a published run is frozen. */
export async function recomputeRun(ctx: ServiceContext, options: { runId: string }) {
  const { run, scheme } = await runFor(ctx, options.runId, 'assessment.manage');
  if (run.status === 'published') throw new AppError('RUN_PUBLISHED');
  const { inputHash, results } = await computeRun(ctx.db, scheme, run.as_of);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    const locked = await findRun(tx, run.id, true);
    if (locked?.status === 'published') throw new AppError('RUN_PUBLISHED');
    await updateRun(tx, run.id, { inputHash, results });
    await appendAudit(
      tx,
      ctx.actor,
      {
        action: 'assessment.run_recomputed',
        entity: 'assessment_run',
        entityId: run.id,
        unitPath: scheme.unit_path,
        after: { inputHash },
      },
      now,
    );
  });
  return getRun(ctx, { runId: run.id });
}
