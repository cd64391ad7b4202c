import { appendAudit } from '../../platform/audit.ts';
import { AppError, type ErrorCode, errorMessage } from '../../platform/errors.ts';
import { ROOT_PATH, authorize } from '../auth/access.ts';
import type { ServiceContext } from '../auth/context.ts';
import type { IndicatorRow } from '../../platform/db-schema.ts';
import { indicatorColumns, presentIndicator } from './presenter.ts';
import {
  allIndicators,
  indicatorByCode,
  indicatorHasValues,
  insertIndicator,
  lockDefinitions,
  lockIndicator,
  updateIndicator,
} from './queries.ts';
import { definitionProblems } from './rules/definition.ts';
import type { IndicatorDefinition, IndicatorDto } from './schema.ts';
import { rebuildWeightedRollup } from './weighted-rollup-queries.ts';

/** Indicators are defined once for the whole tree: only global-scope definers may change them. */
const WHOLE_TREE = { code: 'all', path: ROOT_PATH };

export async function listIndicators(ctx: ServiceContext): Promise<IndicatorDto[]> {
  authorize(ctx.access, 'indicators.read');
  return (await allIndicators(ctx.db)).map(presentIndicator);
}

export async function getIndicator(ctx: ServiceContext, options: { code: string }): Promise<IndicatorDto> {
  authorize(ctx.access, 'indicators.read');
  const row = await indicatorByCode(ctx.db, options.code);
  if (!row) throw new AppError('INDICATOR_NOT_FOUND', { code: options.code });
  return presentIndicator(row);
}

function assertConsistent(ctx: ServiceContext, candidate: IndicatorDto | IndicatorDefinition, others: IndicatorRow[]) {
  const problems = definitionProblems(
    candidate,
    others.map((row) => presentIndicator(row)),
  );
  if (problems.length === 0) return;
  const cycle = problems.find((p) => p.code === 'INDICATOR_FORMULA_CYCLE');
  const details = problems.map((p) => ({
    field: p.field,
    code: p.code,
    message: p.code.startsWith('INDICATOR_') ? errorMessage(p.code as ErrorCode, ctx.locale, p.params) : p.code,
  }));
  if (cycle) throw new AppError('INDICATOR_FORMULA_CYCLE', { path: cycle.params?.path ?? '' }, details);
  throw new AppError('INDICATOR_DEFINITION_INVALID', { summary: problems.map((p) => p.field).join(', ') }, details);
}

export async function createIndicator(ctx: ServiceContext, definition: IndicatorDefinition): Promise<IndicatorDto> {
  authorize(ctx.access, 'indicators.define', WHOLE_TREE);
  return ctx.db.transaction().execute(async (tx) => {
    await lockDefinitions(tx);
    const others = await allIndicators(tx);
    if (others.some((o) => o.code === definition.code)) {
      throw new AppError('INDICATOR_CODE_TAKEN', { code: definition.code }, [
        { field: 'code', code: 'INDICATOR_CODE_TAKEN', message: definition.code },
      ]);
    }
    assertConsistent(ctx, definition, others);
    const row = await insertIndicator(tx, { code: definition.code, ...indicatorColumns(definition) });
    const created = presentIndicator(row);
    await appendAudit(
      tx,
      ctx.actor,
      {
        action: 'indicator.created',
        entity: 'indicator',
        entityId: created.code,
        after: created,
      },
      ctx.clock.now(),
    );
    return created;
  });
}

export async function changeIndicator(
  ctx: ServiceContext,
  options: { code: string; version: number } & Partial<Omit<IndicatorDefinition, 'code'>>,
): Promise<IndicatorDto> {
  authorize(ctx.access, 'indicators.define', WHOLE_TREE);
  return ctx.db.transaction().execute(async (tx) => {
    await lockDefinitions(tx);
    const row = await lockIndicator(tx, options.code);
    if (!row) throw new AppError('INDICATOR_NOT_FOUND', { code: options.code });
    if (row.version !== options.version) throw new AppError('VERSION_CONFLICT', { current: row.version });
    const before = presentIndicator(row);
    const { version: _version, code: _code, ...changes } = options;
    const candidate = { ...before, ...changes };
    // Values already stored at one level and period type would mean something else under another.
    for (const field of ['entryLevel', 'periodType', 'source'] as const) {
      if (candidate[field] !== before[field] && (await indicatorHasValues(tx, row.id))) {
        throw new AppError('INDICATOR_DEFINITION_INVALID', { summary: field }, [
          { field, code: 'has_values', message: field },
        ]);
      }
    }
    assertConsistent(ctx, candidate, await allIndicators(tx));
    const updated = presentIndicator(await updateIndicator(tx, row.id, indicatorColumns(candidate)));
    if (updated.weightCode !== before.weightCode) await rebuildWeightedRollup(tx, row.id);
    await appendAudit(
      tx,
      ctx.actor,
      {
        action: 'indicator.changed',
        entity: 'indicator',
        entityId: row.code,
        before,
        after: updated,
      },
      ctx.clock.now(),
    );
    return updated;
  });
}
