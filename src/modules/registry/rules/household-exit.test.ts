import { describe, expect, it } from 'vitest';
import { basicNeedsChecks } from './basic-needs.ts';
import { ALL_BASIC_NEEDS_SECURED, failedCheckNames } from './fixtures.ts';
import { checkHouseholdExit } from './household-exit.ts';

describe('checkHouseholdExit', () => {
  it('passes a household above the line with every need secured, listing each check', () => {
    expect(
      checkHouseholdExit({ incomePerCapita: 4200, povertyLine: 4000, basicNeeds: ALL_BASIC_NEEDS_SECURED }),
    ).toEqual({
      passed: true,
      checks: [
        { name: 'income_above_poverty_line', passed: true, actual: 4200, required: 4000, comparison: '>' },
        ...basicNeedsChecks(ALL_BASIC_NEEDS_SECURED),
      ],
    });
  });

  it.each([
    [2996, 2995, true],
    [2995.01, 2995, true],
    // "Above" is strict: income exactly on the line does not exit.
    [2995, 2995, false],
    [2994.99, 2995, false],
    [-150, 2995, false],
    [Number.NaN, 2995, false],
  ])('income %d against the line %d passes: %s', (incomePerCapita, povertyLine, passed) => {
    const outcome = checkHouseholdExit({ incomePerCapita, povertyLine, basicNeeds: ALL_BASIC_NEEDS_SECURED });
    expect(outcome.passed).toBe(passed);
    expect(failedCheckNames(outcome)).toEqual(passed ? [] : ['income_above_poverty_line']);
  });

  it('lists every failing reason, not just the first', () => {
    const outcome = checkHouseholdExit({
      incomePerCapita: 3100,
      povertyLine: 3218,
      basicNeeds: { ...ALL_BASIC_NEEDS_SECURED, safeHousing: false, safeDrinkingWater: false },
    });
    expect(outcome.passed).toBe(false);
    expect(failedCheckNames(outcome)).toEqual(['income_above_poverty_line', 'safe_housing', 'safe_drinking_water']);
    expect(outcome.checks[0]).toEqual({
      name: 'income_above_poverty_line',
      passed: false,
      actual: 3100,
      required: 3218,
      comparison: '>',
    });
  });
});
