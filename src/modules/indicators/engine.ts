import type { Executor } from '../../platform/database.ts';
import type { IndicatorRow } from '../../platform/db-schema.ts';
import { AppError } from '../../platform/errors.ts';
import { valuesAtLevel, weightedTotalsAtLevel } from './analytics-queries.ts';
import { computedSource } from './computed-sources.ts';
import { unitsAtLevel } from './queries.ts';
import { combinePeriods, weightedAverage } from './rules/aggregation.ts';
import { type Evaluated, evaluateRatio } from './rules/formulas.ts';
import { canAggregateInto, formatPeriod, type Period, periodEnd, subPeriods } from './rules/periods.ts';

export type CellValue = { value: number | null; reason: Evaluated['reason'] | 'SOURCE_UNAVAILABLE' };
/** Values of the units at one level, by unit code; a unit missing from the map has no data. */
export type LevelValues = Map<string, CellValue>;

export type Scope = {
  /** The base unit's path as of the period's last day. */
  basePath: string;
  /** The base unit's current path, to list units that exist but have no data. */
  currentPath: string;
  level: number;
};

const MAX_FORMULA_DEPTH = 10;

export const codeOfPath = (path: string): string => path.slice(path.lastIndexOf('/', path.length - 2) + 1, -1);

/**
 * The value of an indicator for every unit at `scope.level` under the base unit, for one period, whatever
 * its source: entered values (their roll-ups above the entry level), a formula over other indicators, or a
 * provider of another module. Coarser periods combine the indicator's own periods (months into a year).
 */
export async function evaluateAtLevel(
  db: Executor,
  definitions: ReadonlyMap<string, IndicatorRow>,
  indicator: IndicatorRow,
  period: Period,
  scope: Scope,
  depth = 0,
): Promise<LevelValues> {
  if (depth > MAX_FORMULA_DEPTH) throw new Error(`formula nesting too deep at ${indicator.code}`);
  if (indicator.source === 'formula') {
    const operand = (code: string | null) => {
      const definition = code === null ? undefined : definitions.get(code);
      if (!definition) throw new Error(`formula ${indicator.code} refers to a missing indicator ${code}`);
      return evaluateAtLevel(db, definitions, definition, period, scope, depth + 1);
    };
    const [numerators, denominators] = await Promise.all([
      operand(indicator.numerator_code),
      operand(indicator.denominator_code),
    ]);
    const result: LevelValues = new Map();
    for (const code of new Set([...numerators.keys(), ...denominators.keys()])) {
      result.set(
        code,
        evaluateRatio(
          numerators.get(code)?.value ?? null,
          denominators.get(code)?.value ?? null,
          Number(indicator.factor),
        ),
      );
    }
    return result;
  }
  if (indicator.source === 'computed') return evaluateComputed(db, indicator, period, scope);
  return evaluateEntered(db, indicator, period, scope);
}

function nativePeriods(indicator: IndicatorRow, period: Period): string[] {
  if (!canAggregateInto(indicator.period_type, period.type)) {
    throw new AppError('ANALYTICS_PERIOD_TOO_FINE', {
      code: indicator.code,
      type: indicator.period_type,
      period: formatPeriod(period),
    });
  }
  return subPeriods(period, indicator.period_type).map(formatPeriod);
}

async function evaluateEntered(
  db: Executor,
  indicator: IndicatorRow,
  period: Period,
  scope: Scope,
): Promise<LevelValues> {
  const periods = nativePeriods(indicator, period);
  const entryLevel = indicator.entry_level ?? 5;
  const result: LevelValues = new Map();
  if (scope.level > entryLevel) return result;
  if (indicator.unit_aggregation === 'weighted_average' && scope.level < entryLevel) {
    // Weighted averages come from their roll-up: Σ value × weight ÷ Σ weight per native period, then combined.
    const perUnit = new Map<string, Map<string, number | null>>();
    const rows = await weightedTotalsAtLevel(db, {
      indicatorId: indicator.id,
      periods,
      basePath: scope.basePath,
      level: scope.level,
    });
    for (const row of rows) {
      const code = codeOfPath(row.path);
      if (!perUnit.has(code)) perUnit.set(code, new Map());
      perUnit.get(code)?.set(row.period, weightedAverage(row.weighted, row.weight));
    }
    for (const [code, values] of perUnit) {
      const value = combinePeriods(
        indicator.period_aggregation,
        periods.map((p) => values.get(p) ?? null),
      );
      result.set(code, { value, reason: value === null ? 'NO_DATA' : null });
    }
    return result;
  }
  const atEntryLevel = scope.level === entryLevel;
  if (!atEntryLevel && indicator.unit_aggregation === 'none') return result;
  const rows = await valuesAtLevel(db, {
    indicatorId: indicator.id,
    period: formatPeriod(period),
    periods,
    basePath: scope.basePath,
    level: scope.level,
    atEntryLevel,
    unitAggregation: indicator.unit_aggregation,
    periodAggregation: indicator.period_aggregation,
  });
  for (const row of rows) result.set(codeOfPath(row.path), { value: row.value, reason: null });
  return result;
}

async function evaluateComputed(
  db: Executor,
  indicator: IndicatorRow,
  period: Period,
  scope: Scope,
): Promise<LevelValues> {
  const day = periodEnd(period);
  const units = await unitsAtLevel(db, { path: scope.currentPath, level: scope.level, day });
  const source = indicator.computed_key === null ? undefined : computedSource(indicator.computed_key);
  const result: LevelValues = new Map();
  if (!source) {
    for (const unit of units) result.set(unit.code, { value: null, reason: 'SOURCE_UNAVAILABLE' });
    return result;
  }
  const values = await source({ db, period, day, units });
  for (const unit of units) {
    const value = values.get(unit.code) ?? null;
    result.set(unit.code, { value, reason: value === null ? 'NO_DATA' : null });
  }
  return result;
}
