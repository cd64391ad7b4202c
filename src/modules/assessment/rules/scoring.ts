import { gradeFor } from './grades.ts';
import { scoreItem, type ItemResult, type QuarterShare } from './item-scores.ts';
import { compareText } from './order.ts';
import { sumCents, toCents, toPoints } from './points.ts';
import type { UnitRecords } from './records.ts';
import {
  itemWorth,
  schemeWorth,
  validateScheme,
  type AssessmentScheme,
  type QuarterWeights,
  type SchemeItem,
} from './scheme.ts';

export type CategoryResult = { code: string; worth: number; points: number; items: ItemResult[] };

export type UnitResult = {
  unitId: string;
  schemeCode: string;
  /** The scheme's full marks. */
  worth: number;
  /** The score as published: 0 when vetoed under `zero_total`. */
  total: number;
  /** The sum of the categories, shown beside a vetoed total so the veto's effect is visible. */
  totalBeforeVeto: number;
  vetoed: boolean;
  /** The veto events behind `vetoed`, by id. */
  vetoedBy: string[];
  grade: string;
  /** Some item still lacks an entered value; the score is provisional. */
  missingInput: boolean;
  categories: CategoryResult[];
};

export type UnitInput = {
  unitId: string;
  /** The year's records, read by annual items. */
  records: UnitRecords;
  /** Each quarter's records, Q1..Q4, read by quarterly items. */
  quarterRecords?: readonly [UnitRecords, UnitRecords, UnitRecords, UnitRecords];
};

/**
 * A unit's year score under a scheme, with every category and item broken down to the records behind it.
 * The same input always gives the same output, whatever order its records come in.
 */
export function scoreUnit(scheme: AssessmentScheme, input: UnitInput): UnitResult {
  const problems = validateScheme(scheme);
  if (problems.length > 0)
    throw new RangeError(`Invalid scheme ${scheme.code}: ${problems.map((p) => p.code).join(', ')}`);
  const categories = scheme.categories.map((category): CategoryResult => {
    const items = category.items.map((item) => scoreItemForYear(item, input, scheme.quarterWeights));
    return {
      code: category.code,
      worth: toPoints(sumCents(category.items.map((item) => toCents(itemWorth(item))))),
      points: toPoints(sumCents(items.map((item) => toCents(item.points)))),
      items,
    };
  });
  const totalBeforeVeto = toPoints(sumCents(categories.map((category) => toCents(category.points))));
  const items = categories.flatMap((category) => category.items);
  const vetoedBy = vetoEventIds(items);
  const vetoed = vetoedBy.length > 0;
  const total = vetoed && scheme.vetoEffect === 'zero_total' ? 0 : totalBeforeVeto;
  return {
    unitId: input.unitId,
    schemeCode: scheme.code,
    worth: schemeWorth(scheme),
    total,
    totalBeforeVeto,
    vetoed,
    vetoedBy,
    // A vetoed unit gets the lowest grade under either effect: a zero total reaches it anyway.
    grade: vetoed ? scheme.grades.lowest : gradeFor(total, scheme.grades),
    missingInput: items.some((item) => item.missingInput),
    categories,
  };
}

function scoreItemForYear(item: SchemeItem, input: UnitInput, weights: QuarterWeights | undefined): ItemResult {
  if (item.cadence === 'annual') return scoreItem(item, input.records);
  if (!weights) throw new RangeError(`Quarterly item ${item.code} in a scheme without quarter weights`);
  const quarterRecords = input.quarterRecords;
  if (!quarterRecords) throw new RangeError(`Quarterly item ${item.code} needs the records of each quarter`);
  const quarters = weights.map((weightPercent, index): QuarterShare => {
    const result = scoreItem(item, quarterRecords[index] ?? {});
    const weightedPoints = toPoints(toCents((result.points * weightPercent) / 100));
    return { quarter: index + 1, weightPercent, weightedPoints, item: result };
  });
  const { code, kind, cadence } = item;
  return {
    code,
    kind,
    cadence,
    worth: itemWorth(item),
    points: toPoints(sumCents(quarters.map((quarter) => toCents(quarter.weightedPoints)))),
    basePoints: 0,
    missingInput: quarters.some((quarter) => quarter.item.missingInput),
    contributions: [],
    quarters,
  };
}

function vetoEventIds(items: readonly ItemResult[]): string[] {
  const lines = items.flatMap((item) => [...item.contributions, ...item.quarters.flatMap((q) => q.item.contributions)]);
  const ids = lines.filter((line) => line.source === 'veto_event').map((line) => line.sourceId);
  return [...new Set(ids)].sort(compareText);
}
