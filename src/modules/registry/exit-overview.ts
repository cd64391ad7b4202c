import type { ServiceContext } from '../auth/context.ts';
import { exitUnitsUnder, latestExitApplications } from './exit-queries.ts';
import { assessUnitsExit } from './exits.ts';
import { readableUnit } from './service.ts';

/**
 * The villages or counties under a unit with their exit metrics for a year against the thresholds (the same
 * assessment as one unit's), and where each one's application stands. Paged: a county has hundreds of villages.
 */
export async function listExitOverview(
  ctx: ServiceContext,
  options: { unit: string; year: number; level: 'village' | 'county'; limit: number; offset: number },
) {
  const under = await readableUnit(ctx, options.unit);
  const [units, total] = await exitUnitsUnder(ctx.db, {
    path: under.path,
    level: options.level === 'village' ? 5 : 3,
    limit: options.limit,
    offset: options.offset,
  });
  const applications = new Map(
    (await latestExitApplications(ctx.db, { unitIds: units.map((u) => u.id), year: options.year })).map((a) => [
      a.unit_id,
      a,
    ]),
  );
  const assessments = await assessUnitsExit(ctx, units, options.year);
  const items = units.map((unit, index) => {
    const application = applications.get(unit.id);
    return {
      ...assessments[index]!,
      unitName: unit.name,
      application: application
        ? { id: application.id, status: application.status, nextStep: application.next_step }
        : null,
    };
  });
  return { items, total };
}
