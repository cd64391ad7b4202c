import { idCheckCharacter } from '../rules/id-number.ts';
import { daysSinceEpoch } from './dates.ts';
import type { Random } from './random.ts';

/** Issues valid 18-digit identity numbers (GB 11643-1999), never the same one twice. */
export type IdNumberIssuer = {
  issue(addressCode: string, birthDate: string, sex: 'male' | 'female'): string;
};

/** Sequence numbers of one sex: 500 per address code and birth date (odd for men, even for women). */
const SEQUENCES_PER_SEX = 500;
/** Birth dates from 1880 on, counted from 1970, shifted to be positive. */
const DAY_OFFSET = 40_000;

export function createIdNumberIssuer(random: Random): IdNumberIssuer {
  // Issued numbers are remembered as integers — address index, birth day, sequence — rather than strings:
  // half a million 17-character strings in a set cost more time than generating everything else about people.
  const issued = new Set<number>();
  const addressIndex = new Map<string, number>();
  return {
    issue(addressCode, birthDate, sex) {
      if (!/^\d{6}$/.test(addressCode)) throw new RangeError(`Not a 6-digit address code: ${addressCode}`);
      let address = addressIndex.get(addressCode);
      if (address === undefined) addressIndex.set(addressCode, (address = addressIndex.size));
      const dayKey = (address * 100_000 + daysSinceEpoch(birthDate) + DAY_OFFSET) * 1_000;
      const prefix = addressCode + birthDate.slice(0, 4) + birthDate.slice(5, 7) + birthDate.slice(8, 10);
      // Start at a random slot and probe onwards: the sequence is random, yet a collision costs one step.
      const start = random.int(0, SEQUENCES_PER_SEX - 1);
      for (let step = 0; step < SEQUENCES_PER_SEX; step += 1) {
        const slot = (start + step) % SEQUENCES_PER_SEX;
        // Men get the odd numbers 001–999, women the even ones 002–998 (000 is not issued, 1000 does not fit).
        const sequence = sex === 'male' ? 2 * slot + 1 : 2 * slot + 2;
        if (sequence > 999 || issued.has(dayKey + sequence)) continue;
        issued.add(dayKey + sequence);
        const first17 = prefix + String(sequence).padStart(3, '0');
        return first17 + idCheckCharacter(first17);
      }
      throw new RangeError(`No sequence number left for ${sex} people born ${birthDate} in ${addressCode}`);
    },
  };
}
