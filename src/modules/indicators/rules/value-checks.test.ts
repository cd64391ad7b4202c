import { describe, expect, it } from 'vitest';
import { checkValue, isOutlier, ruleHolds } from './value-checks.ts';

const plain = { minValue: null, maxValue: null };

describe('typed values', () => {
  it.each([
    [3, { valueType: 'count', ...plain }, null],
    [3.5, { valueType: 'count', ...plain }, 'not_integer'],
    [-1, { valueType: 'count', ...plain }, 'negative_count'],
    [98.98, { valueType: 'percent', ...plain }, null],
    [101, { valueType: 'percent', ...plain }, 'percent_range'],
    [12.34, { valueType: 'money', ...plain }, null],
    [60.15, { valueType: 'money', ...plain }, null],
    [0.29, { valueType: 'money', ...plain }, null],
    [12.345, { valueType: 'money', ...plain }, 'money_precision'],
    [-5, { valueType: 'number', ...plain }, null],
    [5, { valueType: 'number', minValue: 10, maxValue: null }, 'below_min'],
    [500, { valueType: 'number', minValue: 10, maxValue: 366 }, 'above_max'],
    [Number.NaN, { valueType: 'number', ...plain }, 'not_integer'],
  ] as const)('%s as %j → %s', (value, definition, expected) => {
    expect(checkValue(value, definition)).toBe(expected);
  });
});

describe('outliers', () => {
  it.each([
    [150, 100, 30, true],
    [120, 100, 30, false],
    [60, 100, 30, true],
    [5, 0, 30, true],
    [0, 0, 30, false],
    [500, null, 30, false],
    [500, 100, null, false],
  ] as const)('%s after %s with %s%% allowed → %s', (value, previous, pct, expected) => {
    expect(isOutlier(value, previous, pct)).toBe(expected);
  });
});

describe('cross-indicator rules', () => {
  it.each([
    ['lte', 5, 5, true],
    ['lt', 5, 5, false],
    ['gte', 6, 5, true],
    ['gt', 5, 6, false],
  ] as const)('%s %s %s → %s', (op, left, right, expected) => {
    expect(ruleHolds(op, left, right)).toBe(expected);
  });
});
