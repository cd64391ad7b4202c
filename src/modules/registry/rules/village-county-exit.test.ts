import { describe, expect, it } from 'vitest';
import { failedCheckNames } from './fixtures.ts';
import {
  checkCountyExit,
  checkVillageExit,
  exitIncidence,
  INCIDENCE_THRESHOLD,
  incidence,
  missedRate,
  wrongExitRate,
  type CountyExitInput,
  type VillageConditions,
} from './village-county-exit.ts';

const XINZHOU_RURAL_POPULATION = 2_359_000;

describe('rates', () => {
  it.each([
    // Xinzhou, domain.md §5: 467,400 registered poor in 2014, 53,700 left in 2018.
    [467_400, XINZHOU_RURAL_POPULATION, 0.1981],
    [53_700, XINZHOU_RURAL_POPULATION, 0.0228],
    [0, 1200, 0],
    [1200, 1200, 1],
  ])('incidence of %i in %i ≈ %d', (poor, population, expected) => {
    expect(incidence(poor, population)).toBeCloseTo(expected, 4);
  });

  it('has no incidence, and no rate, over an empty base', () => {
    expect(incidence(0, 0)).toBeNull();
    expect(wrongExitRate(0, 0)).toBeNull();
    expect(missedRate(0, 0)).toBeNull();
    expect(exitIncidence({ remainingRegisteredPoor: 0, missed: 0, wronglyExited: 0, ruralPopulation: 0 })).toBeNull();
  });

  it('counts the missed and the wrongly exited into the exit incidence', () => {
    const counts = {
      remainingRegisteredPoor: 30_000,
      missed: 12_000,
      wronglyExited: 5_180,
      ruralPopulation: XINZHOU_RURAL_POPULATION,
    };
    expect(exitIncidence(counts)).toBe(47_180 / XINZHOU_RURAL_POPULATION);
    expect(exitIncidence(counts)).toBe(0.02);
  });

  it.each([
    [3, 150, 0.02],
    [2, 150, 2 / 150],
    [0, 150, 0],
  ])('wrong-exit rate %i of %i = %d', (wrong, sampled, rate) => expect(wrongExitRate(wrong, sampled)).toBe(rate));

  it.each([
    [20, 1000, 0.02],
    [19, 1000, 0.019],
  ])('missed rate %i of %i = %d', (missed, sampled, rate) => expect(missedRate(missed, sampled)).toBe(rate));
});

describe('checkVillageExit', () => {
  const allMet: VillageConditions = { roads: true, water: true, power: true, clinic: true };

  it.each([
    [0.0199, INCIDENCE_THRESHOLD.centralEastern, true],
    // Exactly on the threshold fails "below 2%": 2 of 100, computed as the service will compute it.
    [incidence(2, 100), INCIDENCE_THRESHOLD.centralEastern, false],
    [0.0228, INCIDENCE_THRESHOLD.centralEastern, false],
    [0.0228, INCIDENCE_THRESHOLD.western, true],
    [0.0299, INCIDENCE_THRESHOLD.western, true],
    [incidence(3, 100), INCIDENCE_THRESHOLD.western, false],
    [0, INCIDENCE_THRESHOLD.centralEastern, true],
    [null, INCIDENCE_THRESHOLD.western, false],
  ])('incidence %s against %d passes: %s', (villageIncidence, threshold, passed) => {
    const outcome = checkVillageExit({ incidence: villageIncidence, threshold, conditions: allMet });
    expect(outcome.passed).toBe(passed);
    expect(outcome.checks[0]).toEqual({
      name: 'incidence_below_threshold',
      passed,
      actual: villageIncidence,
      required: threshold,
      comparison: '<',
    });
  });

  it.each(['roads', 'water', 'power', 'clinic'] as const)(
    'refuses a village whose %s condition is unmet',
    (condition) => {
      const outcome = checkVillageExit({
        incidence: 0.01,
        threshold: 0.02,
        conditions: { ...allMet, [condition]: false },
      });
      expect(outcome.passed).toBe(false);
      expect(outcome.checks.filter((check) => !check.passed)).toEqual([{ name: condition, passed: false }]);
    },
  );

  it('lists every failing check', () => {
    const outcome = checkVillageExit({
      incidence: 0.05,
      threshold: 0.03,
      conditions: { roads: false, water: true, power: true, clinic: false },
    });
    expect(outcome).toEqual({
      passed: false,
      checks: [
        { name: 'incidence_below_threshold', passed: false, actual: 0.05, required: 0.03, comparison: '<' },
        { name: 'roads', passed: false },
        { name: 'water', passed: true },
        { name: 'power', passed: true },
        { name: 'clinic', passed: false },
      ],
    });
  });
});

describe('checkCountyExit', () => {
  const exiting = {
    exitIncidence: 0.015,
    wrongExitRate: 0.005,
    missedRate: 0.004,
    recognition: 0.95,
    incidenceThreshold: INCIDENCE_THRESHOLD.centralEastern,
  };
  const failedNames = (input: CountyExitInput) => failedCheckNames(checkCountyExit(input));

  it('passes a county meeting every threshold, showing each figure against its requirement', () => {
    expect(checkCountyExit(exiting)).toEqual({
      passed: true,
      checks: [
        { name: 'exit_incidence_below_threshold', passed: true, actual: 0.015, required: 0.02, comparison: '<' },
        { name: 'wrong_exit_rate_below_limit', passed: true, actual: 0.005, required: 0.02, comparison: '<' },
        { name: 'missed_rate_below_limit', passed: true, actual: 0.004, required: 0.02, comparison: '<' },
        { name: 'recognition_at_least_minimum', passed: true, actual: 0.95, required: 0.9, comparison: '>=' },
      ],
    });
  });

  it.each<[string, Partial<CountyExitInput>, string[]]>([
    ['exit incidence 1.99%', { exitIncidence: 0.0199 }, []],
    ['exit incidence exactly 2%', { exitIncidence: 0.02 }, ['exit_incidence_below_threshold']],
    [
      'Xinzhou 2018: 2.28%',
      { exitIncidence: incidence(53_700, XINZHOU_RURAL_POPULATION) },
      ['exit_incidence_below_threshold'],
    ],
    [
      'Xinzhou 2018 in a western province',
      { exitIncidence: incidence(53_700, XINZHOU_RURAL_POPULATION), incidenceThreshold: INCIDENCE_THRESHOLD.western },
      [],
    ],
    ['exit incidence 2.99% in a western province', { exitIncidence: 0.0299, incidenceThreshold: 0.03 }, []],
    [
      'exit incidence 3% in a western province',
      { exitIncidence: 0.03, incidenceThreshold: 0.03 },
      ['exit_incidence_below_threshold'],
    ],
    ['wrong-exit rate 1.99%', { wrongExitRate: 0.0199 }, []],
    ['wrong-exit rate exactly 2%', { wrongExitRate: wrongExitRate(3, 150) }, ['wrong_exit_rate_below_limit']],
    ['missed rate 1.99%', { missedRate: 0.0199 }, []],
    ['missed rate exactly 2%', { missedRate: missedRate(20, 1000) }, ['missed_rate_below_limit']],
    ['recognition exactly 90%', { recognition: 0.9 }, []],
    ['recognition 9,000 of 10,000', { recognition: 9000 / 10_000 }, []],
    ['recognition 89.99%', { recognition: 0.8999 }, ['recognition_at_least_minimum']],
    ['no exited households sampled', { wrongExitRate: null }, ['wrong_exit_rate_below_limit']],
    ['recognition not yet surveyed', { recognition: null }, ['recognition_at_least_minimum']],
    [
      'every check failing',
      { exitIncidence: 0.1981, wrongExitRate: 0.03, missedRate: 0.021, recognition: 0.85 },
      [
        'exit_incidence_below_threshold',
        'wrong_exit_rate_below_limit',
        'missed_rate_below_limit',
        'recognition_at_least_minimum',
      ],
    ],
  ])('%s', (_case, change, failing) => {
    const input = { ...exiting, ...change };
    expect(failedNames(input)).toEqual(failing);
    expect(checkCountyExit(input).passed).toBe(failing.length === 0);
  });
});
