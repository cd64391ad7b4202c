/**
 * Runs `work` over consecutive slices of `rows`. PostgreSQL takes at most 65,535 parameters per statement,
 * so multi-row inserts of wide rows go in slices.
 */
export async function inBatches<T, R>(
  rows: readonly T[],
  size: number,
  work: (slice: T[]) => Promise<R[]>,
): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < rows.length; start += size)
    results.push(...(await work(rows.slice(start, start + size))));
  return results;
}
