import { describe, expect, it } from 'vitest';
import {
  canAggregateInto,
  entryWindow,
  formatPeriod,
  parsePeriod,
  period,
  periodEnd,
  periodOfDay,
  periodStart,
  periodTypeName,
  previousPeriod,
  shiftPeriod,
  subPeriods,
} from './periods.ts';

describe('periods', () => {
  it.each([
    ['2021', { type: 'year', year: 2021, index: 1 }],
    ['2021Q3', { type: 'quarter', year: 2021, index: 3 }],
    ['2021-07', { type: 'month', year: 2021, index: 7 }],
    ['2021-13', null],
    ['2021Q5', null],
    ['21', null],
    ['2021-7', null],
    ['2021-00', null],
  ])('parses %s', (text, expected) => {
    expect(parsePeriod(text)).toEqual(expected);
    if (expected) expect(formatPeriod(period(text))).toBe(text);
  });

  it.each([
    ['2021', '2021-01-01', '2021-12-31'],
    ['2021Q1', '2021-01-01', '2021-03-31'],
    ['2020Q1', '2020-01-01', '2020-03-31'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2023-02', '2023-02-01', '2023-02-28'],
    ['2021Q4', '2021-10-01', '2021-12-31'],
  ])('%s runs from %s to %s', (text, start, end) => {
    expect(periodStart(period(text))).toBe(start);
    expect(periodEnd(period(text))).toBe(end);
  });

  it.each([
    ['2021-01', -1, '2020-12'],
    ['2021-12', 1, '2022-01'],
    ['2021Q1', -1, '2020Q4'],
    ['2021Q4', 2, '2022Q2'],
    ['2021', -3, '2018'],
    ['2021-07', -19, '2019-12'],
  ])('%s shifted by %d is %s', (text, steps, expected) => {
    expect(formatPeriod(shiftPeriod(period(text), steps))).toBe(expected);
  });

  it('knows the previous period', () => {
    expect(formatPeriod(previousPeriod(period('2021-01')))).toBe('2020-12');
  });

  it.each([
    ['2021Q3', 'month', ['2021-07', '2021-08', '2021-09']],
    ['2021', 'quarter', ['2021Q1', '2021Q2', '2021Q3', '2021Q4']],
    ['2021', 'year', ['2021']],
    ['2021-05', 'month', ['2021-05']],
  ] as const)('%s consists of %s periods %j', (text, type, expected) => {
    expect(subPeriods(period(text), type).map(formatPeriod)).toEqual(expected);
  });

  it('refuses to split a month into quarters', () => {
    expect(() => subPeriods(period('2021-05'), 'quarter')).toThrow(RangeError);
    expect(canAggregateInto('year', 'month')).toBe(false);
    expect(canAggregateInto('month', 'year')).toBe(true);
  });

  it.each([
    ['2021-08-15', 'month', '2021-08'],
    ['2021-08-15', 'quarter', '2021Q3'],
    ['2021-12-31', 'year', '2021'],
  ] as const)('%s lies in %s %s', (day, type, expected) => {
    expect(formatPeriod(periodOfDay(day, type))).toBe(expected);
  });
});

describe('entry windows', () => {
  it.each([
    ['2021-07', 20, '2021-07-01', '2021-08-20'],
    ['2021Q4', 15, '2021-10-01', '2022-01-15'],
    ['2024', 0, '2024-01-01', '2024-12-31'],
    ['2024-02', 1, '2024-02-01', '2024-03-01'],
  ] as const)('%s with %d days opens %s and closes %s', (text, days, opensOn, closesOn) => {
    expect(entryWindow(period(text), days)).toEqual({ opensOn, closesOn });
  });
});

describe('period type names', () => {
  it.each([
    ['month', 'zh-CN', '月'],
    ['quarter', 'en', 'quarter'],
    ['year', 'zh-CN', '年'],
  ] as const)('%s in %s is %s', (type, locale, expected) => {
    expect(periodTypeName(type, locale)).toBe(expected);
  });
});
