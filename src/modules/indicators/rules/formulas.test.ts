import { describe, expect, it } from 'vitest';
import { checkFormula, dependentsOf, evaluateRatio, type FormulaDefinition } from './formulas.ts';

const entered = (code: string): FormulaDefinition => ({ code, numeratorCode: null, denominatorCode: null });
const formula = (code: string, numeratorCode: string, denominatorCode: string): FormulaDefinition => ({
  code,
  numeratorCode,
  denominatorCode,
});

describe('formula validation', () => {
  const existing = [entered('a'), entered('b'), formula('share', 'a', 'b')];

  it('accepts a formula over known indicators, also over another formula', () => {
    expect(checkFormula(formula('x', 'a', 'b'), existing)).toEqual([]);
    expect(checkFormula(formula('y', 'share', 'b'), existing)).toEqual([]);
  });

  it('names unknown operands', () => {
    expect(checkFormula(formula('x', 'nope', 'b'), existing)).toEqual([
      { kind: 'unknown_code', field: 'numeratorCode', code: 'nope' },
    ]);
  });

  it.each([
    ['itself', [formula('x', 'x', 'b')], formula('x', 'x', 'b'), ['x', 'x']],
    ['two steps', [entered('b'), formula('c', 'x', 'b')], formula('x', 'c', 'b'), ['x', 'c', 'x']],
    [
      'three steps',
      [entered('b'), formula('c', 'd', 'b'), formula('d', 'x', 'b')],
      formula('x', 'b', 'c'),
      ['x', 'c', 'd', 'x'],
    ],
  ] as const)('finds a cycle through %s', (_, others, candidate, path) => {
    expect(checkFormula(candidate, others)).toContainEqual({ kind: 'cycle', path });
  });

  it('lists dependents transitively', () => {
    const definitions = [...existing, formula('twice', 'share', 'b')];
    expect(dependentsOf('a', definitions).sort()).toEqual(['share', 'twice']);
    expect(dependentsOf('twice', definitions)).toEqual([]);
  });
});

describe('formula evaluation', () => {
  it.each([
    [1, 4, 100, { value: 25, reason: null }],
    [null, 4, 100, { value: null, reason: 'NUMERATOR_MISSING' }],
    [1, null, 100, { value: null, reason: 'DENOMINATOR_MISSING' }],
    [1, 0, 100, { value: null, reason: 'DIVISION_BY_ZERO' }],
    [0, 5, 1, { value: 0, reason: null }],
  ] as const)('%s ÷ %s × %s', (numerator, denominator, factor, expected) => {
    expect(evaluateRatio(numerator, denominator, factor)).toEqual(expected);
  });
});
