/**
 * How values combine across periods (a year from its months), ranks, and weighted averages. Sums and averages
 * across units are computed in SQL from the maintained roll-ups (analytics-queries.ts).
 */
export type UnitAggregation = 'sum' | 'average' | 'weighted_average' | 'none';
export type PeriodAggregation = 'sum' | 'last' | 'average';

/** A weighted average from Σ value×weight and Σ weight; no weight, no value. */
export function weightedAverage(weightedTotal: number, weightTotal: number): number | null {
  return weightTotal === 0 ? null : weightedTotal / weightTotal;
}

/** Combines a unit's values of consecutive periods, in period order; missing periods are null. */
export function combinePeriods(method: PeriodAggregation, values: readonly (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return null;
  if (method === 'sum') return present.reduce((a, b) => a + b, 0);
  if (method === 'average') return present.reduce((a, b) => a + b, 0) / present.length;
  return present[present.length - 1] ?? null;
}

/**
 * Competition ranking (1, 2, 2, 4) in the indicator's good direction; units without a value get no rank.
 */
export function rankValues<T extends { value: number | null }>(
  rows: readonly T[],
  direction: 'up' | 'down',
): (T & { rank: number | null })[] {
  const ordered = rows
    .map((row) => row.value)
    .filter((v): v is number => v !== null)
    .sort((a, b) => (direction === 'up' ? b - a : a - b));
  const firstPlace = new Map<number, number>();
  ordered.forEach((value, index) => {
    if (!firstPlace.has(value)) firstPlace.set(value, index + 1);
  });
  return rows.map((row) => ({ ...row, rank: row.value === null ? null : (firstPlace.get(row.value) ?? null) }));
}
