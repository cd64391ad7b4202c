import { formatCalendarDate, isRealDate, parseCalendarDate } from '../../../platform/calendar-date.ts';

/**
 * Resident identity numbers (GB 11643-1999): 6-digit address code (GB/T 2260) + birth date YYYYMMDD +
 * 3-digit sequence (odd = male, even = female) + a check character by ISO 7064 MOD 11-2. Numbers issued
 * before 1999 have 15 digits (a YYMMDD date in the 1900s and no check character); they are upgraded.
 */

export type IdNumberRejection = { ok: false } & (
  | { reason: 'length'; params: { found: number } }
  /** `position` is 1-based, as a person counts the characters on the card. */
  | { reason: 'characters'; params: { position: number; found: string } }
  | { reason: 'address_code_unknown'; params: { addressCode: string } }
  /** The eight (or six, for a 15-digit number) date digits do not name a calendar day. */
  | { reason: 'birth_date_invalid'; params: { digits: string } }
  | { reason: 'birth_date_too_early'; params: { birthDate: string; earliest: string } }
  | { reason: 'birth_date_in_future'; params: { birthDate: string; today: string } }
  | { reason: 'check_digit'; params: { expected: string; found: string } }
);

export type IdNumberProblem = IdNumberRejection['reason'];

export type ValidIdNumber = {
  ok: true;
  /** 18 characters with an upper-case X, whatever the input looked like. */
  normalized: string;
  birthDate: string;
  sex: 'male' | 'female';
  addressCode: string;
  upgradedFrom15: boolean;
};

export type IdNumberValidation = ValidIdNumber | IdNumberRejection;

export type IdNumberOptions = {
  /** Current and retired GB/T 2260 codes: retired codes stay valid in numbers issued before the change. */
  isKnownAddressCode: (code6: string) => boolean;
  /** YYYY-MM-DD; a birth date after it is refused. */
  today: string;
};

/** Hong Kong, Macao and Taiwan residents' residence permits use these in place of a GB/T 2260 code. */
const RESIDENCE_PERMIT_ADDRESS_CODES: ReadonlySet<string> = new Set(['810000', '820000', '830000']);

/** Nobody a registry of the 2010s holds was born earlier, so an earlier date is a typing error. */
const EARLIEST_BIRTH_DATE = '1880-01-01';

const CHECK_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';

/** The 18th character for the first 17 digits: weighted sum mod 11, mapped through `1 0 X 9 8 7 6 5 4 3 2`. */
export function idCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('The check character needs exactly 17 digits');
  const sum = CHECK_WEIGHTS.reduce((total, weight, index) => total + weight * Number(first17[index]), 0);
  return CHECK_CHARACTERS.charAt(sum % 11);
}

/** 15 digits → 18: the year gains its "19" (15-digit numbers were issued only to people born in the 1900s). */
export function upgradeFifteenDigitId(id15: string): string {
  if (!/^\d{15}$/.test(id15)) throw new RangeError('Only a 15-digit number can be upgraded');
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return first17 + idCheckCharacter(first17);
}

export function validateIdNumber(input: string, options: IdNumberOptions): IdNumberValidation {
  const today = canonicalDate(options.today);
  const id = input.trim().replace(/x$/, 'X');
  if (id.length !== 15 && id.length !== 18) return { ok: false, reason: 'length', params: { found: id.length } };

  const badPosition = firstBadCharacter(id);
  if (badPosition !== -1) {
    return { ok: false, reason: 'characters', params: { position: badPosition + 1, found: id.charAt(badPosition) } };
  }

  const upgradedFrom15 = id.length === 15;
  const first17 = upgradedFrom15 ? `${id.slice(0, 6)}19${id.slice(6)}` : id.slice(0, 17);

  const addressCode = first17.slice(0, 6);
  if (!RESIDENCE_PERMIT_ADDRESS_CODES.has(addressCode) && !options.isKnownAddressCode(addressCode)) {
    return { ok: false, reason: 'address_code_unknown', params: { addressCode } };
  }

  const dateProblem = birthDateProblem(first17.slice(6, 14), upgradedFrom15, today);
  if (dateProblem) return dateProblem;

  const expected = idCheckCharacter(first17);
  if (!upgradedFrom15 && id.charAt(17) !== expected) {
    return { ok: false, reason: 'check_digit', params: { expected, found: id.charAt(17) } };
  }

  return {
    ok: true,
    normalized: first17 + expected,
    birthDate: birthDateOf(first17),
    sex: Number(first17.charAt(16)) % 2 === 1 ? 'male' : 'female',
    addressCode,
    upgradedFrom15,
  };
}

/** Index of the first character that cannot stand where it is: digits throughout, X only as the 18th. */
function firstBadCharacter(id: string): number {
  for (let index = 0; index < id.length; index += 1) {
    const character = id.charAt(index);
    const isDigit = character >= '0' && character <= '9';
    if (!isDigit && !(character === 'X' && index === 17)) return index;
  }
  return -1;
}

function birthDateProblem(digits8: string, upgradedFrom15: boolean, today: string): IdNumberRejection | null {
  const date = { year: Number(digits8.slice(0, 4)), month: Number(digits8.slice(4, 6)), day: Number(digits8.slice(6)) };
  if (!isRealDate(date)) {
    // Report the digits as written: a 15-digit number never contained the "19".
    return { ok: false, reason: 'birth_date_invalid', params: { digits: upgradedFrom15 ? digits8.slice(2) : digits8 } };
  }
  const birthDate = formatCalendarDate(date);
  if (birthDate > today) return { ok: false, reason: 'birth_date_in_future', params: { birthDate, today } };
  if (birthDate < EARLIEST_BIRTH_DATE) {
    return { ok: false, reason: 'birth_date_too_early', params: { birthDate, earliest: EARLIEST_BIRTH_DATE } };
  }
  return null;
}

/** Throws on a malformed `today`: that is the caller's bug, not something wrong with the person's number. */
function canonicalDate(date: string): string {
  return formatCalendarDate(parseCalendarDate(date));
}

function birthDateOf(first17: string): string {
  return `${first17.slice(6, 10)}-${first17.slice(10, 12)}-${first17.slice(12, 14)}`;
}

/**
 * For screens and exports without the permission to see ID numbers. The first 3 and last 4 characters stay
 * visible (110***********002X), a common Chinese display practice: enough for a clerk to tell two people
 * apart in a list, while the prefecture and county of registration (digits 4–6) and the birth date stay
 * hidden. We chose it over "first 6 and last 4" because a village list would then show everyone's county.
 * A value that is not 15 or 18 characters long is no number we understand, so none of it is shown.
 */
export function maskIdNumber(id: string): string {
  if (id.length !== 15 && id.length !== 18) return '*'.repeat(id.length);
  return id.slice(0, 3) + '*'.repeat(id.length - 7) + id.slice(-4);
}

/** Completed years on `date`; someone born on 29 February reaches the next year on 1 March in common years. */
export function ageOn(birthDate: string, date: string): number {
  const birth = parseCalendarDate(birthDate);
  const on = parseCalendarDate(date);
  if (date < birthDate) throw new RangeError(`${date} precedes the birth date ${birthDate}`);
  const birthdayReached = on.month > birth.month || (on.month === birth.month && on.day >= birth.day);
  return on.year - birth.year - (birthdayReached ? 0 : 1);
}
