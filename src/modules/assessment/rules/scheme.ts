import type { GradeScale } from './grades.ts';
import { sumCents, toCents, toPoints } from './points.ts';

/**
 * An assessment scheme (考核方案): categories of items, each item scored by one rule kind from the unit's
 * records. An item's `points` is what it is worth; only an attainment item with a cap above 1 can score
 * more. Item codes are unique across the scheme, since every record names the item it counts for.
 *
 *   timeliness  the share of the unit's tasks closed by their deadline, times the item's points
 *   attainment  actual ÷ target (target ÷ actual when lower is better), capped, times the item's points
 *   deduction   starts full; each supervision event takes off its kind's points, down to 0 (扣完为止)
 *   bonus       approved bonus claims, up to the item's points
 *   entered     a score out of 100 entered by the assessors (e.g. social evaluation), times the item's points
 *   veto        no points: any veto event vetoes the unit (一票否决), with the scheme's `vetoEffect`
 *
 * Quarterly items are scored each quarter from that quarter's records and enter the year score by the
 * quarter weights (过程考核); annual items are scored once from the year's records (e.g. social evaluation).
 */
export type Cadence = 'quarterly' | 'annual';

export type SchemeItem = { code: string; cadence: Cadence } & (
  | { kind: 'timeliness'; points: number }
  | { kind: 'attainment'; points: number; direction: 'higher_is_better' | 'lower_is_better'; cap: number }
  | { kind: 'deduction'; points: number; pointsPerEvent: Readonly<Record<string, number>> }
  | { kind: 'bonus'; points: number }
  | { kind: 'entered'; points: number }
  | { kind: 'veto' }
);
export type ItemKind = SchemeItem['kind'];

export type SchemeCategory = { code: string; items: readonly SchemeItem[] };

/** `zero_total`: a vetoed unit scores 0. `lowest_grade`: it keeps its score but gets the lowest grade. */
export type VetoEffect = 'zero_total' | 'lowest_grade';

/** Percentages of Q1..Q4, adding up to 100. */
export type QuarterWeights = readonly [number, number, number, number];

export type AssessmentScheme = {
  code: string;
  categories: readonly SchemeCategory[];
  vetoEffect: VetoEffect;
  grades: GradeScale;
  /** Required as soon as one item is quarterly. */
  quarterWeights?: QuarterWeights;
};

export type SchemeProblem =
  | { code: 'duplicate_category_code'; categoryCode: string }
  | { code: 'duplicate_item_code'; itemCode: string }
  | { code: 'points_not_positive'; itemCode: string; points: number }
  | { code: 'cap_below_one'; itemCode: string; cap: number }
  | { code: 'event_points_not_positive'; itemCode: string; eventKind: string; points: number }
  | { code: 'quarter_weights_missing'; itemCode: string }
  | { code: 'quarter_weights_invalid'; weights: number[] }
  | { code: 'grade_bands_not_descending'; grade: string };

/** What the item is worth in the scheme; a veto item is worth nothing, it only vetoes. */
export function itemWorth(item: SchemeItem): number {
  return item.kind === 'veto' ? 0 : item.points;
}

/** The scheme's full marks: the sum of what its items are worth. */
export function schemeWorth(scheme: AssessmentScheme): number {
  const items = scheme.categories.flatMap((category) => category.items);
  return toPoints(sumCents(items.map((item) => toCents(itemWorth(item)))));
}

export function validateScheme(scheme: AssessmentScheme): SchemeProblem[] {
  const problems: SchemeProblem[] = [];
  const weights = scheme.quarterWeights;
  if (weights && (weights.some((weight) => !(weight >= 0)) || sumCents(weights.map(toCents)) !== toCents(100))) {
    problems.push({ code: 'quarter_weights_invalid', weights: [...weights] });
  }
  for (const categoryCode of duplicates(scheme.categories.map((category) => category.code))) {
    problems.push({ code: 'duplicate_category_code', categoryCode });
  }
  const items = scheme.categories.flatMap((category) => category.items);
  for (const itemCode of duplicates(items.map((item) => item.code)))
    problems.push({ code: 'duplicate_item_code', itemCode });
  for (const item of items) problems.push(...itemProblems(item, weights !== undefined));
  scheme.grades.bands.forEach((band, index) => {
    const higher = scheme.grades.bands[index - 1];
    if (higher && band.atLeast >= higher.atLeast)
      problems.push({ code: 'grade_bands_not_descending', grade: band.grade });
  });
  return problems;
}

function itemProblems(item: SchemeItem, hasQuarterWeights: boolean): SchemeProblem[] {
  const problems: SchemeProblem[] = [];
  if (item.cadence === 'quarterly' && !hasQuarterWeights)
    problems.push({ code: 'quarter_weights_missing', itemCode: item.code });
  if (item.kind === 'veto') return problems;
  if (!(item.points > 0)) problems.push({ code: 'points_not_positive', itemCode: item.code, points: item.points });
  // Below 1, full attainment could never earn the item's points.
  if (item.kind === 'attainment' && !(item.cap >= 1))
    problems.push({ code: 'cap_below_one', itemCode: item.code, cap: item.cap });
  if (item.kind === 'deduction') {
    for (const [eventKind, points] of Object.entries(item.pointsPerEvent)) {
      if (!(points > 0)) problems.push({ code: 'event_points_not_positive', itemCode: item.code, eventKind, points });
    }
  }
  return problems;
}

function duplicates(codes: readonly string[]): string[] {
  return [...new Set(codes.filter((code, index) => codes.indexOf(code) !== index))];
}
