import { appendAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { authorize } from '../auth/access.ts';
import type { ServiceContext } from '../auth/context.ts';
import { normalizeUnitCode } from '../org/codes.ts';
import { numberOrNull } from './presenter.ts';
import { indicatorByCode, lockTarget, targetsForUnit, unitByCode, upsertTarget } from './queries.ts';

type TargetRow = Awaited<ReturnType<typeof targetsForUnit>>[number];

function presentTarget(row: TargetRow) {
  return {
    indicator: row.indicator,
    unit: row.unit,
    unitName: row.unit_name,
    period: row.period,
    baseline: numberOrNull(row.baseline),
    target: Number(row.target),
    greenAt: Number(row.green_at),
    amberAt: Number(row.amber_at),
    version: row.version,
  };
}

async function unitFor(ctx: ServiceContext, code: string, permission: 'indicators.read' | 'indicators.target') {
  const unit = await unitByCode(ctx.db, normalizeUnitCode(code));
  if (!unit) throw new AppError('ORG_UNIT_NOT_FOUND', { code });
  authorize(ctx.access, permission, unit);
  return unit;
}

async function indicatorFor(ctx: ServiceContext, code: string) {
  const indicator = await indicatorByCode(ctx.db, code);
  if (!indicator) throw new AppError('INDICATOR_NOT_FOUND', { code });
  return indicator;
}

export async function listTargets(ctx: ServiceContext, options: { unit: string; indicator?: string }) {
  const unit = await unitFor(ctx, options.unit, 'indicators.read');
  const indicator = options.indicator === undefined ? undefined : await indicatorFor(ctx, options.indicator);
  return (await targetsForUnit(ctx.db, { unitId: unit.id, indicatorId: indicator?.id })).map(presentTarget);
}

/**
 * Sets a target (with its baseline and colour thresholds) for an indicator, unit and period: a first-class
 * record, not a value of a look-alike indicator. Changing one needs the version read (409 otherwise).
 */
export async function putTarget(
  ctx: ServiceContext,
  options: {
    indicator: string;
    unit: string;
    period: string;
    baseline: number | null;
    target: number;
    greenAt: number;
    amberAt: number;
    version?: number;
  },
) {
  const unit = await unitFor(ctx, options.unit, 'indicators.target');
  const indicator = await indicatorFor(ctx, options.indicator);
  if (options.amberAt > options.greenAt) {
    throw new AppError('VALIDATION_FAILED', { summary: 'amberAt' }, [
      { field: 'amberAt', code: 'above_green', message: String(options.greenAt) },
    ]);
  }
  await ctx.db.transaction().execute(async (tx) => {
    const key = { indicatorId: indicator.id, unitId: unit.id, period: options.period };
    const existing = await lockTarget(tx, key);
    if ((existing?.version ?? undefined) !== options.version) {
      throw new AppError('VERSION_CONFLICT', { current: existing?.version ?? 0 });
    }
    await upsertTarget(tx, {
      indicator_id: indicator.id,
      unit_id: unit.id,
      period: options.period,
      baseline: options.baseline,
      target: options.target,
      green_at: options.greenAt,
      amber_at: options.amberAt,
    });
    await appendAudit(
      tx,
      ctx.actor,
      {
        action: 'indicator.target_set',
        entity: 'indicator_target',
        entityId: `${indicator.code}@${unit.code}@${options.period}`,
        unitPath: unit.path,
        before: existing
          ? { baseline: numberOrNull(existing.baseline), target: Number(existing.target), version: existing.version }
          : null,
        after: {
          baseline: options.baseline,
          target: options.target,
          greenAt: options.greenAt,
          amberAt: options.amberAt,
        },
      },
      ctx.clock.now(),
    );
  });
  const rows = await targetsForUnit(ctx.db, { unitId: unit.id, indicatorId: indicator.id });
  return presentTarget(rows.find((r) => r.period === options.period) as TargetRow);
}
