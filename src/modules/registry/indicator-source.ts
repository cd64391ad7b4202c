import type { Executor } from '../../platform/database.ts';
import { normalizeUnitCode } from '../org/codes.ts';
import { sumStats, sumStatsByUnit, unitByCode } from './queries.ts';
import { presentStats } from './presenter.ts';

/** The stable codes under which the indicator module shows the registry's live figures. */
export const REGISTRY_INDICATOR_CODES = [
  'poverty.registered_persons',
  'poverty.poor_persons',
  'poverty.incidence',
  'poverty.monitored_persons',
  'population.rural',
] as const;
export type RegistryIndicatorCode = (typeof REGISTRY_INDICATOR_CODES)[number];

export type RegistryIndicatorValue = { unit: string; year: number; code: RegistryIndicatorCode; value: number | null };

/**
 * The registry's figures for one unit (by its code and current path) and year, keyed by indicator code, from
 * the same per-village aggregates as `GET /api/registry/stats` (kept current in every registry transaction,
 * so never stale). Incidence is a fraction; null without population.
 */
export async function registryFiguresOf(
  db: Executor,
  unit: { code: string; path: string },
  year: number,
): Promise<Record<RegistryIndicatorCode, number | null>> {
  const [row] = await sumStats(db, { path: unit.path, years: [year] });
  return figuresFrom(presentStats(unit.code, year, row));
}

/** The figures of many units (by code) for a year in one statement; units without records are left out. */
export async function registryFiguresByUnit(
  db: Executor,
  options: { codes: readonly string[]; year: number },
): Promise<Map<string, Record<RegistryIndicatorCode, number | null>>> {
  const rows = await sumStatsByUnit(db, options);
  return new Map(rows.map((row) => [row.code, figuresFrom(presentStats(row.code, options.year, row))]));
}

function figuresFrom(stats: ReturnType<typeof presentStats>): Record<RegistryIndicatorCode, number | null> {
  return {
    'poverty.registered_persons': stats.registeredPersons,
    'poverty.poor_persons': stats.poorPersons,
    'poverty.incidence': stats.incidence,
    'poverty.monitored_persons': stats.monitoredPersons,
    'population.rural': stats.ruralPopulation,
  };
}

/** Live values of the registry's computed indicators for units given by code; the caller checks access. */
export async function registryIndicatorValues(
  db: Executor,
  options: { unitCodes: readonly string[]; year: number },
): Promise<RegistryIndicatorValue[]> {
  const values: RegistryIndicatorValue[] = [];
  for (const code of options.unitCodes) {
    const unit = await unitByCode(db, normalizeUnitCode(code));
    if (!unit) continue;
    const figures = await registryFiguresOf(db, unit, options.year);
    for (const indicator of REGISTRY_INDICATOR_CODES) {
      values.push({ unit: unit.code, year: options.year, code: indicator, value: figures[indicator] });
    }
  }
  return values;
}
