/** Checks on one entered value: its type, its bounds, whether it is an outlier, cross-indicator rules. */
export type ValueType = 'number' | 'percent' | 'count' | 'money';

export type ValueProblem =
  'not_integer' | 'negative_count' | 'percent_range' | 'money_precision' | 'below_min' | 'above_max';

export function checkValue(
  value: number,
  definition: { valueType: ValueType; minValue: number | null; maxValue: number | null },
): ValueProblem | null {
  if (!Number.isFinite(value)) return 'not_integer';
  if (definition.valueType === 'count') {
    if (!Number.isInteger(value)) return 'not_integer';
    if (value < 0) return 'negative_count';
  }
  if (definition.valueType === 'percent' && (value < 0 || value > 100)) return 'percent_range';
  // Compared with a tolerance: 12.34 × 100 is 1233.9999999999998 in binary floating point.
  if (definition.valueType === 'money' && Math.abs(Math.round(value * 100) - value * 100) > 1e-6)
    return 'money_precision';
  if (definition.minValue !== null && value < definition.minValue) return 'below_min';
  if (definition.maxValue !== null && value > definition.maxValue) return 'above_max';
  return null;
}

/** A change from the previous period larger than the set percentage must be explained with a comment. */
export function isOutlier(value: number, previous: number | null, changePct: number | null): boolean {
  if (changePct === null || previous === null) return false;
  if (previous === 0) return value !== 0;
  return (Math.abs(value - previous) / Math.abs(previous)) * 100 > changePct;
}

export const ruleOperators = ['lte', 'lt', 'gte', 'gt'] as const;
export type RuleOperator = (typeof ruleOperators)[number];
/** "This indicator must be ≤ that one" for the same unit, period and category. */
export type CrossRule = { op: RuleOperator; code: string };

export function ruleHolds(op: RuleOperator, left: number, right: number): boolean {
  if (op === 'lte') return left <= right;
  if (op === 'lt') return left < right;
  if (op === 'gte') return left >= right;
  return left > right;
}
