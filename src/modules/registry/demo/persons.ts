import {
  EDUCATION_BY_BIRTH_COHORT,
  ETHNICITY_WEIGHTS,
  HEALTH_BY_AGE,
  INSURANCE_SHARES,
  WORKING_AWAY,
} from './calibration.ts';
import { birthDateForAge } from './dates.ts';
import type { IdNumberIssuer } from './id-numbers.ts';
import type { MemberDraft } from './members.ts';
import { randomGivenName } from './names.ts';
import type { Random } from './random.ts';
import type { DemoPerson, Education, Health, LabourCapacity, PovertyCause } from './types.ts';

export type PersonContext = {
  householdKey: string;
  /** The 6-digit address code the village's people carry in their ID numbers. */
  addressCode: string;
  /** The day the household entered the registry; ages are counted on it. */
  referenceDate: string;
  issuer: IdNumberIssuer;
};

/**
 * The people of one household with everything the member record holds. The household's cause shows in its
 * people: an illness household has a chronically or seriously ill adult, a disability household a disabled
 * member, a labour-shortage household a head who cannot work fully.
 */
export function describeMembers(
  random: Random,
  drafts: readonly MemberDraft[],
  cause: PovertyCause,
  context: PersonContext,
): DemoPerson[] {
  const healths = drafts.map((draft) => random.weighted(bandFor(HEALTH_BY_AGE, draft.age).weights));
  if (cause === 'illness') {
    const adults = drafts.flatMap((draft, index) => (draft.age >= 16 ? [index] : []));
    healths[random.pick(adults)] = random.chance(0.6) ? 'chronic_illness' : 'serious_illness';
  } else if (cause === 'disability') {
    healths[random.int(0, drafts.length - 1)] = 'disabled';
  }
  return drafts.map((draft, index) => {
    const health = healths[index] ?? 'healthy';
    const birthDate = birthDateForAge(random, context.referenceDate, draft.age);
    const birthYear = Number(birthDate.slice(0, 4));
    const schooling = schoolingFor(random, draft.age, birthYear);
    let labourCapacity = labourFor(random, draft.age, health, schooling.schoolStatus === 'in_school');
    if (cause === 'lack_of_labour' && draft.relation === 'head' && labourCapacity !== 'none') labourCapacity = 'weak';
    return {
      householdKey: context.householdKey,
      idNumber: context.issuer.issue(context.addressCode, birthDate, draft.sex),
      name: draft.surname + randomGivenName(random, draft.sex, birthYear),
      relation: draft.relation,
      sex: draft.sex,
      birthDate,
      ethnicity: random.weighted(ETHNICITY_WEIGHTS),
      education: schooling.education,
      schoolStatus: schooling.schoolStatus,
      health,
      labourCapacity,
      monthsWorkingAway: monthsAwayFor(random, draft.age, labourCapacity),
      insurance: {
        medical: random.chance(INSURANCE_SHARES.medical),
        pension: draft.age >= 16 && schooling.schoolStatus !== 'in_school' && random.chance(INSURANCE_SHARES.pension),
      },
    };
  });
}

function bandFor<Band extends { below: number }>(bands: readonly Band[], age: number): Band {
  const band = bands.find((candidate) => age < candidate.below) ?? bands[bands.length - 1];
  if (!band) throw new RangeError('No bands given');
  return band;
}

function schoolingFor(random: Random, age: number, birthYear: number): Pick<DemoPerson, 'education' | 'schoolStatus'> {
  if (age < 6) return { education: null, schoolStatus: 'below_school_age' };
  if (age <= 11) return { education: 'primary', schoolStatus: 'in_school' };
  if (age <= 14) return { education: 'junior_secondary', schoolStatus: 'in_school' };
  if (age <= 17) {
    if (random.chance(0.8)) {
      return { education: random.chance(0.55) ? 'senior_secondary' : 'vocational', schoolStatus: 'in_school' };
    }
    return { education: 'junior_secondary', schoolStatus: 'not_in_school' };
  }
  if (age <= 22 && random.chance(0.25)) {
    return { education: random.chance(0.5) ? 'college' : 'vocational', schoolStatus: 'in_school' };
  }
  const cohort = EDUCATION_BY_BIRTH_COHORT.find((candidate) => birthYear < candidate.bornBefore);
  const education: Education = cohort ? random.weighted(cohort.weights) : 'junior_secondary';
  return { education, schoolStatus: 'not_in_school' };
}

function labourFor(random: Random, age: number, health: Health, inSchool: boolean): LabourCapacity {
  if (age < 16 || inSchool) return 'none';
  if (health === 'serious_illness' || health === 'disabled') return random.chance(0.7) ? 'none' : 'weak';
  if (health === 'chronic_illness') return 'weak';
  if (age >= 65) return random.chance(0.4) ? 'weak' : 'none';
  if (age >= 60) return random.chance(0.6) ? 'ordinary' : 'weak';
  return random.chance(0.12) ? 'skilled' : 'ordinary';
}

function monthsAwayFor(random: Random, age: number, labour: LabourCapacity): number {
  const ableToLeave = (labour === 'ordinary' || labour === 'skilled') && age >= WORKING_AWAY.ages.min;
  if (!ableToLeave || age > WORKING_AWAY.ages.max || !random.chance(WORKING_AWAY.share)) return 0;
  return random.int(WORKING_AWAY.minMonths, WORKING_AWAY.maxMonths);
}
