import {
  EXIT_APPRAISAL_SEASON,
  EXIT_PACE,
  EXITED_COUNTY_REMAINING_SHARE,
  FINAL_EXIT_YEAR,
  REGISTERED_POOR_2014,
  REGISTRATION_YEAR,
  REMAINING_POOR_AT_YEAR_END,
} from './calibration.ts';
import type { CountyPlan } from './counties.ts';
import { randomDateBetween } from './dates.ts';
import type { Random } from './random.ts';
import type { PovertyCause } from './types.ts';

export type ExitCandidate = {
  size: number;
  county: CountyPlan;
  cause: PovertyCause;
  /** A relocated household exits no earlier than the year it moved. */
  earliestYear: number;
};

/**
 * The year each household exits, such that the people still poor at the end of every year are exactly
 * `REMAINING_POOR_AT_YEAR_END`, and each exited county is below the exit threshold at the end of its exit
 * year: all its households exit by then except a small remainder (`EXITED_COUNTY_REMAINING_SHARE`).
 *
 * Households queue by a pace score. Each year first takes the households whose deadline it is, then fills
 * up with the queue, skipping a household that would overshoot the year's count — with plenty of one- and
 * two-person households about, the count comes out exact.
 */
export function allocateExitYears(
  random: Random,
  candidates: readonly ExitCandidate[],
  countyPopulation: ReadonlyMap<string, number>,
): number[] {
  const scores = candidates.map(
    (candidate) =>
      random.normal(0, 1) + EXIT_PACE.group[candidate.county.group] + (EXIT_PACE.cause[candidate.cause] ?? 0),
  );
  const queue = candidates.map((_, index) => index).sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b);
  const deadlines = exitDeadlines(random, candidates, queue, countyPopulation);

  const years = candidates.map(() => 0);
  let remainingBefore = REGISTERED_POOR_2014;
  for (let year = REGISTRATION_YEAR; year <= FINAL_EXIT_YEAR; year += 1) {
    const remainingAfter = REMAINING_POOR_AT_YEAR_END.get(year);
    if (remainingAfter === undefined) throw new RangeError(`No remaining-poor target for ${year}`);
    let capacity = remainingBefore - remainingAfter;
    for (const index of queue) {
      if (years[index] === 0 && deadlines[index] === year) {
        years[index] = year;
        capacity -= candidates[index]?.size ?? 0;
      }
    }
    if (capacity < 0) throw new RangeError(`${year}: households due to exit exceed the year's count by ${-capacity}`);
    for (const index of queue) {
      if (capacity === 0) break;
      const candidate = candidates[index];
      if (!candidate || years[index] !== 0 || candidate.earliestYear > year || candidate.size > capacity) continue;
      years[index] = year;
      capacity -= candidate.size;
    }
    if (capacity !== 0) throw new RangeError(`${year}: ${capacity} exits could not be placed`);
    remainingBefore = remainingAfter;
  }
  return years;
}

/**
 * The last year each household may stay poor: the exit year of its county, unless it is among the slowest
 * households that together make up the county's allowed remainder; otherwise the final year.
 */
function exitDeadlines(
  random: Random,
  candidates: readonly ExitCandidate[],
  queue: readonly number[],
  countyPopulation: ReadonlyMap<string, number>,
): number[] {
  const allowance = new Map<string, number>();
  for (const candidate of candidates) {
    const { code, exitYear } = candidate.county;
    if (exitYear === null || allowance.has(code)) continue;
    const share = random.uniform(EXITED_COUNTY_REMAINING_SHARE.min, EXITED_COUNTY_REMAINING_SHARE.max);
    allowance.set(code, Math.floor(share * (countyPopulation.get(code) ?? 0)));
  }
  const deadlines = candidates.map((candidate) => candidate.county.exitYear ?? FINAL_EXIT_YEAR);
  for (const index of [...queue].reverse()) {
    const candidate = candidates[index];
    const left = candidate && allowance.get(candidate.county.code);
    if (!candidate || !left || candidate.size > left) continue;
    allowance.set(candidate.county.code, left - candidate.size);
    deadlines[index] = FINAL_EXIT_YEAR;
  }
  return deadlines;
}

/** A day in the year-end appraisal season of `year`. */
export function exitDate(random: Random, year: number): string {
  return randomDateBetween(random, `${year}-${EXIT_APPRAISAL_SEASON.from}`, `${year}-${EXIT_APPRAISAL_SEASON.to}`);
}
