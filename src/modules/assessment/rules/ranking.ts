import { compareText } from './order.ts';
import { toCents } from './points.ts';

export type Rankable = { unitId: string; total: number; vetoed: boolean };
export type RankedUnit = Rankable & { rank: number };

/**
 * Competition ranking (1, 2, 2, 4): units with equal totals share a rank and the next rank skips. A vetoed
 * unit ranks below every unit that was not vetoed, whatever its total. Ties are listed by unit id so the
 * order never depends on the input's.
 */
export function rankUnits(results: readonly Rankable[]): RankedUnit[] {
  const ordered = [...results].sort(
    (a, b) =>
      Number(a.vetoed) - Number(b.vetoed) || toCents(b.total) - toCents(a.total) || compareText(a.unitId, b.unitId),
  );
  const ranked: RankedUnit[] = [];
  ordered.forEach((unit, index) => {
    const previous = ranked[index - 1];
    const tied = previous && previous.vetoed === unit.vetoed && toCents(previous.total) === toCents(unit.total);
    ranked.push({
      unitId: unit.unitId,
      total: unit.total,
      vetoed: unit.vetoed,
      rank: tied ? previous.rank : index + 1,
    });
  });
  return ranked;
}
