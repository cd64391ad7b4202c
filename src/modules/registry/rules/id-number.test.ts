import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCalendarDate } from '../../../platform/calendar-date.ts';
import {
  ageOn,
  idCheckCharacter,
  maskIdNumber,
  upgradeFifteenDigitId,
  validateIdNumber,
  type IdNumberOptions,
} from './id-number.ts';

// 142201 is the retired code of county-level Xinzhou (忻州地区忻州市), still valid in numbers issued before 2000.
const KNOWN_ADDRESS_CODES = ['110105', '140902', '142201'];
const options: IdNumberOptions = {
  isKnownAddressCode: (code) => KNOWN_ADDRESS_CODES.includes(code),
  today: '2024-06-30',
};

describe('idCheckCharacter', () => {
  it.each([
    ['11010519491231002', 'X'], // the worked example of domain.md §3
    ['11010519491231003', '8'],
    ['14220119650301051', '6'],
    ['11010520240630001', '0'],
    ['81000019940823002', '1'],
  ])('%s → %s', (first17, expected) => expect(idCheckCharacter(first17)).toBe(expected));

  it.each(['1101051949123100', '110105194912310021', '1101051949123100A'])('refuses %j', (input) =>
    expect(() => idCheckCharacter(input)).toThrow(RangeError),
  );
});

describe('validateIdNumber accepts', () => {
  it.each([
    ['11010519491231002X', '11010519491231002X', '1949-12-31', 'female', '110105', false],
    ['11010519491231002x', '11010519491231002X', '1949-12-31', 'female', '110105', false],
    [' 11010519491231002X\n', '11010519491231002X', '1949-12-31', 'female', '110105', false],
    ['\u3000110105194912310038\t', '110105194912310038', '1949-12-31', 'male', '110105', false],
    ['142201196503010516', '142201196503010516', '1965-03-01', 'male', '142201', false],
    ['140902200002290427', '140902200002290427', '2000-02-29', 'female', '140902', false],
    ['110105202406300010', '110105202406300010', '2024-06-30', 'male', '110105', false],
    ['110105188001010025', '110105188001010025', '1880-01-01', 'female', '110105', false],
    ['810000199408230021', '810000199408230021', '1994-08-23', 'female', '810000', false],
    ['110105491231002', '11010519491231002X', '1949-12-31', 'female', '110105', true],
    ['142201650301051', '142201196503010516', '1965-03-01', 'male', '142201', true],
  ] as const)('%j', (input, normalized, birthDate, sex, addressCode, upgradedFrom15) => {
    expect(validateIdNumber(input, options)).toEqual({
      ok: true,
      normalized,
      birthDate,
      sex,
      addressCode,
      upgradedFrom15,
    });
  });

  it('accepts the residence-permit prefixes even when the address list does not know them', () => {
    const nothingKnown = { ...options, isKnownAddressCode: () => false };
    expect(validateIdNumber('810000199408230021', nothingKnown).ok).toBe(true);
    expect(validateIdNumber('110105194912310038', nothingKnown).ok).toBe(false);
  });
});

describe('validateIdNumber refuses, saying exactly why', () => {
  it.each([
    ['', 'length', { found: 0 }],
    ['   ', 'length', { found: 0 }],
    ['1101051949123100', 'length', { found: 16 }],
    ['11010519491231002', 'length', { found: 17 }],
    ['11010519491231002XX', 'length', { found: 19 }],
    ['1101051949123100X2', 'characters', { position: 17, found: 'X' }],
    ['1101051949123100x2', 'characters', { position: 17, found: 'x' }],
    ['11010519491231002Y', 'characters', { position: 18, found: 'Y' }],
    ['110105 9491231002X', 'characters', { position: 7, found: ' ' }],
    ['１10105194912310038', 'characters', { position: 1, found: '１' }],
    ['11010549123100X', 'characters', { position: 15, found: 'X' }],
    ['990105194912310023', 'address_code_unknown', { addressCode: '990105' }],
    ['990105491231002', 'address_code_unknown', { addressCode: '990105' }],
    // Only the three exact permit prefixes are exempt from the address list, not all of 81/82/83.
    ['830001199010100024', 'address_code_unknown', { addressCode: '830001' }],
    ['110105194902310026', 'birth_date_invalid', { digits: '19490231' }],
    ['110105194913010029', 'birth_date_invalid', { digits: '19491301' }],
    ['110105194901000026', 'birth_date_invalid', { digits: '19490100' }],
    ['110105190002290025', 'birth_date_invalid', { digits: '19000229' }],
    ['110105490231002', 'birth_date_invalid', { digits: '490231' }],
    ['110105202407010023', 'birth_date_in_future', { birthDate: '2024-07-01', today: '2024-06-30' }],
    ['110105187912310024', 'birth_date_too_early', { birthDate: '1879-12-31', earliest: '1880-01-01' }],
    ['110105194912310021', 'check_digit', { expected: 'X', found: '1' }],
    ['11010519491231003X', 'check_digit', { expected: '8', found: 'X' }],
  ])('%j: %s', (input, reason, params) => {
    expect(validateIdNumber(input, options)).toEqual({ ok: false, reason, params });
  });

  it('treats a malformed "today" as a programming error', () => {
    expect(() => validateIdNumber('11010519491231002X', { ...options, today: '30/06/2024' })).toThrow(RangeError);
  });
});

describe('upgradeFifteenDigitId', () => {
  it('inserts the century and appends the check character', () => {
    expect(upgradeFifteenDigitId('110105491231002')).toBe('11010519491231002X');
  });

  it.each(['11010549123100', '11010519491231002X', '11010549123100X'])('refuses %j', (input) =>
    expect(() => upgradeFifteenDigitId(input)).toThrow(RangeError),
  );
});

describe('maskIdNumber', () => {
  it.each([
    ['11010519491231002X', '110***********002X'],
    ['110105491231002', '110********1002'],
    ['1101051949', '**********'],
    ['', ''],
  ])('%j → %j', (id, masked) => expect(maskIdNumber(id)).toBe(masked));
});

describe('ageOn', () => {
  it.each([
    ['1949-12-31', '1949-12-31', 0],
    ['1949-12-31', '2024-12-30', 74],
    ['1949-12-31', '2024-12-31', 75],
    ['2000-02-29', '2023-02-28', 22],
    ['2000-02-29', '2023-03-01', 23],
    ['2000-02-29', '2024-02-29', 24],
  ])('born %s, on %s: %i', (birthDate, date, age) => expect(ageOn(birthDate, date)).toBe(age));

  it('refuses a date before the birth', () => {
    expect(() => ageOn('2000-01-02', '2000-01-01')).toThrow(RangeError);
  });
});

describe('properties', () => {
  const dayMs = 86_400_000;
  const dateBetween = (from: string, to: string) =>
    fc
      .integer({ min: Date.parse(from) / dayMs, max: Date.parse(to) / dayMs })
      .map((days) => new Date(days * dayMs))
      .map((date) =>
        formatCalendarDate({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() }),
      );
  const sequence = fc.integer({ min: 0, max: 999 }).map((n) => String(n).padStart(3, '0'));
  const address = fc.constantFrom(...KNOWN_ADDRESS_CODES, '810000', '820000', '830000');
  const validId = fc.record({ address, birthDate: dateBetween('1880-01-01', options.today), sequence }).map((parts) => {
    const first17 = parts.address + parts.birthDate.replaceAll('-', '') + parts.sequence;
    return { ...parts, id: first17 + idCheckCharacter(first17) };
  });

  it('(a) a number built from valid parts validates and gives back its birth date and sex', () => {
    fc.assert(
      fc.property(validId, ({ id, address, birthDate, sequence }) => {
        expect(validateIdNumber(id, options)).toEqual({
          ok: true,
          normalized: id,
          birthDate,
          sex: Number(sequence) % 2 === 1 ? 'male' : 'female',
          addressCode: address,
          upgradedFrom15: false,
        });
      }),
    );
  });

  it('(b) changing any one character of a valid number is refused', () => {
    const characters = '0123456789X';
    fc.assert(
      fc.property(validId, fc.nat(17), fc.nat(10), ({ id }, position, shift) => {
        const replacement = characters.charAt((characters.indexOf(id.charAt(position)) + 1 + shift) % 11);
        fc.pre(replacement !== id.charAt(position));
        const changed = id.slice(0, position) + replacement + id.slice(position + 1);
        expect(validateIdNumber(changed, options).ok).toBe(false);
      }),
    );
  });

  it('(b′) swapping two adjacent different characters is refused', () => {
    fc.assert(
      fc.property(validId, fc.nat(16), ({ id }, position) => {
        fc.pre(id.charAt(position) !== id.charAt(position + 1));
        const swapped = id.slice(0, position) + id.charAt(position + 1) + id.charAt(position) + id.slice(position + 2);
        expect(validateIdNumber(swapped, options).ok).toBe(false);
      }),
    );
  });

  it('(c) a 15-digit number upgrades to a valid 18-digit number born in the 1900s', () => {
    const fifteenDigitId = fc
      .record({
        address: fc.constantFrom(...KNOWN_ADDRESS_CODES),
        birthDate: dateBetween('1900-01-01', '1999-12-31'),
        sequence,
      })
      .map((parts) => ({
        ...parts,
        id: parts.address + parts.birthDate.replaceAll('-', '').slice(2) + parts.sequence,
      }));
    fc.assert(
      fc.property(fifteenDigitId, ({ id, birthDate }) => {
        const upgraded = upgradeFifteenDigitId(id);
        expect(upgraded).toMatch(/^\d{6}19\d{9}[\dX]$/);
        expect(validateIdNumber(upgraded, options)).toMatchObject({ ok: true, birthDate, upgradedFrom15: false });
        expect(validateIdNumber(id, options)).toMatchObject({ ok: true, normalized: upgraded, upgradedFrom15: true });
      }),
    );
  });

  it('(d) the mask never shows more than the first 3 and last 4 characters', () => {
    const anyValue = fc.oneof(
      validId.map(({ id }) => id),
      fc.string({ unit: 'grapheme-ascii', maxLength: 25 }),
    );
    fc.assert(
      fc.property(anyValue, (id) => {
        const masked = maskIdNumber(id);
        expect(masked).toHaveLength(id.length);
        const visible =
          id.length === 15 || id.length === 18
            ? [0, 1, 2, id.length - 4, id.length - 3, id.length - 2, id.length - 1]
            : [];
        [...masked].forEach((character, index) => {
          expect(character).toBe(visible.includes(index) ? id.charAt(index) : '*');
        });
      }),
    );
  });
});
