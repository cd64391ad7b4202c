import { useIndicatorReader } from '../modules/assessment/indicator-reader.ts';
import { indicatorModuleReader } from '../modules/indicators/assessment-reader.ts';
import { registerComputedSource } from '../modules/indicators/computed-sources.ts';
import { REGISTRY_INDICATOR_CODES, registryFiguresByUnit } from '../modules/registry/indicator-source.ts';

/**
 * The plug-ins between modules, set once at start: the registry's live figures become computed indicators
 * (`poverty.*`, `population.rural`), and assessment reads attainment from the indicator module.
 * Modules stay unaware of each other; only this file knows both sides.
 */
export function wireModules(): void {
  for (const code of REGISTRY_INDICATOR_CODES) {
    registerComputedSource(code, async ({ db, period, units }) => {
      const figures = await registryFiguresByUnit(db, { codes: units.map((unit) => unit.code), year: period.year });
      const values = new Map<string, number>();
      for (const [unitCode, unitFigures] of figures) {
        const value = unitFigures[code];
        // The registry's contract gives incidence as a fraction; the indicator is a percentage like every other.
        if (value !== null) values.set(unitCode, code === 'poverty.incidence' ? value * 100 : value);
      }
      return values;
    });
  }
  useIndicatorReader(indicatorModuleReader);
}
