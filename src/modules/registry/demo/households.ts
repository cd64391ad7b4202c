import {
  HOUSEHOLD_SIZE_WEIGHTS,
  HOUSEHOLD_TYPE_CHANCES,
  MAIN_CAUSE_WEIGHTS,
  OLD_AGE,
  SECONDARY_CAUSE_COUNT_WEIGHTS,
} from './calibration.ts';
import { composeMembers, type MemberDraft } from './members.ts';
import { describeMembers, type PersonContext } from './persons.ts';
import type { Random } from './random.ts';
import type { DemoHousehold, DemoPerson, HouseholdType, PovertyCause } from './types.ts';

/** A household with its people, before exits, incomes, measures and cadres are added. */
export type HouseholdDraft = {
  household: DemoHousehold;
  members: DemoPerson[];
};

const CAUSES_WITHOUT_SCHOOLING = MAIN_CAUSE_WEIGHTS.filter(([cause]) => cause !== 'schooling');
const SIZES_WITH_A_PUPIL = HOUSEHOLD_SIZE_WEIGHTS.filter(([size]) => size >= 2);

/**
 * The main cause first, then a size that fits it (a schooling household has at least a parent and a pupil),
 * no larger than the people the village still has to place.
 */
export function drawCauseAndSize(
  random: Random,
  remaining: number,
  causeWeights: readonly (readonly [PovertyCause, number])[] = MAIN_CAUSE_WEIGHTS,
): { cause: PovertyCause; size: number } {
  const cause = random.weighted(causeWeights);
  const size = Math.min(
    remaining,
    random.weighted(cause === 'schooling' ? SIZES_WITH_A_PUPIL : HOUSEHOLD_SIZE_WEIGHTS),
  );
  if (cause === 'schooling' && size < 2) return { cause: random.weighted(CAUSES_WITHOUT_SCHOOLING), size };
  return { cause, size };
}

export type HouseholdBasics = {
  key: string;
  villageCode: string;
  size: number;
  cause: PovertyCause;
  identifiedOn: string | null;
  registeredOn: string | null;
};

export function drawHousehold(
  random: Random,
  basics: HouseholdBasics,
  context: Omit<PersonContext, 'householdKey'>,
): HouseholdDraft {
  const drafts = composeMembers(random, basics.size, basics.cause);
  const members = describeMembers(random, drafts, basics.cause, { ...context, householdKey: basics.key });
  return {
    household: {
      key: basics.key,
      villageCode: basics.villageCode,
      type: householdTypeFor(random, drafts, members, basics.cause),
      mainCause: basics.cause,
      secondaryCauses: secondaryCauses(random, basics.cause),
      identifiedOn: basics.identifiedOn,
      registeredOn: basics.registeredOn,
      exitedOn: null,
      incomes: [],
      measures: [],
      pairings: [],
      monitoring: null,
    },
    members,
  };
}

/** Extreme-poverty support is for people alone who are old or disabled; minimum income follows hardship. */
function householdTypeFor(
  random: Random,
  drafts: readonly MemberDraft[],
  members: readonly DemoPerson[],
  cause: PovertyCause,
): HouseholdType {
  const head = drafts[0];
  const alone = drafts.length === 1;
  const frail = (head?.age ?? 0) >= OLD_AGE || members[0]?.health === 'disabled';
  if (alone && frail && random.chance(HOUSEHOLD_TYPE_CHANCES.extremePovertySupportWhenAloneAndOld)) {
    return 'extreme_poverty_support';
  }
  const hardship = cause === 'illness' || cause === 'disability' || cause === 'lack_of_labour';
  const chance = hardship
    ? HOUSEHOLD_TYPE_CHANCES.minimumIncomeWhenIllOrWithoutLabour
    : HOUSEHOLD_TYPE_CHANCES.minimumIncomeOtherwise;
  return random.chance(chance) ? 'minimum_income' : 'ordinary';
}

function secondaryCauses(random: Random, main: PovertyCause): PovertyCause[] {
  const count = random.weighted(SECONDARY_CAUSE_COUNT_WEIGHTS);
  const chosen: PovertyCause[] = [];
  while (chosen.length < count) {
    const cause = random.weighted(MAIN_CAUSE_WEIGHTS);
    if (cause !== main && !chosen.includes(cause)) chosen.push(cause);
  }
  return chosen;
}
