import { checkFormula } from './formulas.ts';

/** The parts of a definition whose consistency is checked on save. */
export type DefinitionShape = {
  code: string;
  source: 'entered' | 'formula' | 'computed';
  entryLevel: number | null;
  periodType: 'month' | 'quarter' | 'year';
  numeratorCode: string | null;
  denominatorCode: string | null;
  computedKey: string | null;
  unitAggregation: 'sum' | 'average' | 'weighted_average' | 'none';
  weightCode: string | null;
  categories: readonly string[];
  minValue: number | null;
  maxValue: number | null;
  rules: readonly { code: string }[];
};

export type DefinitionProblem = { field: string; code: string; params?: Record<string, string> };

/**
 * Everything wrong with a definition among the others (which it replaces when the code is the same): the
 * fields its source needs, weights and rules over existing indicators, formula operands and cycles.
 */
export function definitionProblems(
  candidate: DefinitionShape,
  others: readonly DefinitionShape[],
): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const byCode = new Map(others.filter((o) => o.code !== candidate.code).map((o) => [o.code, o]));
  const need = (field: keyof DefinitionShape, present: boolean) => {
    if (!present) problems.push({ field, code: 'required' });
  };
  const forbid = (field: keyof DefinitionShape, present: boolean) => {
    if (present) problems.push({ field, code: 'not_allowed' });
  };
  need('entryLevel', candidate.source !== 'entered' || candidate.entryLevel !== null);
  forbid('entryLevel', candidate.source !== 'entered' && candidate.entryLevel !== null);
  need('numeratorCode', candidate.source !== 'formula' || candidate.numeratorCode !== null);
  need('denominatorCode', candidate.source !== 'formula' || candidate.denominatorCode !== null);
  forbid('numeratorCode', candidate.source !== 'formula' && candidate.numeratorCode !== null);
  forbid('denominatorCode', candidate.source !== 'formula' && candidate.denominatorCode !== null);
  need('computedKey', candidate.source !== 'computed' || candidate.computedKey !== null);
  forbid('computedKey', candidate.source !== 'computed' && candidate.computedKey !== null);
  // Categories are entered and add up; an average of categories would mean nothing.
  forbid(
    'categories',
    candidate.categories.length > 0 && (candidate.source !== 'entered' || candidate.unitAggregation !== 'sum'),
  );
  if (new Set(candidate.categories).size !== candidate.categories.length)
    problems.push({ field: 'categories', code: 'duplicate' });
  if (candidate.minValue !== null && candidate.maxValue !== null && candidate.minValue > candidate.maxValue) {
    problems.push({ field: 'maxValue', code: 'below_min' });
  }
  if (candidate.unitAggregation === 'weighted_average') {
    const weight = candidate.weightCode === null ? undefined : byCode.get(candidate.weightCode);
    if (candidate.source !== 'entered') problems.push({ field: 'unitAggregation', code: 'entered_only' });
    // Weights pair with values cell by cell: the same units (level) and the same periods.
    else if (
      !weight ||
      weight.source !== 'entered' ||
      weight.entryLevel !== candidate.entryLevel ||
      weight.periodType !== candidate.periodType
    ) {
      problems.push({
        field: 'weightCode',
        code: 'INDICATOR_FORMULA_UNKNOWN_CODE',
        params: { code: candidate.weightCode ?? '' },
      });
    }
  } else {
    forbid('weightCode', candidate.weightCode !== null);
  }
  candidate.rules.forEach((rule, index) => {
    if (!byCode.has(rule.code)) {
      problems.push({
        field: `rules.${index}.code`,
        code: 'INDICATOR_FORMULA_UNKNOWN_CODE',
        params: { code: rule.code },
      });
    }
  });
  if (candidate.source === 'formula' && candidate.numeratorCode !== null && candidate.denominatorCode !== null) {
    for (const problem of checkFormula(candidate, [...byCode.values()])) {
      problems.push(
        problem.kind === 'unknown_code'
          ? { field: problem.field, code: 'INDICATOR_FORMULA_UNKNOWN_CODE', params: { code: problem.code } }
          : { field: 'numeratorCode', code: 'INDICATOR_FORMULA_CYCLE', params: { path: problem.path.join(' → ') } },
      );
    }
  }
  return problems;
}
