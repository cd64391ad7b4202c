import type { Executor } from '../../platform/database.ts';
import type { IndicatorRow } from '../../platform/db-schema.ts';
import { AppError } from '../../platform/errors.ts';
import { authorize } from '../auth/access.ts';
import type { ServiceContext } from '../auth/context.ts';
import { normalizeUnitCode } from '../org/codes.ts';
import { targetsOf, valuesUnder } from './analytics-queries.ts';
import { type CellValue, evaluateAtLevel, type LevelValues, type Scope } from './engine.ts';
import { numberOrNull } from './presenter.ts';
import { allIndicators, pathAt, unitByCode, unitNamesAt, unitsAtLevel } from './queries.ts';
import { rankValues } from './rules/aggregation.ts';
import { attainment, ragOf } from './rules/attainment.ts';
import {
  formatPeriod,
  type Period,
  period as parsePeriodText,
  periodEnd,
  previousPeriod,
  shiftPeriod,
  subPeriods,
} from './rules/periods.ts';

type TargetRow = Awaited<ReturnType<typeof targetsOf>>[number];

export async function loadDefinitions(db: Executor) {
  return new Map((await allIndicators(db)).map((row) => [row.code, row]));
}

function definitionOf(definitions: ReadonlyMap<string, IndicatorRow>, code: string) {
  const indicator = definitions.get(code);
  if (!indicator) throw new AppError('INDICATOR_NOT_FOUND', { code });
  return indicator;
}

/** The unit the question is about, checked against the caller's scope, and its place on the period's day. */
async function readableDivision(ctx: ServiceContext, code: string) {
  const unit = await unitByCode(ctx.db, normalizeUnitCode(code));
  if (!unit) throw new AppError('ORG_UNIT_NOT_FOUND', { code });
  authorize(ctx.access, 'indicators.read', unit);
  if (unit.level === null) throw new AppError('ANALYTICS_LEVEL_INVALID', { level: '-', code: unit.code });
  return { ...unit, level: unit.level };
}

async function scopeOf(db: Executor, unit: { id: number; path: string }, p: Period, level: number): Promise<Scope> {
  return { basePath: await pathAt(db, unit.id, periodEnd(p)), currentPath: unit.path, level };
}

/** Value, target, attainment and colour of one cell. */
function figures(indicator: IndicatorRow, cell: CellValue | undefined, target: TargetRow | undefined) {
  const value = cell?.value ?? null;
  const targetValue = target ? Number(target.target) : null;
  const baseline = target ? numberOrNull(target.baseline) : null;
  const reached = attainment({ value, target: targetValue, baseline, direction: indicator.direction });
  return {
    value,
    reason: cell === undefined ? 'NO_DATA' : cell.reason,
    target: targetValue,
    baseline,
    attainment: reached === null ? null : Math.round(reached * 10_000) / 10_000,
    rag: target ? ragOf(reached, { greenAt: Number(target.green_at), amberAt: Number(target.amber_at) }) : null,
  };
}

/** Evaluates one indicator for one unit: the building block of cells, series and alerts. */
export async function evaluateCell(
  db: Executor,
  definitions: ReadonlyMap<string, IndicatorRow>,
  indicator: IndicatorRow,
  unit: { id: number; code: string; path: string; level: number },
  p: Period,
) {
  const values = await evaluateAtLevel(db, definitions, indicator, p, await scopeOf(db, unit, p, unit.level));
  const [target] = await targetsOf(db, { indicatorId: indicator.id, period: formatPeriod(p), unitCodes: [unit.code] });
  return figures(indicator, values.get(unit.code), target);
}

export async function getCell(ctx: ServiceContext, options: { indicator: string; unit: string; period: string }) {
  const unit = await readableDivision(ctx, options.unit);
  const definitions = await loadDefinitions(ctx.db);
  const indicator = definitionOf(definitions, options.indicator);
  const p = parsePeriodText(options.period);
  const [names, cell] = await Promise.all([
    unitNamesAt(ctx.db, [unit.code], periodEnd(p)),
    evaluateCell(ctx.db, definitions, indicator, unit, p),
  ]);
  return {
    indicator: indicator.code,
    unit: unit.code,
    unitName: names.get(unit.code) ?? unit.name,
    period: options.period,
    ...cell,
  };
}

/**
 * One row per unit at `level` under the unit, ranked among these peers in the indicator's good direction,
 * with the rank of the previous period beside it. Units that existed but have no data are listed unranked.
 */
export async function getLevel(
  ctx: ServiceContext,
  options: { indicator: string; unit: string; period: string; level: number },
) {
  const unit = await readableDivision(ctx, options.unit);
  if (options.level < unit.level) {
    throw new AppError('ANALYTICS_LEVEL_INVALID', { level: options.level, code: unit.code });
  }
  const definitions = await loadDefinitions(ctx.db);
  const indicator = definitionOf(definitions, options.indicator);
  const p = parsePeriodText(options.period);
  const previous = previousPeriod(p);
  const day = periodEnd(p);
  const [current, before, units] = await Promise.all([
    scopeOf(ctx.db, unit, p, options.level).then((s) => evaluateAtLevel(ctx.db, definitions, indicator, p, s)),
    scopeOf(ctx.db, unit, previous, options.level).then((s) =>
      evaluateAtLevel(ctx.db, definitions, indicator, previous, s),
    ),
    unitsAtLevel(ctx.db, { path: unit.path, level: options.level, day }),
  ]);
  const codes = [...new Set([...units.map((u) => u.code), ...current.keys()])];
  const listed = new Map(units.map((u) => [u.code, u.name]));
  // Units listed have their names; only units that moved away since need looking up.
  const [moved, targets] = await Promise.all([
    unitNamesAt(
      ctx.db,
      codes.filter((code) => !listed.has(code)),
      day,
    ),
    targetsOf(ctx.db, { indicatorId: indicator.id, period: options.period, unitCodes: codes }),
  ]);
  const names = new Map([...listed, ...moved]);
  const targetByCode = new Map(targets.map((t) => [t.code, t]));
  const previousRanks = ranksOf(indicator, codes, before);
  const ranked = rankValues(
    codes.map((code) => ({
      unit: code,
      unitName: names.get(code) ?? code,
      ...figures(indicator, current.get(code), targetByCode.get(code)),
    })),
    indicator.direction,
  );
  const items = ranked
    .map((row) => {
      const previousRank = previousRanks.get(row.unit) ?? null;
      return {
        ...row,
        previousRank,
        rankChange: row.rank === null || previousRank === null ? null : previousRank - row.rank,
      };
    })
    .sort(
      (a, b) =>
        (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) || a.unit.localeCompare(b.unit),
    );
  return {
    indicator: indicator.code,
    unit: unit.code,
    unitName: unit.name,
    period: options.period,
    level: options.level,
    items,
  };
}

function ranksOf(indicator: IndicatorRow, codes: readonly string[], values: LevelValues) {
  const ranked = rankValues(
    codes.map((code) => ({ code, value: values.get(code)?.value ?? null })),
    indicator.direction,
  );
  return new Map(ranked.map((r) => [r.code, r.rank]));
}

/** The cell for `count` consecutive periods ending with `period`: the trend line of a dashboard. */
export async function getSeries(
  ctx: ServiceContext,
  options: { indicator: string; unit: string; period: string; count: number },
) {
  const unit = await readableDivision(ctx, options.unit);
  const definitions = await loadDefinitions(ctx.db);
  const indicator = definitionOf(definitions, options.indicator);
  const last = parsePeriodText(options.period);
  const periods = Array.from({ length: options.count }, (_, i) => shiftPeriod(last, i - options.count + 1));
  const items = [];
  for (const p of periods) {
    items.push({ period: formatPeriod(p), ...(await evaluateCell(ctx.db, definitions, indicator, unit, p)) });
  }
  return { indicator: indicator.code, unit: unit.code, items };
}

/** The entered values a figure is made of; a formula shows those of its operands. */
export async function getSourceRows(
  ctx: ServiceContext,
  options: { indicator: string; unit: string; period: string; limit: number },
) {
  const unit = await readableDivision(ctx, options.unit);
  const definitions = await loadDefinitions(ctx.db);
  const p = parsePeriodText(options.period);
  const basePath = await pathAt(ctx.db, unit.id, periodEnd(p));
  const entered = enteredLeaves(definitions, definitionOf(definitions, options.indicator));
  const items = [];
  for (const indicator of entered) {
    const rows = await valuesUnder(ctx.db, {
      indicatorId: indicator.id,
      periods: subPeriods(p, indicator.period_type).map(formatPeriod),
      basePath,
      limit: options.limit - items.length,
    });
    items.push(
      ...rows.map((r) => ({
        indicator: indicator.code,
        unit: r.code,
        unitName: r.name,
        period: r.period,
        category: r.category,
        value: Number(r.value),
        comment: r.comment,
        enteredBy: r.entered_by,
        enteredAt: new Date(r.entered_at).toISOString(),
      })),
    );
    if (items.length >= options.limit) break;
  }
  return items;
}

function enteredLeaves(
  definitions: ReadonlyMap<string, IndicatorRow>,
  indicator: IndicatorRow,
  depth = 0,
): IndicatorRow[] {
  if (indicator.source === 'entered') return [indicator];
  if (indicator.source !== 'formula' || depth > 10) return [];
  return [indicator.numerator_code, indicator.denominator_code]
    .map((code) => (code === null ? undefined : definitions.get(code)))
    .filter((d): d is IndicatorRow => d !== undefined)
    .flatMap((d) => enteredLeaves(definitions, d, depth + 1));
}
