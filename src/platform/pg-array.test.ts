import { describe, expect, it } from 'vitest';
import { arrayLiteral } from './pg-array.ts';

describe('PostgreSQL array literals', () => {
  it.each([
    [[], '{}'],
    [[1, 2.5, -3], '{1,2.5,-3}'],
    [['12', '345'], '{"12","345"}'],
    [[null, 'red', null], '{NULL,"red",NULL}'],
    [['overdue,report_returned', ''], '{"overdue,report_returned",""}'],
    [['NULL', '{x}', ' padded '], '{"NULL","{x}"," padded "}'],
    [['say "hi"', 'back\\slash'], '{"say \\"hi\\"","back\\\\slash"}'],
  ])('%j → %s', (values, literal) => expect(arrayLiteral(values)).toBe(literal));
});
