import { appendAudit } from '../../platform/audit.ts';
import type { Executor } from '../../platform/database.ts';
import { AppError } from '../../platform/errors.ts';
import { authorize } from '../auth/access.ts';
import type { ServiceContext } from '../auth/context.ts';
import { normalizeUnitCode } from '../org/codes.ts';
import { lineSettings, refreshVillageStats, unitByCode } from './queries.ts';
import { type DatedSetting, settingFor } from './rules/poverty-lines.ts';

export type LineKind = 'poverty' | 'monitoring' | 'incidence_threshold';

function presentSetting(row: Awaited<ReturnType<typeof lineSettings>>[number]) {
  return {
    id: row.id,
    kind: row.kind,
    region: row.region,
    effectiveFrom: row.effective_from,
    value: Number(row.value),
    recordedAt: new Date(row.recorded_at).toISOString(),
  };
}

/** The stored history of a line, in the shape the pure rules read. */
export async function lineHistory(db: Executor, kind: LineKind): Promise<DatedSetting<number>[]> {
  return (await lineSettings(db, kind)).map((row) => ({
    effectiveFrom: row.effective_from,
    value: Number(row.value),
    ...(row.region === null ? {} : { region: row.region }),
  }));
}

/** The line in force on a day for a unit (its province's own line beats the national one). */
export async function lineOn(db: Executor, options: { kind: LineKind; date: string; unitCode: string }) {
  const setting = settingFor(await lineHistory(db, options.kind), options.date, options.unitCode);
  if (!setting) {
    throw new AppError('REGISTRY_SETTING_MISSING', { kind: options.kind, year: options.date.slice(0, 4) });
  }
  return setting.value;
}

export async function listLineSettings(ctx: ServiceContext) {
  authorize(ctx.access, 'registry.read');
  return (await lineSettings(ctx.db)).map(presentSetting);
}

/** Settings are append-only: a correction is a later entry, so every past decision can be re-read. */
export async function addLineSetting(
  ctx: ServiceContext,
  options: { kind: LineKind; region?: string; effectiveFrom: string; value: number },
) {
  authorize(ctx.access, 'registry.manage');
  const row = await ctx.db.transaction().execute(async (tx) => {
    const inserted = await tx
      .insertInto('registry_line_setting')
      .values({
        kind: options.kind,
        region: options.region ?? null,
        effective_from: options.effectiveFrom,
        value: options.value,
        recorded_by: ctx.actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(
      tx,
      ctx.actor,
      { action: 'registry.line_setting_added', entity: 'registry_line_setting', entityId: inserted.id, after: options },
      ctx.clock.now(),
    );
    return inserted;
  });
  return presentSetting(row);
}

/** A village's rural population from a year on (the incidence's denominator); its statistics follow at once. */
export async function setRuralPopulation(
  ctx: ServiceContext,
  options: { villageCode: string; year: number; population: number },
) {
  authorize(ctx.access, 'registry.manage');
  const village = await unitByCode(ctx.db, normalizeUnitCode(options.villageCode));
  if (!village) throw new AppError('ORG_UNIT_NOT_FOUND', { code: options.villageCode });
  authorize(ctx.access, 'registry.manage', village);
  if (village.level !== 5) {
    throw new AppError('REGISTRY_NOT_A_VILLAGE', { code: village.code }, [
      { field: 'villageCode', code: 'not_a_village', message: village.code },
    ]);
  }
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('registry_rural_population')
      .values({ village_id: village.id, year: options.year, population: options.population })
      .onConflict((oc) => oc.columns(['village_id', 'year']).doUpdateSet({ population: options.population }))
      .execute();
    await refreshVillageStats(tx, [village.id]);
    await appendAudit(
      tx,
      ctx.actor,
      {
        action: 'registry.rural_population_set',
        entity: 'org_unit',
        entityId: village.code,
        unitPath: village.path,
        after: { year: options.year, population: options.population },
      },
      ctx.clock.now(),
    );
  });
  return { villageCode: village.code, year: options.year, population: options.population };
}
