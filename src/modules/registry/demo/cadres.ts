import { CADRE_HOUSEHOLDS, CADRE_LEVEL_WEIGHTS, DEPARTMENTS_PER_UNIT } from './calibration.ts';
import { randomGivenName, randomSurname } from './names.ts';
import type { Random } from './random.ts';
import type { DemoCadre } from './types.ts';

/** The round of pairing a cadre belongs to; a cadre serves households of one township in one round. */
export type PairingRound = 'registration' | 'rotation' | 'monitoring';

export type CadreRoster = {
  /** The cadre for the next household of the township: the current one until their 3–5 households are full. */
  cadreFor(round: PairingRound, village: { townshipCode: string; countyCode: string }): string;
  cadres: DemoCadre[];
};

export function createCadreRoster(random: Random): CadreRoster {
  const cadres: DemoCadre[] = [];
  const current = new Map<string, { key: string; householdsLeft: number }>();
  return {
    cadres,
    cadreFor(round, village) {
      const poolKey = `${round}:${village.townshipCode}`;
      const serving = current.get(poolKey);
      if (serving && serving.householdsLeft > 0) {
        serving.householdsLeft -= 1;
        return serving.key;
      }
      const cadre = newCadre(random, `C${String(cadres.length + 1).padStart(6, '0')}`, village);
      cadres.push(cadre);
      current.set(poolKey, {
        key: cadre.key,
        householdsLeft: random.int(CADRE_HOUSEHOLDS.min, CADRE_HOUSEHOLDS.max) - 1,
      });
      return cadre.key;
    },
  };
}

/** A cadre of a province, city, county or township department above the village. */
function newCadre(random: Random, key: string, village: { townshipCode: string; countyCode: string }): DemoCadre {
  const sex = random.chance(0.7) ? 'male' : 'female';
  const level = random.weighted(CADRE_LEVEL_WEIGHTS);
  const division = {
    province: `${village.countyCode.slice(0, 2)}0000000000`,
    city: `${village.countyCode.slice(0, 4)}00000000`,
    county: village.countyCode,
    township: village.townshipCode,
  }[level];
  const department = random.int(1, DEPARTMENTS_PER_UNIT[level]);
  return {
    key,
    name: randomSurname(random) + randomGivenName(random, sex, random.int(1965, 1995)),
    sex,
    unitCode: `${division}-${String(department).padStart(3, '0')}`,
    level,
  };
}
