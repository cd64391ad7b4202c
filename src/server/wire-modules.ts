import { useIndicatorReader } from '../modules/assessment/indicator-reader.ts';
import { indicatorModuleReader } from '../modules/indicators/assessment-reader.ts';
import { registerComputedSource } from '../modules/indicators/computed-sources.ts';
import { followUnitMoves } from '../modules/org/unit-moves.ts';
import { REGISTRY_INDICATOR_CODES, registryFiguresByUnit } from '../modules/registry/indicator-source.ts';
import { rewritePathCopies } from '../modules/tasks/queries.ts';

/**
 * The plug-ins between modules, set once at start: the registry's live figures become computed indicators
 * (`poverty.*`, `population.rural`), assessment reads attainment from the indicator module, and the work
 * loop's copies of unit paths (tasks, grants, the colour tally, notices, inboxes) follow units the org tree
 * moves, in the org change's transaction.
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
  followUnitMoves('loop.paths', rewritePathCopies);
}
