/**
 * Scores are published to two decimals. Reckoning in whole hundredths ("cents" of a point) keeps every sum
 * exact, so the lines of a breakdown always add up to the figure above them.
 */
export function toCents(points: number): number {
  return Math.round(points * 100);
}

export function toPoints(cents: number): number {
  // Adding 0 turns −0 (from negating or rounding a zero) into 0, so results compare and print cleanly.
  return cents / 100 + 0;
}

export function sumCents(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0);
}

/** Splits `total` hundredths over `count` lines as evenly as possible, the first lines taking the leftovers. */
export function splitEvenly(total: number, count: number): number[] {
  const share = Math.floor(total / count);
  const leftover = total - share * count;
  return Array.from({ length: count }, (_, index) => share + (index < leftover ? 1 : 0));
}
