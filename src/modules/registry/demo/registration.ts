import { REGISTRATION_YEAR } from './calibration.ts';
import { addDays, randomDateBetween } from './dates.ts';
import { drawCauseAndSize, drawHousehold, type HouseholdDraft } from './households.ts';
import type { IdNumberIssuer } from './id-numbers.ts';
import type { Random } from './random.ts';
import type { VillagePlan } from './villages.ts';

export type PlacedHousehold = HouseholdDraft & { plan: VillagePlan };

/** `<village code>-NNNN`: the household number within its village. */
export function householdKey(villageCode: string, sequence: number): string {
  return `${villageCode}-${String(sequence).padStart(4, '0')}`;
}

/**
 * The 2014 registration: each village's registered poor people, exactly, in households. Villages were
 * identified from April to July (quota, vote, notices, reviews) and registered after the county's
 * announcement, 30–75 days later. Returns the next free household number of every village too.
 */
export function registerHouseholds(
  random: Random,
  plans: readonly VillagePlan[],
  issuer: IdNumberIssuer,
): { households: PlacedHousehold[]; nextSequence: Map<string, number> } {
  const households: PlacedHousehold[] = [];
  const nextSequence = new Map<string, number>();
  for (const plan of plans) {
    let sequence = 1;
    for (let remaining = plan.poor; remaining > 0; sequence += 1) {
      const { cause, size } = drawCauseAndSize(random, remaining);
      const identifiedOn = randomDateBetween(random, `${REGISTRATION_YEAR}-04-01`, `${REGISTRATION_YEAR}-07-31`);
      const registeredOn = addDays(identifiedOn, random.int(30, 75));
      const draft = drawHousehold(
        random,
        {
          key: householdKey(plan.village.code, sequence),
          villageCode: plan.village.code,
          size,
          cause,
          identifiedOn,
          registeredOn,
        },
        { addressCode: plan.village.countyCode.slice(0, 6), referenceDate: registeredOn, issuer },
      );
      households.push({ ...draft, plan });
      remaining -= size;
    }
    nextSequence.set(plan.village.code, sequence);
  }
  return { households, nextSequence };
}
