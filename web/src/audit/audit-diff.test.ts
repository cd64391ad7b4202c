import { describe, expect, it } from 'vitest';
import { diffSnapshots, formatValue } from './audit-diff.ts';

describe('diffSnapshots', () => {
  it.each([
    {
      name: 'a rename: changed, unchanged and added keys, in first-seen order',
      before: { name: '岢岚县', version: 1, kind: 'division' },
      after: { name: '岢岚县（新）', version: 2, kind: 'division', reason: '文件' },
      expected: [
        ['name', 'changed'],
        ['version', 'changed'],
        ['kind', 'same'],
        ['reason', 'added'],
      ],
    },
    { name: 'a creation: everything added', before: null, after: { a: 1 }, expected: [['a', 'added']] },
    { name: 'a deletion: everything removed', before: { a: 1 }, after: null, expected: [['a', 'removed']] },
    {
      name: 'nested values compare by content',
      before: { s: [1, 2] },
      after: { s: [1, 2] },
      expected: [['s', 'same']],
    },
    { name: 'a bare value is shown under "value"', before: 'x', after: 'y', expected: [['value', 'changed']] },
  ])('$name', ({ before, after, expected }) => {
    expect(diffSnapshots(before, after).map((row) => [row.key, row.change])).toEqual(expected);
  });
});

describe('formatValue', () => {
  it.each([
    ['text', 'text'],
    [3, '3'],
    [null, 'null'],
    [{ a: [1] }, '{"a":[1]}'],
    [undefined, ''],
  ])('%j → %s', (value, shown) => {
    expect(formatValue(value)).toBe(shown);
  });
});
