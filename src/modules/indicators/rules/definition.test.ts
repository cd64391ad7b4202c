import { describe, expect, it } from 'vitest';
import { type DefinitionShape, definitionProblems } from './definition.ts';

const entered = (code: string, extra: Partial<DefinitionShape> = {}): DefinitionShape => ({
  code,
  source: 'entered',
  entryLevel: 3,
  periodType: 'month',
  numeratorCode: null,
  denominatorCode: null,
  computedKey: null,
  unitAggregation: 'sum',
  weightCode: null,
  categories: [],
  minValue: null,
  maxValue: null,
  rules: [],
  ...extra,
});
const formula = (code: string, numeratorCode: string, denominatorCode: string): DefinitionShape =>
  entered(code, { source: 'formula', entryLevel: null, numeratorCode, denominatorCode, unitAggregation: 'none' });

const others = [entered('a'), entered('b'), formula('share', 'a', 'b'), entered('yearly', { periodType: 'year' })];
const codes = (candidate: DefinitionShape) => definitionProblems(candidate, others).map((p) => `${p.field}:${p.code}`);

describe('indicator definitions', () => {
  it.each([
    ['a plain entered indicator', entered('x'), []],
    ['entered without a level', entered('x', { entryLevel: null }), ['entryLevel:required']],
    ['a formula over known codes', formula('x', 'a', 'share'), []],
    ['a formula over an unknown code', formula('x', 'a', 'zzz'), ['denominatorCode:INDICATOR_FORMULA_UNKNOWN_CODE']],
    ['a formula through itself', formula('x', 'x', 'a'), ['numeratorCode:INDICATOR_FORMULA_CYCLE']],
    ['a formula redefined into a cycle', formula('a', 'share', 'b'), ['numeratorCode:INDICATOR_FORMULA_CYCLE']],
    ['a formula with an entry level', { ...formula('x', 'a', 'b'), entryLevel: 3 }, ['entryLevel:not_allowed']],
    [
      'a computed one without its key',
      entered('x', { source: 'computed', entryLevel: null }),
      ['computedKey:required'],
    ],
    [
      'a computed one with its key',
      entered('x', { source: 'computed', entryLevel: null, computedKey: 'poverty.poor_persons' }),
      [],
    ],
    [
      'categories of an average',
      entered('x', { categories: ['男', '女'], unitAggregation: 'average' }),
      ['categories:not_allowed'],
    ],
    ['duplicate categories', entered('x', { categories: ['男', '男'] }), ['categories:duplicate']],
    ['min above max', entered('x', { minValue: 5, maxValue: 1 }), ['maxValue:below_min']],
    ['weighted by an entered indicator', entered('x', { unitAggregation: 'weighted_average', weightCode: 'a' }), []],
    [
      'weighted by an indicator of another period type',
      entered('x', { unitAggregation: 'weighted_average', weightCode: 'yearly' }),
      ['weightCode:INDICATOR_FORMULA_UNKNOWN_CODE'],
    ],
    [
      'weighted by a formula',
      entered('x', { unitAggregation: 'weighted_average', weightCode: 'share' }),
      ['weightCode:INDICATOR_FORMULA_UNKNOWN_CODE'],
    ],
    [
      'a rule over an unknown code',
      entered('x', { rules: [{ code: 'nope' }] }),
      ['rules.0.code:INDICATOR_FORMULA_UNKNOWN_CODE'],
    ],
  ] as const)('%s', (_, candidate, expected) => {
    expect(codes(candidate as DefinitionShape)).toEqual(expected);
  });
});
