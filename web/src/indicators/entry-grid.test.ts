import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error.ts';
import { type Edit, problemsByCell, valuesToSend } from './entry-grid.ts';

const row = (indicator: string, value: number | null, category = '') => ({
  indicator,
  nameZh: indicator,
  nameEn: indicator,
  measureUnit: '',
  valueType: 'number',
  category,
  value,
  comment: 'old',
  previous: null,
  version: value === null ? null : 3,
});

describe('valuesToSend', () => {
  const rows = [row('a', 1), row('b', null), row('c', 5), row('d', 7, '男')];
  it.each<{ edits: Record<string, Edit>; sent: object[] }>([
    { edits: {}, sent: [] },
    { edits: { 'a|': { value: 2 } }, sent: [{ indicator: 'a', value: 2, comment: 'old', version: 3 }] },
    { edits: { 'b|': { value: null } }, sent: [] },
    { edits: { 'c|': { comment: 'why' } }, sent: [{ indicator: 'c', value: 5, comment: 'why', version: 3 }] },
    { edits: { 'd|男': { value: 8 } }, sent: [{ indicator: 'd', category: '男', value: 8, version: 3 }] },
  ])('sends only edited rows with a value: $edits', ({ edits, sent }) => {
    expect(valuesToSend(rows, edits).map((v) => v.value)).toMatchObject(sent);
  });
});

describe('problemsByCell', () => {
  it('puts each issue under the cell of the row it was sent as, the first message per cell', () => {
    const failure = new ApiError(422, {
      code: 'INDICATOR_VALUES_INVALID',
      message: '2 values failed',
      details: [
        { field: 'values.1.comment', code: 'INDICATOR_COMMENT_REQUIRED', message: 'add a comment' },
        { field: 'values.0.value', code: 'INDICATOR_VALUE_NEGATIVE', message: 'negative' },
        { field: 'values.0.value', code: 'INDICATOR_RULE_BROKEN', message: 'rule' },
        { field: 'unit', code: 'x', message: 'ignored' },
      ],
    });
    expect(problemsByCell(failure, ['a|', 'c|'])).toEqual({
      'a|': { value: 'negative' },
      'c|': { comment: 'add a comment' },
    });
  });
});
