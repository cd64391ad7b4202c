/**
 * The shape every eligibility rule answers with: each check named by a stable code (the UI translates it),
 * with the figure found and the figure required, so a refusal can list every reason at once.
 */
export type Comparison = '>' | '>=' | '<';

export type RuleCheck<Name extends string> = {
  name: Name;
  passed: boolean;
  /** The figure found; `null` when it could not be computed (e.g. a rate over an empty sample). */
  actual?: number | null;
  required?: number;
  /** How `actual` must relate to `required` to pass. */
  comparison?: Comparison;
};

export type RuleOutcome<Name extends string> = { passed: boolean; checks: RuleCheck<Name>[] };

export function outcomeOf<Name extends string>(checks: RuleCheck<Name>[]): RuleOutcome<Name> {
  return { passed: checks.every((check) => check.passed), checks };
}

/** A yes/no condition, such as "safe housing secured". */
export function conditionCheck<Name extends string>(name: Name, met: boolean): RuleCheck<Name> {
  return { name, passed: met };
}

/** A figure against a threshold; an unknown figure (`null`, or NaN from bad data) never passes. */
export function thresholdCheck<Name extends string>(
  name: Name,
  actual: number | null,
  comparison: Comparison,
  required: number,
): RuleCheck<Name> {
  return { name, passed: actual !== null && satisfies(actual, comparison, required), actual, required, comparison };
}

function satisfies(actual: number, comparison: Comparison, required: number): boolean {
  switch (comparison) {
    case '>':
      return actual > required;
    case '>=':
      return actual >= required;
    case '<':
      return actual < required;
  }
}
