import type { Executor } from '../../platform/database.ts';
import type { AssessmentPeriod } from '../../platform/db-schema.ts';
import { storedIndicatorValues } from './queries.ts';

export type IndicatorReading = {
  unitId: number;
  itemCode: string;
  period: AssessmentPeriod;
  actual: number | null;
  target: number;
};

export type IndicatorRequest = {
  schemeId: string;
  year: number;
  unitIds: readonly number[];
  /** Each attainment item and the indicator code it reads. */
  items: readonly { itemCode: string; indicatorCode: string }[];
};

/**
 * Where attainment items get actual and target values. The default reads the values entered against the
 * scheme; the indicator module plugs its own reader in with `useIndicatorReader` at start-up.
 */
export type IndicatorReader = (db: Executor, request: IndicatorRequest) => Promise<IndicatorReading[]>;

export const enteredIndicatorValues: IndicatorReader = async (db, request) => {
  const wanted = new Set(request.items.map((item) => item.itemCode));
  const rows = await storedIndicatorValues(db, request.schemeId);
  return rows
    .filter((row) => wanted.has(row.item_code))
    .map((row) => ({
      unitId: row.unit_id,
      itemCode: row.item_code,
      period: row.period,
      actual: row.actual === null ? null : Number(row.actual),
      target: Number(row.target),
    }));
};

let current: IndicatorReader = enteredIndicatorValues;

export function useIndicatorReader(reader: IndicatorReader): void {
  current = reader;
}

export function indicatorReader(): IndicatorReader {
  return current;
}
