import { describe, expect, it } from 'vitest';
import { combinePeriods, rankValues, weightedAverage } from './aggregation.ts';

describe('aggregation across units', () => {
  it('weights an average and refuses a zero weight', () => {
    expect(weightedAverage(250, 10)).toBe(25);
    expect(weightedAverage(0, 0)).toBeNull();
  });
});

describe('aggregation across periods', () => {
  it.each([
    ['sum', [1, 2, null, 3], 6],
    ['average', [1, null, 3], 2],
    ['last', [1, 2, null], 2],
    ['last', [null, null], null],
    ['sum', [], null],
  ] as const)('%s of %j is %s', (method, values, expected) => {
    expect(combinePeriods(method, values)).toBe(expected);
  });
});

describe('ranking', () => {
  it('ranks higher-is-better with ties and leaves missing values unranked', () => {
    const ranked = rankValues(
      [
        { unit: 'a', value: 5 },
        { unit: 'b', value: 9 },
        { unit: 'c', value: 5 },
        { unit: 'd', value: null },
        { unit: 'e', value: 1 },
      ],
      'up',
    );
    expect(ranked.map((r) => r.rank)).toEqual([2, 1, 2, null, 4]);
  });

  it('ranks lower-is-better the other way round', () => {
    expect(rankValues([{ value: 3 }, { value: 1 }, { value: 2 }], 'down').map((r) => r.rank)).toEqual([3, 1, 2]);
  });
});
