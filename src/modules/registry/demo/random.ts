/**
 * A small seeded pseudo-random generator for demo data: sfc32 (the "small fast counting" generator, 128 bits
 * of state), seeded through splitmix32 so that neighbouring seeds give unrelated sequences. Not for anything
 * secret; the point is that one seed gives the same registry on every machine and every run.
 */
export type Random = {
  /** A float in [0, 1). */
  next(): number;
  /** A float in [min, max). */
  uniform(min: number, max: number): number;
  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** One value, with probability proportional to its weight. */
  weighted<T>(pairs: readonly (readonly [T, number])[]): T;
  normal(mean: number, sd: number): number;
  /** Shuffles in place (Fisher–Yates) and returns the same array. */
  shuffle<T>(items: T[]): T[];
};

const UINT32 = 0x1_0000_0000;

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

function sfc32(seed: number): () => number {
  const seeder = splitmix32(seed);
  let a = seeder();
  let b = seeder();
  let c = seeder();
  let d = 1;
  const step = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / UINT32;
  };
  // The first outputs still echo the seed; the reference implementation discards them the same way.
  for (let i = 0; i < 12; i += 1) step();
  return step;
}

// Weight tables are mostly constants drawn from hundreds of thousands of times: each is summed up once,
// and a draw is a binary search over the running sums.
const runningSums = new WeakMap<readonly (readonly [unknown, number])[], Float64Array>();

function runningSumsOf(pairs: readonly (readonly [unknown, number])[]): Float64Array {
  const cached = runningSums.get(pairs);
  if (cached) return cached;
  const sums = new Float64Array(pairs.length);
  let total = 0;
  pairs.forEach(([, weight], index) => {
    if (!(weight >= 0)) throw new RangeError(`Weight ${weight} is not a weight`);
    sums[index] = total += weight;
  });
  if (!(total > 0)) throw new RangeError('Weights must add up to more than zero');
  runningSums.set(pairs, sums);
  return sums;
}

/** Seeds are integers taken modulo 2³², the width of the generator's seeding. */
export function createRandom(seed: number): Random {
  if (!Number.isInteger(seed)) throw new RangeError(`The seed must be an integer, not ${seed}`);
  const next = sfc32(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    uniform: (min, max) => min + next() * (max - min),
    int,
    chance: (probability) => next() < probability,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('Cannot pick from an empty list');
      return items[int(0, items.length - 1)] as T;
    },
    weighted<T>(pairs: readonly (readonly [T, number])[]): T {
      const sums = runningSumsOf(pairs);
      const point = next() * (sums[sums.length - 1] ?? 0);
      let low = 0;
      let high = sums.length - 1;
      while (low < high) {
        const middle = (low + high) >> 1;
        if ((sums[middle] ?? 0) > point) high = middle;
        else low = middle + 1;
      }
      return (pairs[low] as readonly [T, number])[0];
    },
    normal(mean, sd) {
      // Box–Muller; 1 − next() is in (0, 1], so the logarithm is finite.
      const radius = Math.sqrt(-2 * Math.log(1 - next()));
      return mean + sd * radius * Math.cos(2 * Math.PI * next());
    },
    shuffle<T>(items: T[]): T[] {
      for (let i = items.length - 1; i > 0; i -= 1) {
        const j = int(0, i);
        [items[i], items[j]] = [items[j] as T, items[i] as T];
      }
      return items;
    },
  };
}
