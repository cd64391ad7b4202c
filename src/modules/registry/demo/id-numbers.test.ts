import { describe, expect, it } from 'vitest';
import { validateIdNumber } from '../rules/id-number.ts';
import { createIdNumberIssuer } from './id-numbers.ts';
import { createRandom } from './random.ts';

const options = { isKnownAddressCode: (code: string) => code === '140929', today: '2024-12-31' };

describe('createIdNumberIssuer', () => {
  it('issues valid numbers carrying the address, birth date and sex', () => {
    const issuer = createIdNumberIssuer(createRandom(1));
    for (const sex of ['male', 'female'] as const) {
      const result = validateIdNumber(issuer.issue('140929', '1962-02-28', sex), options);
      expect(result).toMatchObject({ ok: true, addressCode: '140929', birthDate: '1962-02-28', sex });
    }
  });

  it('never repeats a number and runs out only after every sequence of the day is used', () => {
    const issuer = createIdNumberIssuer(createRandom(2));
    const men = Array.from({ length: 500 }, () => issuer.issue('140929', '1980-05-05', 'male'));
    const women = Array.from({ length: 499 }, () => issuer.issue('140929', '1980-05-05', 'female'));
    expect(new Set([...men, ...women]).size).toBe(999);
    expect(() => issuer.issue('140929', '1980-05-05', 'male')).toThrow(RangeError);
    expect(() => issuer.issue('140929', '1980-05-05', 'female')).toThrow(RangeError);
    expect(issuer.issue('140929', '1980-05-06', 'male')).toMatch(/^14092919800506/);
  });

  it('refuses an address code that is not six digits', () => {
    expect(() => createIdNumberIssuer(createRandom(3)).issue('1409', '1980-05-05', 'male')).toThrow(RangeError);
  });
});
