import { describe, expect, it } from 'vitest';
import { csvRecords } from './import-layout.ts';

describe('csvRecords', () => {
  it.each([
    [
      'plain lines',
      'a,b,c\n1,2,3\n',
      [
        ['a', 'b', 'c'],
        ['1', '2', '3'],
      ],
    ],
    [
      'CRLF and no final line break',
      'a,b\r\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'a byte-order mark and blank lines',
      '\uFEFFa,b\n\n1,2\r\n\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['empty fields', ',x,\n', [['', 'x', '']]],
    ['quoted commas and doubled quotes', 'a,"b,c","say ""hi"""\n', [['a', 'b,c', 'say "hi"']]],
    [
      'a line break inside quotes',
      '"two\nlines",x\r\nnext,y\n',
      [
        ['two\nlines', 'x'],
        ['next', 'y'],
      ],
    ],
    [
      'quoted lines between plain ones',
      'p,q\n"r",s\nt,u\n',
      [
        ['p', 'q'],
        ['r', 's'],
        ['t', 'u'],
      ],
    ],
  ])('reads %s', (_, text, records) => {
    expect([...csvRecords(text)]).toEqual(records);
  });
});
