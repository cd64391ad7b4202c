import { describe, expect, it } from 'vitest';
import { divisionImportPrefix, divisionImportResult, PREFIX_PATTERN } from './division-import.ts';

describe('division import', () => {
  it.each([
    ['14', true],
    ['1409', true],
    ['140929', true],
    ['all', true],
    ['1', false],
    ['140', false],
    ['14092910', false],
    ['140929000000', false],
    ['ALL', false],
    ['', false],
  ])('accepts %j as a prefix: %s', (prefix, valid) => {
    expect(PREFIX_PATTERN.test(prefix)).toBe(valid);
  });

  it('reads the counts of a finished import', () => {
    expect(divisionImportResult({ prefix: '110101', read: 189, inserted: 189, existing: 0 })).toEqual({
      prefix: '110101',
      read: 189,
      inserted: 189,
      existing: 0,
    });
  });

  it.each([null, undefined, 'done', {}, { prefix: '14', read: 1, inserted: '1', existing: 0 }])(
    'has no counts for %j',
    (result) => {
      expect(divisionImportResult(result)).toBeUndefined();
    },
  );

  it('reads the prefix asked for', () => {
    expect(divisionImportPrefix({ prefix: 'all' })).toBe('all');
    expect(divisionImportPrefix({})).toBeUndefined();
    expect(divisionImportPrefix(null)).toBeUndefined();
  });
});
