import { describe, expect, it } from 'vitest';
import { type DefinitionValues, definitionFromForm } from './definition-form.ts';

const base: DefinitionValues = {
  code: 'test.x',
  nameZh: '甲',
  nameEn: 'A',
  measureUnit: '',
  valueType: 'number',
  direction: 'up',
  unitAggregation: 'sum',
  weightCode: 'test.w',
  periodAggregation: 'sum',
  periodType: 'year',
  source: 'entered',
  entryLevel: 3,
  categories: ['男', '女'],
  numeratorCode: 'test.n',
  denominatorCode: 'test.d',
  factor: 100,
  computedKey: 'registry.x',
  minValue: null,
  maxValue: null,
  outlierChangePct: null,
  rules: [{ op: 'lte', code: 'test.y' }, { op: 'gte' }],
  alertLine: null,
  entryWindowDays: 20,
};

describe('definitionFromForm', () => {
  it.each([
    {
      source: 'entered' as const,
      kept: { entryLevel: 3, categories: ['男', '女'], numeratorCode: null, factor: 1, computedKey: null },
    },
    {
      source: 'formula' as const,
      kept: { entryLevel: null, categories: [], numeratorCode: 'test.n', denominatorCode: 'test.d', factor: 100 },
    },
    { source: 'computed' as const, kept: { entryLevel: null, numeratorCode: null, computedKey: 'registry.x' } },
  ])('keeps only what a $source indicator uses', ({ source, kept }) => {
    expect(definitionFromForm({ ...base, source })).toMatchObject(kept);
  });

  it('keeps the weight only for a weighted average, and drops half-filled rules', () => {
    expect(definitionFromForm(base)).toMatchObject({ weightCode: null, rules: [{ op: 'lte', code: 'test.y' }] });
    expect(definitionFromForm({ ...base, unitAggregation: 'weighted_average' }).weightCode).toBe('test.w');
  });
});
