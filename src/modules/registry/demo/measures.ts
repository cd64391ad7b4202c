import {
  GENERAL_MEASURE_WEIGHTS,
  MEASURE_AMOUNTS,
  MEASURES_FOR_CAUSE,
  RELOCATION_HOUSING_M2_PER_PERSON,
} from './calibration.ts';
import { randomDateBetween } from './dates.ts';
import type { Random } from './random.ts';
import type { DemoMeasure, DemoRelocatedVillage, HouseholdType, MeasureType, PovertyCause } from './types.ts';

export type MeasureContext = {
  cause: PovertyCause;
  type: HouseholdType;
  size: number;
  /** The period the measures fall in: registration to exit, or the monitoring period. */
  from: string;
  to: string;
  /** Only for a household of a village relocated whole. */
  relocation?: DemoRelocatedVillage;
  /** One or two general measures besides those for the cause (none for short monitoring help). */
  withGeneralMeasures: boolean;
};

/**
 * The assistance a household received: the measures answering its main cause, social security for the
 * minimum-income and extreme-poverty-support households, one or two general measures, and the move for a
 * relocated village's household. Each type once, in date order.
 */
export function drawMeasures(random: Random, context: MeasureContext): DemoMeasure[] {
  const types = new Set<MeasureType>(MEASURES_FOR_CAUSE[context.cause]);
  if (context.type !== 'ordinary') types.add('social_security');
  const generalCount = context.withGeneralMeasures ? random.int(1, 2) : 0;
  for (let i = 0; i < generalCount; i += 1) types.add(random.weighted(GENERAL_MEASURE_WEIGHTS));
  // Nobody lends to a household with no one able to work; it gets an industry dividend instead.
  if (context.type === 'extreme_poverty_support' && types.delete('microcredit')) types.add('industry');

  const measures: DemoMeasure[] = [...types].filter(isNotRelocation).map((type) => ({
    type,
    on: randomDateBetween(random, context.from, context.to),
    amountYuan: amountFor(random, type, context.size),
  }));
  if (context.relocation) {
    const perPerson = random.pick(RELOCATION_HOUSING_M2_PER_PERSON);
    measures.push({
      type: 'relocation',
      on: context.relocation.movedOn,
      amountYuan: amountFor(random, 'relocation', context.size),
      destinationVillageCode: context.relocation.destinationVillageCode,
      housingAreaM2: perPerson * context.size,
      reclaimedHousePlotM2: random.int(15, 40) * 10,
    });
  }
  return measures.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
}

// The move has its own record, made from the village's relocation, never a generic one.
function isNotRelocation(type: MeasureType): type is Exclude<MeasureType, 'relocation'> {
  return type !== 'relocation';
}

function amountFor(random: Random, type: MeasureType, size: number): number {
  const { min, max, perPerson } = MEASURE_AMOUNTS[type];
  const amount = random.uniform(min, max) * (perPerson ? size : 1);
  // Loans come in steps of 5,000 yuan; other amounts are paid to the ten yuan.
  const step = type === 'microcredit' ? 5_000 : 10;
  return Math.round(amount / step) * step;
}
