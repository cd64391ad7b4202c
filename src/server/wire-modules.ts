import { useIndicatorReader } from '../modules/assessment/indicator-reader.ts';
import { indicatorModuleReader } from '../modules/indicators/assessment-reader.ts';
import { registerComputedSource } from '../modules/indicators/computed-sources.ts';
import { REGISTRY_INDICATOR_CODES, registryFiguresOf } from '../modules/registry/indicator-source.ts';
import { unitByCode } from '../modules/registry/queries.ts';

/**
 * The plug-ins between modules, set once at start: the registry's live figures become computed indicators
 * (`poverty.*`, `population.rural`), and assessment reads attainment from the indicator module.
 * Modules stay unaware of each other; only this file knows both sides.
 */
export function wireModules(): void {
  for (const code of REGISTRY_INDICATOR_CODES) {
    registerComputedSource(code, async ({ db, period, units }) => {
      const values = new Map<string, number>();
      for (const { code: unitCode } of units) {
        // The registry sums villages by their current path, so the unit is looked up as it is now.
        const unit = await unitByCode(db, unitCode);
        if (!unit) continue;
        const value = (await registryFiguresOf(db, unit, period.year))[code];
        // The registry's contract gives incidence as a fraction; the indicator is a percentage like every other.
        if (value !== null) values.set(unitCode, code === 'poverty.incidence' ? value * 100 : value);
      }
      return values;
    });
  }
  useIndicatorReader(indicatorModuleReader);
}
