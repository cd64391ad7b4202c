import { appendAudit } from '../../platform/audit.ts';
import type { Tx } from '../../platform/database.ts';
import { authorize } from '../auth/access.ts';
import type { ServiceContext } from '../auth/context.ts';
import type { LockedHousehold } from './queries.ts';
import type { BasicNeeds } from './rules/basic-needs.ts';
import { getHousehold } from './service.ts';
import { lockForChange } from './transition-household.ts';

/**
 * The edits of a household's record outside its lifecycle — assistance given, income, the findings of a
 * home visit — share one frame: lock, compare the version, change, bump the version, audit, in one transaction.
 */
async function changeHousehold(
  ctx: ServiceContext,
  options: { id: string; version: number; action: string; after: unknown },
  change: (tx: Tx, household: LockedHousehold) => Promise<void>,
) {
  authorize(ctx.access, 'registry.write');
  await ctx.db.transaction().execute(async (tx) => {
    const household = await lockForChange(tx, ctx, options);
    await change(tx, household);
    await tx
      .updateTable('registry_household')
      .set({ version: household.version + 1 })
      .where('id', '=', household.id)
      .execute();
    await appendAudit(
      tx,
      ctx.actor,
      {
        action: options.action,
        entity: 'registry_household',
        entityId: household.id,
        unitPath: household.village_path,
        before: { version: household.version },
        after: options.after,
      },
      ctx.clock.now(),
    );
  });
  return getHousehold(ctx, { id: options.id, reveal: false });
}

export function recordMeasure(
  ctx: ServiceContext,
  options: { id: string; version: number; type: string; givenOn: string; amountYuan: number; provider?: string },
) {
  const { id, version, ...measure } = options;
  return changeHousehold(ctx, { id, version, action: 'registry.measure_recorded', after: measure }, (tx, household) =>
    tx
      .insertInto('registry_measure')
      .values({
        household_id: household.id,
        type: measure.type,
        given_on: measure.givenOn,
        amount_yuan: measure.amountYuan,
        provider: measure.provider ?? null,
        recorded_by: ctx.actor.userId,
      })
      .execute()
      .then(() => undefined),
  );
}

/** A year's per-capita net income; recording the same year again corrects it. */
export function recordIncome(
  ctx: ServiceContext,
  options: { id: string; version: number; year: number; perCapitaNetIncome: number },
) {
  const { id, version, ...income } = options;
  return changeHousehold(ctx, { id, version, action: 'registry.income_recorded', after: income }, (tx, household) =>
    tx
      .insertInto('registry_income')
      .values({ household_id: household.id, year: income.year, per_capita_net_income: income.perCapitaNetIncome })
      .onConflict((oc) =>
        oc.columns(['household_id', 'year']).doUpdateSet({ per_capita_net_income: income.perCapitaNetIncome }),
      )
      .execute()
      .then(() => undefined),
  );
}

/** Income over whole months while monitored: the evidence the six-month rule of risk elimination reads. */
export function recordIncomeRecord(
  ctx: ServiceContext,
  options: { id: string; version: number; firstMonth: string; months: number; perCapitaIncome: number },
) {
  const { id, version, ...record } = options;
  return changeHousehold(ctx, { id, version, action: 'registry.income_record_added', after: record }, (tx, household) =>
    tx
      .insertInto('registry_income_record')
      .values({
        household_id: household.id,
        first_month: record.firstMonth,
        months: record.months,
        per_capita_income: record.perCapitaIncome,
      })
      .execute()
      .then(() => undefined),
  );
}

/** The findings of a home visit and the household's classification. */
export function updateConditions(
  ctx: ServiceContext,
  options: {
    id: string;
    version: number;
    basicNeeds?: BasicNeeds;
    largeCostsResolved?: boolean;
    housingAreaM2?: number;
    type?: 'ordinary' | 'minimum_income' | 'extreme_poverty_support';
    mainCause?: string;
    secondaryCauses?: string[];
  },
) {
  const { id, version, ...changes } = options;
  const needs = changes.basicNeeds;
  const values = {
    ...(needs && {
      food_secured: needs.food,
      clothing_secured: needs.clothing,
      compulsory_education_secured: needs.compulsoryEducation,
      basic_medical_care_secured: needs.basicMedicalCare,
      safe_housing: needs.safeHousing,
      safe_drinking_water: needs.safeDrinkingWater,
    }),
    ...(changes.largeCostsResolved !== undefined && { large_costs_resolved: changes.largeCostsResolved }),
    ...(changes.housingAreaM2 !== undefined && { housing_area_m2: changes.housingAreaM2 }),
    ...(changes.type !== undefined && { type: changes.type }),
    ...(changes.mainCause !== undefined && { main_cause: changes.mainCause }),
    ...(changes.secondaryCauses !== undefined && { secondary_causes: changes.secondaryCauses }),
  };
  return changeHousehold(
    ctx,
    { id, version, action: 'registry.conditions_updated', after: changes },
    async (tx, household) => {
      if (Object.keys(values).length > 0) {
        await tx.updateTable('registry_household').set(values).where('id', '=', household.id).execute();
      }
    },
  );
}
