import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  chinaDateOf,
  dayNumber,
  daysBetween,
  isIsoDate,
  isRealDate,
  monthIndex,
  parseCalendarDate,
  wholeMonthsBetween,
} from './calendar-date.ts';
describe('calendar dates', () => {
  it.each([
    [2024, 2, 29, true],
    [2023, 2, 29, false],
    [2000, 2, 29, true],
    [1900, 2, 29, false],
    [2024, 4, 31, false],
    [2024, 12, 31, true],
    [2024, 13, 1, false],
    [2024, 0, 1, false],
    [2024, 1, 0, false],
  ])('%i-%i-%i real: %s', (year, month, day, real) => expect(isRealDate({ year, month, day })).toBe(real));

  it.each(['2024-02-30', '2024-2-1', '20240201', '2024-02-01T00:00', ''])('refuses to parse %j', (text) =>
    expect(() => parseCalendarDate(text)).toThrow(RangeError),
  );

  it.each(['2024-00', '2024-13', '2024-1', '2024-01-01'])('refuses the month %j', (text) =>
    expect(() => monthIndex(text)).toThrow(RangeError),
  );

  it.each([
    ['2024-03-15', 6, '2024-09-15'],
    ['2024-08-31', 6, '2025-02-28'],
    ['2023-08-31', 6, '2024-02-29'],
    ['2024-11-30', 3, '2025-02-28'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2024-01-15', -1, '2023-12-15'],
  ])('%s + %i months = %s', (date, months, expected) => expect(addMonths(date, months)).toBe(expected));

  it.each([
    ['2024-03-15', '2024-09-14', 5],
    ['2024-03-15', '2024-09-15', 6],
    ['2024-08-31', '2025-02-27', 5],
    ['2024-08-31', '2025-02-28', 6],
    ['2024-03-15', '2024-03-15', 0],
    ['2024-03-15', '2024-03-14', -1],
  ])('from %s to %s: %i whole months', (from, to, months) => expect(wholeMonthsBetween(from, to)).toBe(months));

  it('counts whole months consistently with addMonths', () => {
    const date = fc
      .integer({ min: 0, max: 20_000 })
      .map((days) => new Date(Date.UTC(1990, 0, 1) + days * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, date, (from, to) => {
        fc.pre(from <= to);
        const months = wholeMonthsBetween(from, to);
        expect(addMonths(from, months) <= to).toBe(true);
        expect(addMonths(from, months + 1) > to).toBe(true);
      }),
    );
  });
});

describe('local dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-13-01', false],
    ['2024-6-1', false],
    ['0099-01-01', true],
    ['', false],
  ])('%j is a real YYYY-MM-DD day: %s', (text, real) => {
    expect(isIsoDate(text)).toBe(real);
  });

  it('refuses to count from a malformed date', () => {
    expect(() => dayNumber('2024-02-30')).toThrow(RangeError);
  });

  it.each([
    ['2024-06-30', '2024-07-01', 1],
    ['2024-02-28', '2024-03-01', 2],
    ['2024-07-01', '2024-06-30', -1],
    ['2023-12-31', '2024-12-31', 366],
  ])('from %s to %s is %i days', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });

  it.each([
    ['2024-06-30T15:59:59Z', '2024-06-30'],
    ['2024-06-30T16:00:00Z', '2024-07-01'],
    ['2024-12-31T16:00:00Z', '2025-01-01'],
  ])('the instant %s falls on %s in China', (instant, date) => {
    expect(chinaDateOf(new Date(instant))).toBe(date);
  });
});
