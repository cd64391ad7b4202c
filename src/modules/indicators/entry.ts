import { appendAudit } from '../../platform/audit.ts';
import { chinaDateOf } from '../../platform/calendar-date.ts';
import { AppError } from '../../platform/errors.ts';
import { authorize } from '../auth/access.ts';
import type { ServiceContext } from '../auth/context.ts';
import { normalizeUnitCode } from '../org/codes.ts';
import { loadDefinitions } from './analytics.ts';
import { numberOrNull } from './presenter.ts';
import { indicatorByCode, pathAt, unitByCode, valueChangesOf } from './queries.ts';
import { entryWindow, formatPeriod, period as parsePeriod, periodEnd, previousPeriod } from './rules/periods.ts';
import { activeExceptions, isLocked, storedCells } from './value-queries.ts';
import { type Issue, resolveEntries, writeValues } from './write-values.ts';

async function enterableUnit(ctx: ServiceContext, code: string, permission: 'indicators.read' | 'indicators.enter') {
  const unit = await unitByCode(ctx.db, normalizeUnitCode(code));
  if (!unit) throw new AppError('ORG_UNIT_NOT_FOUND', { code });
  authorize(ctx.access, permission, unit);
  return unit;
}

/**
 * The entry grid of a unit for a period: every indicator its level enters for that kind of period, one row
 * per category, with the stored value, the previous period's beside it, and whether entry is open.
 */
export async function getGrid(ctx: ServiceContext, options: { unit: string; period: string }) {
  const unit = await enterableUnit(ctx, options.unit, 'indicators.read');
  const p = parsePeriod(options.period);
  const previous = formatPeriod(previousPeriod(p));
  const definitions = [...(await loadDefinitions(ctx.db)).values()].filter(
    (d) => d.source === 'entered' && d.entry_level === unit.level && d.period_type === p.type,
  );
  const [cells, basePath, exceptions] = await Promise.all([
    storedCells(ctx.db, { unitId: unit.id, periods: [options.period, previous] }),
    pathAt(ctx.db, unit.id, periodEnd(p)),
    activeExceptions(ctx.db, { periods: [options.period], now: ctx.clock.now() }),
  ]);
  const cellOf = (indicatorId: number, period: string, category: string) =>
    cells.find((c) => c.indicator_id === indicatorId && c.period === period && c.category === category);
  const window = entryWindow(p, Math.max(0, ...definitions.map((d) => d.entry_window_days)));
  const today = chinaDateOf(ctx.clock.now());
  return {
    unit: unit.code,
    unitName: unit.name,
    period: options.period,
    locked: await isLocked(ctx.db, { period: options.period, pathAt: basePath }),
    window: {
      ...window,
      open: today >= window.opensOn && today <= window.closesOn,
      exception: exceptions.some((e) => unit.path.startsWith(e.path)),
    },
    rows: definitions.flatMap((d) =>
      (d.categories.length === 0 ? [''] : d.categories).map((category) => {
        const cell = cellOf(d.id, options.period, category);
        return {
          indicator: d.code,
          nameZh: d.name_zh,
          nameEn: d.name_en,
          measureUnit: d.measure_unit,
          valueType: d.value_type,
          category,
          value: cell ? Number(cell.value) : null,
          comment: cell?.comment ?? null,
          previous: numberOrNull(cellOf(d.id, previous, category)?.value ?? null),
          version: cell?.version ?? null,
        };
      }),
    ),
  };
}

/** The most telling error for a rejected save: scope, then locks and conflicts, then the values. */
export function rejection(issues: readonly Issue[]): AppError {
  const details = issues.map(({ row, ...issue }) => ({ ...issue, row }));
  const first = (code: string) => issues.find((i) => i.code === code);
  const outside = first('OUT_OF_SCOPE');
  if (outside) return new AppError('OUT_OF_SCOPE', { code: outside.message }, details);
  const locked = first('INDICATOR_PERIOD_LOCKED');
  if (locked) return new AppError('INDICATOR_PERIOD_LOCKED', { unit: '', period: '' }, details);
  if (first('VERSION_CONFLICT')) return new AppError('VERSION_CONFLICT', { current: '?' }, details);
  return new AppError('INDICATOR_VALUES_INVALID', { count: issues.length }, details);
}

/**
 * Saves the values a user typed into the grid of one unit and period, all or nothing, in one transaction
 * with its audit record (every changed value with its old and new value).
 */
export async function saveValues(
  ctx: ServiceContext,
  options: {
    unit: string;
    period: string;
    dryRun: boolean;
    values: { indicator: string; category: string; value: number; comment: string | null; version?: number | null }[];
  },
) {
  const unit = await enterableUnit(ctx, options.unit, 'indicators.enter');
  return ctx.db.transaction().execute(async (tx) => {
    const definitions = await loadDefinitions(tx);
    const inputs = options.values.map((v, index) => ({
      row: index,
      field: `values.${index}.`,
      indicator: v.indicator,
      unit: unit.code,
      period: options.period,
      category: v.category,
      value: v.value,
      comment: v.comment,
      expectedVersion: v.version,
    }));
    const { staged, issues } = await resolveEntries(ctx, tx, definitions, inputs);
    if (issues.length > 0) throw rejection(issues);
    const outcome = await writeValues(ctx, tx, definitions, staged, {
      dryRun: options.dryRun,
      fieldOf: (row, column) => `values.${row}.${column}`,
    });
    if (outcome.issues.length > 0) throw rejection(outcome.issues);
    if (!options.dryRun && outcome.changed > 0) {
      const codeOf = new Map([...definitions.values()].map((d) => [d.id, d.code]));
      await appendAudit(
        tx,
        ctx.actor,
        {
          action: 'indicator.values_saved',
          entity: 'indicator_value',
          entityId: `${unit.code}@${options.period}`,
          unitPath: unit.path,
          before: outcome.sample.map((c) => ({
            indicator: codeOf.get(c.indicator_id),
            category: c.category,
            value: numberOrNull(c.old_value),
          })),
          after: outcome.sample.map((c) => ({
            indicator: codeOf.get(c.indicator_id),
            category: c.category,
            value: Number(c.new_value),
          })),
        },
        ctx.clock.now(),
      );
    }
    return { dryRun: options.dryRun, changed: outcome.changed, unchanged: staged.length - outcome.changed };
  });
}

/**
 * Every logged change of a unit's values for a period (grid saves and imports alike), newest first: the value's
 * audit trail with the old and the new value, readable by whoever may read the unit.
 */
export async function getValueHistory(
  ctx: ServiceContext,
  options: { unit: string; period: string; indicator?: string; limit: number },
) {
  const unit = await enterableUnit(ctx, options.unit, 'indicators.read');
  let indicatorId: number | undefined;
  if (options.indicator !== undefined) {
    const indicator = await indicatorByCode(ctx.db, options.indicator);
    if (!indicator) throw new AppError('INDICATOR_NOT_FOUND', { code: options.indicator });
    indicatorId = indicator.id;
  }
  const changes = await valueChangesOf(ctx.db, {
    unitId: unit.id,
    period: options.period,
    indicatorId,
    limit: options.limit,
  });
  return {
    unit: unit.code,
    period: options.period,
    items: changes.map((c) => ({
      indicator: c.indicator,
      category: c.category,
      oldValue: numberOrNull(c.old_value),
      newValue: Number(c.new_value),
      comment: c.comment,
      changedBy: c.changed_by,
      changedAt: new Date(c.changed_at).toISOString(),
      requestId: c.request_id,
    })),
  };
}
