import { beforeAll, describe, expect, it } from 'vitest';
import { loadAddressCodes } from './address-codes.ts';

let codes: ReadonlySet<string>;
beforeAll(async () => {
  codes = await loadAddressCodes();
});

describe('address codes for identity numbers', () => {
  it.each([
    ['140929', 'Kelan County today'],
    ['140900', 'Xinzhou City'],
    ['140000', 'Shanxi Province'],
    ['142229', 'Shenchi County under the former Xinzhou prefecture (retired 2000)'],
    ['110103', 'Chongwen District, Beijing (retired 2010)'],
    ['411502', 'Shihe District, Xinyang today'],
  ])('knows %s (%s)', (code) => {
    expect(codes.has(code)).toBe(true);
  });

  it.each(['999999', '140999', '000000'])('does not know %s', (code) => {
    expect(codes.has(code)).toBe(false);
  });

  it('holds today’s and retired codes, several thousand in all', () => {
    expect(codes.size).toBeGreaterThan(6000);
  });
});
