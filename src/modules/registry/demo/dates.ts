import { formatCalendarDate, isLeapYear } from '../../../platform/calendar-date.ts';
import type { Random } from './random.ts';

/*
 * Day arithmetic for generating half a million records. The platform's `dayNumber` goes through `Date`,
 * which is too slow at this volume, so these use the civil-calendar formulas (H. Hinnant's
 * days_from_civil / civil_from_days) on proleptic Gregorian dates; the tests check that both agree.
 */

/** Days since 1970-01-01 of a `YYYY-MM-DD` day the caller vouches for. */
export function daysSinceEpoch(date: string): number {
  const month = digitsAt(date, 5, 2);
  const year = digitsAt(date, 0, 4) - (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + digitsAt(date, 8, 2) - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The number written by `length` digits from `start`, read without making substrings. */
function digitsAt(text: string, start: number, length: number): number {
  let value = 0;
  for (let index = start; index < start + length; index += 1) value = value * 10 + text.charCodeAt(index) - 48;
  return value;
}

/** The `YYYY-MM-DD` day so many days after 1970-01-01. */
export function dateOfDaysSinceEpoch(days: number): string {
  const shifted = days + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth + (shiftedMonth < 10 ? 3 : -9);
  return formatCalendarDate({ year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day });
}

export function addDays(date: string, days: number): string {
  return dateOfDaysSinceEpoch(daysSinceEpoch(date) + days);
}

/** A day between `from` and `to`, both included. */
export function randomDateBetween(random: Random, from: string, to: string): string {
  return dateOfDaysSinceEpoch(random.int(daysSinceEpoch(from), daysSinceEpoch(to)));
}

/** A birth date that makes the person exactly `age` (completed years) on the day `on`. */
export function birthDateForAge(random: Random, on: string, age: number): string {
  const year = Number(on.slice(0, 4)) - age;
  // Born after the same day `age + 1` years earlier and no later than the same day `age` years earlier.
  const latest = daysSinceEpoch(sameDayInYear(on, year));
  const earliest = daysSinceEpoch(sameDayInYear(on, year - 1)) + 1;
  return dateOfDaysSinceEpoch(random.int(earliest, latest));
}

/** 29 February falls back to the 28th in common years. */
function sameDayInYear(date: string, year: number): string {
  const monthDay = date.slice(5);
  return `${String(year).padStart(4, '0')}-${monthDay === '02-29' && !isLeapYear(year) ? '02-28' : monthDay}`;
}
