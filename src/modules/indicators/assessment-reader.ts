import { enteredIndicatorValues, type IndicatorReader, type IndicatorReading } from '../assessment/indicator-reader.ts';
import { unitsByIds } from '../org/queries.ts';
import { evaluateCell, loadDefinitions } from './analytics.ts';
import { period } from './rules/periods.ts';

/**
 * Attainment items of an assessment read the indicator module: the unit's value for the scheme's year against
 * its target there. Values entered against the scheme itself still win, so a scheme can assess something the
 * indicator module does not hold; a unit without a target for the year gives no reading.
 */
export const indicatorModuleReader: IndicatorReader = async (db, request) => {
  const entered = await enteredIndicatorValues(db, request);
  const answered = new Set(entered.map((reading) => reading.itemCode));
  const definitions = await loadDefinitions(db);
  const wanted = request.items.filter((item) => !answered.has(item.itemCode) && definitions.has(item.indicatorCode));
  if (wanted.length === 0) return entered;
  const units = (await unitsByIds(db, request.unitIds)).filter((unit) => unit.level !== null);
  const year = period(String(request.year));
  const readings: IndicatorReading[] = [...entered];
  for (const item of wanted) {
    const indicator = definitions.get(item.indicatorCode);
    if (!indicator) continue;
    for (const unit of units) {
      const cell = await evaluateCell(db, definitions, indicator, { ...unit, level: unit.level ?? 0 }, year);
      if (cell.target === null) continue;
      readings.push({
        unitId: unit.id,
        itemCode: item.itemCode,
        period: 'year',
        actual: cell.value,
        target: cell.target,
      });
    }
  }
  return readings;
};
