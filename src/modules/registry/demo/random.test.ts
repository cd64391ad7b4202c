import { describe, expect, it } from 'vitest';
import { createRandom } from './random.ts';

describe('createRandom', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const draw = (seed: number) => {
      const random = createRandom(seed);
      return Array.from({ length: 5 }, () => random.next());
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('refuses a seed that is not an integer', () => {
    expect(() => createRandom(1.5)).toThrow(RangeError);
  });

  it('keeps int within both ends and reaches them', () => {
    const random = createRandom(1);
    const seen = new Set(Array.from({ length: 2_000 }, () => random.int(3, 6)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('draws weighted values in proportion to their weights, never a zero weight', () => {
    const random = createRandom(2);
    const pairs = [
      ['a', 1],
      ['b', 3],
      ['never', 0],
    ] as const;
    const draws = Array.from({ length: 40_000 }, () => random.weighted(pairs));
    expect(draws.filter((value) => value === 'b').length / draws.length).toBeCloseTo(0.75, 1);
    expect(draws).not.toContain('never');
    expect(() => random.weighted([['x', 0]])).toThrow(RangeError);
  });

  it('draws normal values with the asked mean and spread', () => {
    const random = createRandom(3);
    const values = Array.from({ length: 40_000 }, () => random.normal(10, 2));
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length);
    expect(mean).toBeCloseTo(10, 1);
    expect(sd).toBeCloseTo(2, 1);
  });

  it('shuffles into a permutation and picks only members', () => {
    const random = createRandom(4);
    const items = Array.from({ length: 50 }, (_, index) => index);
    const shuffled = random.shuffle([...items]);
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
    expect(items).toContain(random.pick(items));
    expect(() => random.pick([])).toThrow(RangeError);
  });
});
