import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MONITORING_LINES,
  DEFAULT_POVERTY_LINES,
  DEFAULT_POVERTY_STANDARD_AT_2010_PRICES,
  settingFor,
  settingForYear,
  type DatedSetting,
} from './poverty-lines.ts';

const history: DatedSetting<string>[] = [
  { effectiveFrom: '2020-01-01', value: 'national 2020' },
  { effectiveFrom: '2022-01-01', value: 'national 2022' },
  { effectiveFrom: '2021-01-01', value: 'Shanxi 2021', region: '14' },
  { effectiveFrom: '2023-07-01', value: 'Xinzhou mid-2023', region: '140900000000' },
  { effectiveFrom: '2024-01-01', value: 'Shanxi 2024', region: '140000000000' },
  { effectiveFrom: '2024-01-01', value: 'Shanxi 2024, corrected', region: '14' },
  { effectiveFrom: '2021-01-01', value: 'Henan 2021', region: '41' },
];

describe('settingFor', () => {
  it.each([
    ['2019-12-31', undefined, undefined],
    ['2020-01-01', undefined, 'national 2020'],
    ['2021-12-31', undefined, 'national 2020'],
    ['2022-01-01', undefined, 'national 2022'],
    ['2020-06-01', '14', 'national 2020'],
    ['2021-01-01', '14', 'Shanxi 2021'],
    // A province's own line overrides a newer national one.
    ['2022-06-01', '14', 'Shanxi 2021'],
    ['2022-06-01', '140929', 'Shanxi 2021'],
    ['2022-06-01', '140929100201', 'Shanxi 2021'],
    ['2023-06-30', '1409', 'Shanxi 2021'],
    ['2023-07-01', '1409', 'Xinzhou mid-2023'],
    ['2023-07-01', '140929', 'Xinzhou mid-2023'],
    ['2023-07-01', '1401', 'Shanxi 2021'],
    // The more specific region wins even over its province's newer entry.
    ['2024-03-01', '140929', 'Xinzhou mid-2023'],
    // Between equal entries, the one listed later (12-digit and short codes denote the same region).
    ['2024-03-01', '1401', 'Shanxi 2024, corrected'],
    ['2024-03-01', '41', 'Henan 2021'],
    ['2024-03-01', '4101', 'Henan 2021'],
    ['2024-03-01', '42', 'national 2022'],
    // A query for the province does not pick up a prefecture's line.
    ['2023-08-01', '14', 'Shanxi 2021'],
  ])('on %s in %s: %s', (date, region, expected) => {
    expect(settingFor(history, date, region)?.value).toBe(expected);
  });

  it('answers with the whole entry, so a caller can cite when and where it was set', () => {
    expect(settingFor(history, '2023-07-01', '140929')).toEqual({
      effectiveFrom: '2023-07-01',
      value: 'Xinzhou mid-2023',
      region: '140900000000',
    });
  });

  it('does not depend on the order of entries with different dates or regions', () => {
    const distinct = history.filter((entry) => entry.value !== 'Shanxi 2024');
    fc.assert(
      fc.property(
        fc.shuffledSubarray(distinct, { minLength: distinct.length }),
        fc.constantFrom('2020-05-05', '2022-02-02', '2023-08-08', '2025-01-01'),
        fc.constantFrom(undefined, '14', '1409', '140929', '41', '42'),
        (shuffled, date, region) => {
          expect(settingFor(shuffled, date, region)).toEqual(settingFor(distinct, date, region));
        },
      ),
    );
  });

  it('judges a year by the setting in force on its last day', () => {
    const midYearChange: DatedSetting<number>[] = [
      { effectiveFrom: '2024-01-01', value: 7000 },
      { effectiveFrom: '2024-07-01', value: 7200 },
    ];
    expect(settingForYear(midYearChange, 2024)?.value).toBe(7200);
    expect(settingForYear(midYearChange, 2023)).toBeUndefined();
  });
});

describe('default lines', () => {
  it.each([
    [2013, 2736],
    [2014, 2800],
    [2015, 2855],
    [2016, 2952],
    [2017, 2952],
    [2018, 2995],
    [2019, 3218],
    [2020, 4000],
  ])('the poverty line of %i is %i yuan', (year, line) => {
    expect(settingForYear(DEFAULT_POVERTY_LINES, year)?.value).toBe(line);
  });

  it('keeps the 2011 standard of 2,300 yuan at 2010 prices', () => {
    expect(settingForYear(DEFAULT_POVERTY_STANDARD_AT_2010_PRICES, 2020)?.value).toBe(2300);
  });

  it.each([
    [2020, '14', 6000],
    [2023, '14', 6000],
    [2024, '14', 7500],
    [2024, '140929', 7500],
    [2024, '41', 6000],
    [2024, undefined, 6000],
  ])('the monitoring line of %i in %s is %i yuan', (year, region, line) => {
    expect(settingForYear(DEFAULT_MONITORING_LINES, year, region)?.value).toBe(line);
  });

  it('sets the default monitoring line at 1.5 × the 2020 poverty line', () => {
    expect(settingForYear(DEFAULT_MONITORING_LINES, 2020)?.value).toBe(
      1.5 * (settingForYear(DEFAULT_POVERTY_LINES, 2020)?.value ?? Number.NaN),
    );
  });
});
