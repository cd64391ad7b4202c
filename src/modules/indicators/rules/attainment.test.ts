import { describe, expect, it } from 'vitest';
import { attainment, crossing, ragOf } from './attainment.ts';

describe('attainment', () => {
  it.each([
    [{ value: 90, target: 100, direction: 'up' }, 0.9],
    [{ value: 120, target: 100, direction: 'up' }, 1.2],
    [{ value: 50, target: 0, direction: 'up' }, null],
    [{ value: 4, target: 2, direction: 'down' }, 0.5],
    [{ value: 0, target: 2, direction: 'down' }, null],
    [{ value: null, target: 2, direction: 'up' }, null],
    [{ value: 3, target: null, direction: 'up' }, null],
    // with a baseline: the share of the planned change achieved
    [{ value: 15, target: 20, baseline: 10, direction: 'up' }, 0.5],
    [{ value: 8, target: 5, baseline: 10, direction: 'down' }, 0.4],
    [{ value: 12, target: 10, baseline: 10, direction: 'up' }, 1.2],
  ] as const)('%j → %s', (input, expected) => {
    const result = attainment(input);
    if (expected === null) expect(result).toBeNull();
    else expect(result).toBeCloseTo(expected, 10);
  });
});

describe('RAG', () => {
  const thresholds = { greenAt: 1, amberAt: 0.9 };
  it.each([
    [1.05, 'green'],
    [1, 'green'],
    [0.95, 'amber'],
    [0.9, 'amber'],
    [0.5, 'red'],
    [null, null],
  ] as const)('%s is %s', (value, expected) => {
    expect(ragOf(value, thresholds)).toBe(expected);
  });
});

describe('threshold crossing', () => {
  it.each([
    [48, 51, 50, 'up'],
    [49, 50, 50, 'up'],
    [51, 52, 50, null],
    [52, 49, 50, 'down'],
    [null, 52, 50, null],
    [40, null, 50, null],
  ] as const)('%s → %s over %s crosses %s', (previous, current, line, expected) => {
    expect(crossing(previous, current, line)).toBe(expected);
  });
});
