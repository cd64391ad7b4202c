import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../../platform/calendar-date.ts';
import { ageOn } from '../rules/id-number.ts';
import { addDays, birthDateForAge, dateOfDaysSinceEpoch, daysSinceEpoch } from './dates.ts';
import { createRandom } from './random.ts';

describe('demo day arithmetic', () => {
  it('agrees with the platform calendar from 1880 to 2030', () => {
    for (let days = dayNumber('1880-01-01'); days <= dayNumber('2030-12-31'); days += 1) {
      const date = dateOfDaysSinceEpoch(days);
      if (dayNumber(date) !== days || daysSinceEpoch(date) !== days) {
        throw new Error(`${days} → ${date}`);
      }
    }
  });

  it.each([
    ['2016-02-28', 1, '2016-02-29'],
    ['2015-02-28', 1, '2015-03-01'],
    ['2014-01-01', -1, '2013-12-31'],
    ['1999-12-31', 366, '2000-12-31'],
  ])('%s + %i days = %s', (date, days, expected) => expect(addDays(date, days)).toBe(expected));

  it.each([
    ['2014-06-15', 0],
    ['2014-06-15', 40],
    ['2016-02-29', 3],
    ['2021-03-01', 95],
  ])('birthDateForAge makes someone exactly the age on %s (age %i)', (on, age) => {
    const random = createRandom(age);
    for (let i = 0; i < 500; i += 1) expect(ageOn(birthDateForAge(random, on, age), on)).toBe(age);
  });
});
