import { appendAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { authorize } from '../auth/access.ts';
import type { ServiceContext } from '../auth/context.ts';
import { normalizeUnitCode } from '../org/codes.ts';
import { relocationsUnder, unitByCode } from './queries.ts';
import { readableUnit } from './service.ts';

/** The national cap on resettlement housing per person. */
export const HOUSING_CAP_M2_PER_PERSON = 25;

/** Relocation projects whose destination lies under the unit, with their origins and the area per person. */
export async function listRelocations(ctx: ServiceContext, options: { unit: string }) {
  const unit = await readableUnit(ctx, options.unit);
  const rows = await relocationsUnder(ctx.db, unit.path);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    destinationVillage: { code: row.destination_code, name: row.destination_name },
    originVillages: row.origins,
    movedOn: row.moved_on,
    households: row.households,
    persons: row.persons,
    housingAreaM2: Number(row.housing_area_m2),
    areaPerPersonM2: row.persons === 0 ? 0 : Number(row.housing_area_m2) / row.persons,
    reclaimedPlotM2: Number(row.reclaimed_plot_m2),
  }));
}

/** Records a relocation project; housing above 25 m² per person is refused with the figure found. */
export async function createRelocation(
  ctx: ServiceContext,
  options: {
    name: string;
    destinationVillageCode: string;
    originVillageCodes: string[];
    movedOn: string;
    households: number;
    persons: number;
    housingAreaM2: number;
    reclaimedPlotM2: number;
  },
) {
  authorize(ctx.access, 'registry.write');
  const perPerson = options.housingAreaM2 / options.persons;
  if (perPerson > HOUSING_CAP_M2_PER_PERSON) {
    throw new AppError('REGISTRY_RELOCATION_AREA_EXCEEDED', { perPerson: perPerson.toFixed(1) }, [
      { field: 'housingAreaM2', code: 'above_cap', message: `${perPerson.toFixed(1)} > ${HOUSING_CAP_M2_PER_PERSON}` },
    ]);
  }
  const codes = [options.destinationVillageCode, ...options.originVillageCodes];
  const villages = [];
  for (const [index, code] of codes.entries()) {
    const village = await unitByCode(ctx.db, normalizeUnitCode(code));
    const field = index === 0 ? 'destinationVillageCode' : `originVillageCodes.${index - 1}`;
    if (!village) throw new AppError('ORG_UNIT_NOT_FOUND', { code });
    authorize(ctx.access, 'registry.write', village);
    if (village.level !== 5) {
      throw new AppError('REGISTRY_NOT_A_VILLAGE', { code: village.code }, [
        { field, code: 'not_a_village', message: village.code },
      ]);
    }
    villages.push(village);
  }
  const [destination, ...origins] = villages;
  const id = await ctx.db.transaction().execute(async (tx) => {
    const project = await tx
      .insertInto('registry_relocation_project')
      .values({
        name: options.name,
        destination_village_id: destination!.id,
        moved_on: options.movedOn,
        households: options.households,
        persons: options.persons,
        housing_area_m2: options.housingAreaM2,
        reclaimed_plot_m2: options.reclaimedPlotM2,
        recorded_by: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('registry_relocation_origin')
      .values(
        [...new Map(origins.map((o) => [o.id, o])).values()].map((o) => ({ project_id: project.id, village_id: o.id })),
      )
      .execute();
    await appendAudit(
      tx,
      ctx.actor,
      {
        action: 'registry.relocation_recorded',
        entity: 'registry_relocation_project',
        entityId: project.id,
        unitPath: destination!.path,
        after: options,
      },
      ctx.clock.now(),
    );
    return project.id;
  });
  const created = (await listRelocations(ctx, { unit: destination!.code })).find((p) => p.id === id);
  if (!created) throw new Error(`relocation project ${id} vanished after commit`);
  return created;
}
