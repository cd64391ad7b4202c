import { describe, expect, it } from 'vitest';
import { gradeFor, HUNDRED_POINT_GRADES } from './grades.ts';
import { rankUnits } from './ranking.ts';

const unit = (unitId: string, total: number, vetoed = false) => ({ unitId, total, vetoed });

describe('rankUnits', () => {
  it('shares a rank between equal totals and skips the next (1, 2, 2, 4)', () => {
    const ranked = rankUnits([unit('d', 80), unit('b', 85.5), unit('a', 91), unit('c', 85.5)]);
    expect(ranked.map(({ unitId, rank }) => [unitId, rank])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 2],
      ['d', 4],
    ]);
  });

  it('ranks every unit first when all are equal, listing them by id', () => {
    expect(rankUnits([unit('z', 70), unit('m', 70), unit('a', 70)])).toEqual([
      { unitId: 'a', total: 70, vetoed: false, rank: 1 },
      { unitId: 'm', total: 70, vetoed: false, rank: 1 },
      { unitId: 'z', total: 70, vetoed: false, rank: 1 },
    ]);
  });

  it('puts vetoed units below the rest, whatever their totals, and ranks them among themselves', () => {
    const ranked = rankUnits([
      unit('v1', 95, true),
      unit('a', 60),
      unit('v2', 95, true),
      unit('v3', 0, true),
      unit('b', 0),
    ]);
    expect(ranked.map(({ unitId, rank }) => [unitId, rank])).toEqual([
      ['a', 1],
      ['b', 2],
      ['v1', 3],
      ['v2', 3],
      ['v3', 5],
    ]);
  });

  it('compares totals to the hundredth, so floating-point sums that print alike tie', () => {
    expect(rankUnits([unit('a', 0.1 + 0.2), unit('b', 0.3)]).map((r) => r.rank)).toEqual([1, 1]);
  });

  it('ranks nobody when there is nobody', () => {
    expect(rankUnits([])).toEqual([]);
  });
});

describe('gradeFor on a 100-point scale', () => {
  it.each([
    [100, 'excellent'],
    [90, 'excellent'],
    [89.99, 'good'],
    [80, 'good'],
    [79.99, 'pass'],
    [60, 'pass'],
    [59.99, 'fail'],
    [0, 'fail'],
  ])('%d is %s', (total, grade) => {
    expect(gradeFor(total, HUNDRED_POINT_GRADES)).toBe(grade);
  });
});
