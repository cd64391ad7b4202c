import { HEAD_AGE } from './calibration.ts';
import { randomSurname } from './names.ts';
import type { Random } from './random.ts';
import type { PovertyCause, Relation } from './types.ts';

/** Who lives in a household, before names, ID numbers and the rest are drawn. Ages are at the reference day. */
export type MemberDraft = { relation: Relation; sex: 'male' | 'female'; age: number; surname: string };

/** A household whose cause is schooling has a pupil or student of this age. */
const SCHOOLING_AGES = { min: 6, max: 21 } as const;

/**
 * A plausible family of `size`: a head of 25–75, often a spouse, children at least 20 years younger than the
 * head; a younger head may live with a parent, an older one with a married son and grandchildren. Children
 * take the father's surname.
 */
export function composeMembers(random: Random, size: number, cause: PovertyCause): MemberDraft[] {
  const alone = size === 1;
  const needsPupil = cause === 'schooling';
  let headAge = Math.round(
    random.normal(alone ? HEAD_AGE.meanAlone : HEAD_AGE.mean, alone ? HEAD_AGE.sdAlone : HEAD_AGE.sd),
  );
  headAge = clamp(headAge, needsPupil ? 30 : HEAD_AGE.min, needsPupil ? 58 : HEAD_AGE.max);
  // Women head households mostly as widows living alone.
  const headSex = random.chance(alone ? 0.62 : 0.88) ? 'male' : 'female';
  const headSurname = randomSurname(random);
  const members: MemberDraft[] = [{ relation: 'head', sex: headSex, age: headAge, surname: headSurname }];
  let slots = size - 1;
  let familySurname = headSex === 'male' ? headSurname : null;

  // A pupil's household of two is a single parent with the child.
  const roomForSpouse = needsPupil ? slots >= 2 : slots >= 1;
  if (roomForSpouse && random.chance(size === 2 ? (headAge >= 50 ? 0.75 : 0.45) : 0.85)) {
    const surname = randomSurname(random);
    const gap = headSex === 'male' ? random.int(-6, 3) : random.int(-3, 6);
    members.push({ relation: 'spouse', sex: opposite(headSex), age: clamp(headAge + gap, 20, 85), surname });
    familySurname ??= surname;
    slots -= 1;
  }
  const childSurname = familySurname ?? headSurname;

  if (slots > 0 && !needsPupil && headAge < 50 && random.chance(0.25)) {
    const sex = randomSex(random);
    const surname = sex === 'male' ? headSurname : randomSurname(random);
    members.push({ relation: 'parent', sex, age: Math.min(95, headAge + random.int(22, 32)), surname });
    slots -= 1;
  }

  if (slots >= 2 && !needsPupil && headAge >= 56 && random.chance(0.6)) {
    const sonAge = headAge - random.int(22, 34);
    members.push({ relation: 'child', sex: 'male', age: sonAge, surname: childSurname });
    members.push({
      relation: 'child_in_law',
      sex: 'female',
      age: clamp(sonAge + random.int(-4, 2), 20, 80),
      surname: randomSurname(random),
    });
    slots -= 2;
    for (; slots > 0; slots -= 1) {
      const age = random.int(0, Math.min(17, sonAge - 20));
      members.push({ relation: 'grandchild', sex: randomSex(random), age, surname: childSurname });
    }
  }

  for (; slots > 0; slots -= 1) {
    // A parent is 20 to 38 years older than the child.
    const age = random.int(Math.max(0, headAge - 38), headAge - 20);
    members.push({ relation: 'child', sex: randomSex(random), age, surname: childSurname });
  }

  if (needsPupil && !members.some((member) => member.relation === 'child' && isSchoolAge(member.age))) {
    const child = members.find((member) => member.relation === 'child');
    if (!child) throw new RangeError('A schooling household needs room for a child');
    child.age = random.int(SCHOOLING_AGES.min, Math.min(SCHOOLING_AGES.max, headAge - 20));
  }
  return members;
}

function isSchoolAge(age: number): boolean {
  return age >= SCHOOLING_AGES.min && age <= SCHOOLING_AGES.max;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function opposite(sex: 'male' | 'female'): 'male' | 'female' {
  return sex === 'male' ? 'female' : 'male';
}

function randomSex(random: Random): 'male' | 'female' {
  return random.chance(0.5) ? 'male' : 'female';
}
