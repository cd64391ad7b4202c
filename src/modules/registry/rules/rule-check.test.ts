import { describe, expect, it } from 'vitest';
import { conditionCheck, outcomeOf, thresholdCheck } from './rule-check.ts';

describe('rule checks', () => {
  it.each([
    [5, '>', 4, true],
    [4, '>', 4, false],
    [4, '>=', 4, true],
    [3.99, '>=', 4, false],
    [3.99, '<', 4, true],
    [4, '<', 4, false],
    [null, '<', 4, false],
    [null, '>=', 4, false],
    [Number.NaN, '<', 4, false],
    [Number.NaN, '>=', 4, false],
  ] as const)('%s %s %s passes: %s', (actual, comparison, required, passed) => {
    expect(thresholdCheck('figure', actual, comparison, required)).toEqual({
      name: 'figure',
      passed,
      actual,
      required,
      comparison,
    });
  });

  it('passes only when every check passes, and keeps every check', () => {
    const failing = outcomeOf([conditionCheck('a', true), conditionCheck('b', false), conditionCheck('c', false)]);
    expect(failing.passed).toBe(false);
    expect(failing.checks.filter((check) => !check.passed).map((check) => check.name)).toEqual(['b', 'c']);
    expect(outcomeOf([conditionCheck('a', true)]).passed).toBe(true);
  });
});
