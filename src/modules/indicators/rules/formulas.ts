/**
 * Formula indicators are numerator ÷ denominator × factor over other indicators (which may be formulas
 * themselves). Definitions are checked on save; division happens at query time.
 */
export type FormulaDefinition = { code: string; numeratorCode: string | null; denominatorCode: string | null };

export type FormulaProblem =
  | { kind: 'unknown_code'; field: 'numeratorCode' | 'denominatorCode'; code: string }
  | { kind: 'cycle'; path: string[] };

/** The codes an indicator's value is computed from. */
export function formulaInputs(definition: FormulaDefinition): string[] {
  return [definition.numeratorCode, definition.denominatorCode].filter((c): c is string => c !== null);
}

/**
 * Problems with `candidate` among the existing definitions (the candidate replaces any of the same code):
 * operands that do not exist, and any cycle through the candidate (A = B ÷ C, C = A ÷ D).
 */
export function checkFormula(candidate: FormulaDefinition, existing: readonly FormulaDefinition[]): FormulaProblem[] {
  const byCode = new Map(existing.map((d) => [d.code, d]));
  byCode.set(candidate.code, candidate);
  const problems: FormulaProblem[] = [];
  for (const field of ['numeratorCode', 'denominatorCode'] as const) {
    const code = candidate[field];
    if (code !== null && !byCode.has(code)) problems.push({ kind: 'unknown_code', field, code });
  }
  const cycle = findCycleFrom(candidate.code, byCode);
  if (cycle) problems.push({ kind: 'cycle', path: cycle });
  return problems;
}

function findCycleFrom(start: string, byCode: ReadonlyMap<string, FormulaDefinition>): string[] | null {
  const visit = (code: string, trail: string[]): string[] | null => {
    const definition = byCode.get(code);
    if (!definition) return null;
    for (const input of formulaInputs(definition)) {
      if (input === start) return [...trail, input];
      if (trail.includes(input)) continue;
      const found = visit(input, [...trail, input]);
      if (found) return found;
    }
    return null;
  };
  return visit(start, [start]);
}

/** Every indicator whose value depends on `code`, directly or through other formulas. */
export function dependentsOf(code: string, definitions: readonly FormulaDefinition[]): string[] {
  const found = new Set<string>();
  const queue = [code];
  while (queue.length > 0) {
    const current = queue.shift() as string;
    for (const d of definitions) {
      if (!found.has(d.code) && formulaInputs(d).includes(current)) {
        found.add(d.code);
        queue.push(d.code);
      }
    }
  }
  return [...found];
}

export type NullReason = 'NO_DATA' | 'NUMERATOR_MISSING' | 'DENOMINATOR_MISSING' | 'DIVISION_BY_ZERO';
export type Evaluated = { value: number | null; reason: NullReason | null };

/** numerator ÷ denominator × factor, or null with the reason nobody can see from a blank cell. */
export function evaluateRatio(numerator: number | null, denominator: number | null, factor: number): Evaluated {
  if (numerator === null) return { value: null, reason: 'NUMERATOR_MISSING' };
  if (denominator === null) return { value: null, reason: 'DENOMINATOR_MISSING' };
  if (denominator === 0) return { value: null, reason: 'DIVISION_BY_ZERO' };
  return { value: (numerator / denominator) * factor, reason: null };
}
