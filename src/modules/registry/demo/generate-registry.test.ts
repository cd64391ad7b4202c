import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDivisions } from '../../org/division-source.ts';
import { ageOn, validateIdNumber } from '../rules/id-number.ts';
import { assertTransition, type HouseholdState } from '../rules/lifecycle.ts';
import { INCIDENCE_THRESHOLD, incidence } from '../rules/village-county-exit.ts';
import {
  AVERAGE_INCOME_2020,
  DEMO_AS_OF,
  INCIDENCE_AT_END_OF_2018,
  INCIDENCE_AT_REGISTRATION,
  MAIN_CAUSE_WEIGHTS,
  MOUNTAIN_POVERTY_COUNTY_NAMES,
  POOR_AT_END_OF_2018,
  REGISTERED_POOR_2014,
  RURAL_POPULATION,
  VILLAGE_REGISTRATIONS_CANCELLED,
  VILLAGES_RELOCATED_WHOLE,
} from './calibration.ts';
import { generateRegistry } from './generate-registry.ts';
import { povertyLine } from './incomes.ts';
import type { DemoHousehold, DemoPerson, DemoRegistry, DemoVillageInput } from './types.ts';

const SEED = 20140401;

let villages: DemoVillageInput[];
let countyNames: Map<string, string>;
let registry: DemoRegistry;
let membersOf: Map<string, DemoPerson[]>;
let registered: DemoHousehold[];

function sizeOf(household: DemoHousehold): number {
  return membersOf.get(household.key)?.length ?? 0;
}

function personsIn(households: readonly DemoHousehold[]): number {
  return households.reduce((sum, household) => sum + sizeOf(household), 0);
}

/** Registered people still poor at the end of `year`. */
function poorAtEndOf(year: number, households: readonly DemoHousehold[] = registered): number {
  return personsIn(households.filter((household) => (household.exitedOn ?? '') > `${year}-12-31`));
}

function countyOf(villageCode: string): string {
  return `${villageCode.slice(0, 6)}000000`;
}

/** What is wrong with the items, as messages (the first ten): one assertion over 478k records, not 478k. */
function violations<T>(items: Iterable<T>, problemOf: (item: T) => string | false | null | undefined): string[] {
  const problems: string[] = [];
  for (const item of items) {
    const problem = problemOf(item);
    if (problem) problems.push(problem);
    if (problems.length === 10) break;
  }
  return problems;
}

function time<T>(work: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = work();
  return { value, ms: Math.round(performance.now() - started) };
}

beforeAll(async () => {
  const divisions = await readDivisions('1409');
  countyNames = new Map(divisions.filter((row) => row.level === 3).map((row) => [row.code, row.name]));
  villages = divisions
    .filter((row) => row.level === 5)
    .map((row) => {
      const countyCode = `${row.code.slice(0, 6)}000000`;
      return {
        code: row.code,
        name: row.name,
        townshipCode: row.parentCode ?? '',
        countyCode,
        countyName: countyNames.get(countyCode) ?? '',
      };
    });
  const generated = time(() => generateRegistry(villages, { seed: SEED }));
  registry = generated.value;
  membersOf = new Map();
  for (const person of registry.persons) {
    const members = membersOf.get(person.householdKey) ?? [];
    members.push(person);
    membersOf.set(person.householdKey, members);
  }
  registered = registry.households.filter((household) => household.registeredOn !== null);
  console.info(
    `generateRegistry(${villages.length} villages, seed ${SEED}) took ${generated.ms} ms: ` +
      `${registry.households.length} households (${registered.length} registered in 2014), ` +
      `${registry.persons.length} persons, ${registry.cadres.length} cadres, ` +
      `${registry.relocatedVillages.length} villages relocated, ${registry.cancelledVillages.length} cancelled, ` +
      `${registry.exitedCounties.length} counties exited`,
  );
});

describe('the article’s figures come out of the records exactly', () => {
  it('registers 467,400 people in 2014 over a rural population of 2.36 million: 19.81%', () => {
    expect(personsIn(registered)).toBe(REGISTERED_POOR_2014);
    expect(registered.every((household) => household.registeredOn?.startsWith('2014-'))).toBe(true);
    const ruralPopulation = [...registry.villagePopulation.values()].reduce((a, b) => a + b, 0);
    expect(ruralPopulation).toBe(RURAL_POPULATION);
    expect(((REGISTERED_POOR_2014 / ruralPopulation) * 100).toFixed(2)).toBe(
      (INCIDENCE_AT_REGISTRATION * 100).toFixed(2),
    );
  });

  it('leaves 53,700 poor at the end of 2018: 2.28%', () => {
    expect(poorAtEndOf(2018)).toBe(POOR_AT_END_OF_2018);
    expect(((poorAtEndOf(2018) / RURAL_POPULATION) * 100).toFixed(2)).toBe((INCIDENCE_AT_END_OF_2018 * 100).toFixed(2));
  });

  it('relocates 797 villages whole, cancels 533 village registrations and exits 6 counties', () => {
    expect(registry.relocatedVillages).toHaveLength(VILLAGES_RELOCATED_WHOLE);
    expect(new Set(registry.relocatedVillages.map((village) => village.code)).size).toBe(VILLAGES_RELOCATED_WHOLE);
    expect(registry.cancelledVillages).toHaveLength(VILLAGE_REGISTRATIONS_CANCELLED);
    expect(registry.exitedCounties).toHaveLength(6);
  });

  it('has everyone registered exit by the end of 2020, after registration, along a falling curve', () => {
    expect(poorAtEndOf(2020)).toBe(0);
    expect(
      violations(registered, (household) => !(household.exitedOn! > household.registeredOn!) && household.key),
    ).toEqual([]);
    const curve = [2014, 2015, 2016, 2017, 2018, 2019, 2020].map((year) => poorAtEndOf(year));
    expect(curve).toEqual([...curve].sort((a, b) => b - a));
  });
});

describe('villages', () => {
  it('puts the rural population in every villagers’ committee, unevenly, and none in residents’ committees', () => {
    const inputCodes = new Set(villages.map((village) => village.code));
    expect(new Set(registry.villagePopulation.keys())).toEqual(inputCodes);
    const populations = villages.map((village) => ({
      village,
      population: registry.villagePopulation.get(village.code)!,
    }));
    for (const { village, population } of populations) {
      if (village.name.endsWith('村委会')) expect(population).toBeGreaterThan(0);
      if (village.name.includes('社区') || village.name.endsWith('居委会')) expect(population).toBe(0);
    }
    const rural = populations.map(({ population }) => population).filter((population) => population > 0);
    expect(rural.filter((population) => population <= 200).length).toBeGreaterThan(100);
    expect(rural.filter((population) => population >= 2_500).length).toBeGreaterThan(10);
  });

  it('places every household in an input village that has rural people, never more poor than people', () => {
    const poorByVillage = new Map<string, number>();
    for (const household of registered) {
      poorByVillage.set(household.villageCode, (poorByVillage.get(household.villageCode) ?? 0) + sizeOf(household));
    }
    expect(
      violations(
        registry.households,
        (household) => !registry.villagePopulation.get(household.villageCode) && household.key,
      ),
    ).toEqual([]);
    expect(violations(poorByVillage, ([code, poor]) => poor > registry.villagePopulation.get(code)! && code)).toEqual(
      [],
    );
  });
});

describe('people and households', () => {
  it('gives every person a valid, unique ID number of the village’s county, matching birth date and sex', () => {
    const countyCodes = new Set([...countyNames.keys()].map((code) => code.slice(0, 6)));
    const options = { isKnownAddressCode: (code: string) => countyCodes.has(code), today: DEMO_AS_OF };
    const villageOf = new Map(registry.households.map((household) => [household.key, household.villageCode]));
    expect(
      violations(registry.persons, (person) => {
        const result = validateIdNumber(person.idNumber, options);
        const matches =
          result.ok &&
          result.birthDate === person.birthDate &&
          result.sex === person.sex &&
          result.addressCode === villageOf.get(person.householdKey)?.slice(0, 6);
        return !matches && `${person.idNumber} of ${person.name}: ${JSON.stringify(result)}`;
      }),
    ).toEqual([]);
    expect(new Set(registry.persons.map((person) => person.idNumber)).size).toBe(registry.persons.length);
  });

  it('has exactly one head per household, listed first, and unique household keys', () => {
    expect(new Set(registry.households.map((household) => household.key)).size).toBe(registry.households.length);
    expect(membersOf.size).toBe(registry.households.length);
    expect(
      violations(registry.households, (household) => {
        const members = membersOf.get(household.key) ?? [];
        const heads = members.filter((member) => member.relation === 'head').length;
        return (heads !== 1 || members[0]?.relation !== 'head') && `${household.key} has ${heads} heads`;
      }),
    ).toEqual([]);
  });

  it('keeps ages consistent with relations on the day the household entered the registry', () => {
    const problems = violations(registry.households, (household) => {
      const on = household.registeredOn ?? household.monitoring!.from;
      const [head, ...others] = (membersOf.get(household.key) ?? []).map((member) => ({
        member,
        age: ageOn(member.birthDate, on),
      }));
      if (!head || head.age < 25 || head.age > 75) return `${household.key}: head aged ${head?.age}`;
      const wrong = others.find(({ member, age }) => {
        if (member.relation === 'child') return head.age - age < 19;
        if (member.relation === 'grandchild') return head.age - age < 39;
        if (member.relation === 'parent') return age <= head.age;
        if (member.relation === 'spouse') return member.sex === head.member.sex;
        return false;
      });
      return wrong && `${household.key}: ${wrong.member.relation} aged ${wrong.age}, head ${head.age}`;
    });
    expect(problems).toEqual([]);
  });

  it('has registered households of 1–7 people, 2.7 on average, with the calibrated causes', () => {
    expect([...new Set(registered.map(sizeOf))].sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(REGISTERED_POOR_2014 / registered.length).toBeCloseTo(2.7, 1);
    for (const [cause, weight] of MAIN_CAUSE_WEIGHTS) {
      const share = registered.filter((household) => household.mainCause === cause).length / registered.length;
      expect(Math.abs(share - weight)).toBeLessThan(0.01);
    }
    const types = ['ordinary', 'minimum_income', 'extreme_poverty_support'].map(
      (type) => registered.filter((household) => household.type === type).length / registered.length,
    );
    console.info(`household types: ${types.map((share) => (share * 100).toFixed(1) + '%').join(' / ')}`);
    expect(types[0]).toBeGreaterThan(0.6);
  });

  it('takes every household through allowed lifecycle transitions', () => {
    const problems = violations(registry.households, (household) => {
      const states: HouseholdState[] = [];
      if (household.registeredOn) states.push({ status: 'identified' }, { status: 'registered' });
      if (household.exitedOn) states.push({ status: 'exited' });
      if (household.monitoring) {
        const { kind, riskEliminatedOn } = household.monitoring;
        states.push({ status: 'monitored', kind });
        if (riskEliminatedOn) states.push({ status: 'risk_eliminated', kind });
      }
      const refused = states.findIndex((to, index) => !assertTransition(states[index - 1] ?? null, to).ok);
      return refused >= 0 && `${household.key}: ${JSON.stringify(states)} refused at ${refused}`;
    });
    expect(problems).toEqual([]);
  });
});

describe('incomes, measures and cadres', () => {
  it('has incomes below the line at registration and above the line of the exit year', () => {
    const incomeYears = [2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020];
    const problems = violations(registered, (household) => {
      const exitYear = Number(household.exitedOn!.slice(0, 4));
      const years = household.incomes.map(({ year }) => year).slice(0, incomeYears.length);
      if (years.join() !== incomeYears.join()) return `${household.key}: income years ${years.join()}`;
      const wrong = household.incomes.find(({ year, perCapitaNetIncome }) =>
        year < exitYear
          ? perCapitaNetIncome >= povertyLine(year)
          : year === exitYear && perCapitaNetIncome <= povertyLine(year),
      );
      return wrong && `${household.key} (exit ${exitYear}): ${wrong.perCapitaNetIncome} in ${wrong.year}`;
    });
    expect(problems).toEqual([]);
  });

  it('averages about 10,740 yuan per person in 2020 among the registered', () => {
    const total = registered.reduce(
      (sum, household) =>
        sum + sizeOf(household) * household.incomes.find(({ year }) => year === 2020)!.perCapitaNetIncome,
      0,
    );
    const average = total / REGISTERED_POOR_2014;
    console.info(`average 2020 per-capita income of the registered: ${Math.round(average)} yuan`);
    expect(Math.abs(average / AVERAGE_INCOME_2020 - 1)).toBeLessThan(0.02);
  });

  it('dates measures within the household’s time in the registry or in monitoring', () => {
    const problems = violations(registry.households, (household) => {
      if (household.measures.length === 0) return `${household.key} has no measures`;
      const misplaced = household.measures.find((measure) => {
        if (!(measure.amountYuan > 0)) return true;
        if (measure.type === 'relocation') return false;
        const inRegistry = household.registeredOn! < measure.on && measure.on <= (household.exitedOn ?? '');
        const monitoring = household.monitoring;
        const inMonitoring =
          monitoring !== null &&
          monitoring.from <= measure.on &&
          measure.on <= (monitoring.riskEliminatedOn ?? DEMO_AS_OF);
        return !inRegistry && !inMonitoring;
      });
      return misplaced && `${household.key}: ${JSON.stringify(misplaced)}`;
    });
    expect(problems).toEqual([]);
  });

  it('pairs every household with existing cadres in an unbroken dated history', () => {
    const cadres = new Map(registry.cadres.map((cadre) => [cadre.key, cadre]));
    const problems = violations(registry.households, (household) => {
      const { pairings } = household;
      const broken = pairings.findIndex((pairing, index) => {
        const next = pairings[index + 1];
        const datesInOrder = next
          ? pairing.to !== null && pairing.from <= pairing.to && pairing.to < next.from
          : pairing.to === null;
        return !datesInOrder || !/^\d{12}-\d{3}$/.test(cadres.get(pairing.cadreKey)?.unitCode ?? '');
      });
      return (pairings.length === 0 || broken >= 0) && `${household.key}: ${JSON.stringify(pairings)}`;
    });
    expect(problems).toEqual([]);
  });
});

describe('counties', () => {
  it('exits six poverty counties below 2% at the end of their exit year; the other poverty counties stay above', () => {
    const population = new Map<string, number>();
    for (const [code, people] of registry.villagePopulation) {
      population.set(countyOf(code), (population.get(countyOf(code)) ?? 0) + people);
    }
    const exited = new Map(registry.exitedCounties.map(({ code, year }) => [code, year]));
    const registrationIncidence = { exited: [] as number[], stillPoor: [] as number[] };
    for (const [code, name] of countyNames) {
      if (!MOUNTAIN_POVERTY_COUNTY_NAMES.includes(name)) {
        expect(exited.has(code)).toBe(false);
        continue;
      }
      const households = registered.filter((household) => countyOf(household.villageCode) === code);
      const exitYear = exited.get(code);
      const rate = incidence(poorAtEndOf(exitYear ?? 2018, households), population.get(code)!)!;
      if (exitYear === undefined) expect(rate).toBeGreaterThanOrEqual(INCIDENCE_THRESHOLD.centralEastern);
      else {
        expect(exitYear).toBeLessThanOrEqual(2018);
        expect(rate).toBeLessThan(INCIDENCE_THRESHOLD.centralEastern);
      }
      const atRegistration = personsIn(households) / population.get(code)!;
      registrationIncidence[exitYear === undefined ? 'stillPoor' : 'exited'].push(atRegistration);
    }
    // The counties that exit first started from a lower incidence.
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean(registrationIncidence.exited)).toBeLessThan(mean(registrationIncidence.stillPoor));
  });
});

describe('relocation and cancelled villages', () => {
  it('relocates the poorest mountain villages, each household to its village’s destination, ≤ 25 m² a person', () => {
    const relocated = new Map(registry.relocatedVillages.map((village) => [village.code, village]));
    const rate = (codes: string[]) => {
      const villageCodes = new Set(codes);
      const poor = personsIn(registered.filter((household) => villageCodes.has(household.villageCode)));
      return poor / codes.reduce((sum, code) => sum + registry.villagePopulation.get(code)!, 0);
    };
    const stayingRural = [...registry.villagePopulation].filter(([code, people]) => people > 0 && !relocated.has(code));
    expect(rate([...relocated.keys()])).toBeGreaterThan(rate(stayingRural.map(([code]) => code)));

    const villageProblems = violations(relocated.values(), (village) => {
      const mountain = MOUNTAIN_POVERTY_COUNTY_NAMES.includes(countyNames.get(countyOf(village.code)) ?? '');
      const movedInPlan = village.movedOn >= '2016-01-01' && village.movedOn <= '2019-12-31';
      const destinationStays = !relocated.has(village.destinationVillageCode);
      const sameCounty = countyOf(village.destinationVillageCode) === countyOf(village.code);
      return !(mountain && movedInPlan && destinationStays && sameCounty) && JSON.stringify(village);
    });
    expect(villageProblems).toEqual([]);

    const householdProblems = violations(registered, (household) => {
      const village = relocated.get(household.villageCode);
      const moves = household.measures.filter((measure) => measure.type === 'relocation');
      if (!village) return moves.length > 0 && `${household.key} moved from a village that stays`;
      const move = moves[0];
      const fits =
        moves.length === 1 &&
        move?.type === 'relocation' &&
        move.on === village.movedOn &&
        move.destinationVillageCode === village.destinationVillageCode &&
        move.housingAreaM2 <= 25 * sizeOf(household) &&
        household.exitedOn! > village.movedOn;
      return !fits && `${household.key}: ${JSON.stringify(moves)} for ${JSON.stringify(village)}`;
    });
    expect(householdProblems).toEqual([]);
  });

  it('cancels only relocated villages, after the move, in 2017–2020, merged into the destination or abolished', () => {
    const relocated = new Map(registry.relocatedVillages.map((village) => [village.code, village]));
    for (const cancelled of registry.cancelledVillages) {
      const village = relocated.get(cancelled.code);
      expect(village).toBeDefined();
      expect(cancelled.on > village!.movedOn).toBe(true);
      expect(cancelled.on >= '2017-01-01' && cancelled.on <= '2020-12-31').toBe(true);
      expect(cancelled.mergedInto).toBe(cancelled.kind === 'merged' ? village!.destinationVillageCode : null);
    }
    expect(new Set(registry.cancelledVillages.map(({ kind }) => kind))).toEqual(new Set(['merged', 'abolished']));
  });
});

describe('monitoring after 2020', () => {
  it('monitors 3% of exited households as unstable, plus never-registered marginal and sudden-difficulty ones', () => {
    const kinds = new Map<string, number>();
    const problems = violations(registry.households, (household) => {
      const monitoring = household.monitoring;
      if (!monitoring) return false;
      kinds.set(monitoring.kind, (kinds.get(monitoring.kind) ?? 0) + 1);
      const history =
        monitoring.kind === 'unstable_exited' ? household.exitedOn !== null : household.registeredOn === null;
      const eliminatedOn = monitoring.riskEliminatedOn;
      const elimination = eliminatedOn === null || (eliminatedOn > monitoring.from && eliminatedOn <= DEMO_AS_OF);
      return !(history && elimination) && `${household.key}: ${JSON.stringify(monitoring)}`;
    });
    expect(problems).toEqual([]);
    console.info(`monitored households: ${JSON.stringify(Object.fromEntries(kinds))}`);
    expect((kinds.get('unstable_exited') ?? 0) / registered.length).toBeCloseTo(0.03, 3);
    expect(kinds.get('marginal')).toBeGreaterThan(0);
    expect(kinds.get('sudden_difficulty')).toBeGreaterThan(0);
  });
});

describe('determinism', () => {
  /** JSON with object keys sorted, so that equal content hashes equally whatever the key order. */
  function canonicalJson(value: unknown): string {
    if (value instanceof Map) return canonicalJson([...value.entries()]);
    if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
    if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1));
      return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
    }
    return JSON.stringify(value);
  }

  function fingerprint(generated: DemoRegistry): string {
    const households = generated.households.slice(0, 1_000);
    const keys = new Set(households.map((household) => household.key));
    const totals = {
      households: generated.households.length,
      persons: generated.persons.length,
      cadres: generated.cadres.length,
      villagePopulation: generated.villagePopulation,
      relocatedVillages: generated.relocatedVillages,
      cancelledVillages: generated.cancelledVillages,
      exitedCounties: generated.exitedCounties,
    };
    const persons = generated.persons.filter((person) => keys.has(person.householdKey));
    return createHash('sha256').update(canonicalJson({ households, persons, totals })).digest('hex');
  }

  // Two more registries of half a million people: more time than the default allows on a small machine.
  it(
    'generates the same registry from the same seed whatever the village order, another from another seed',
    {
      timeout: 120_000,
    },
    () => {
      const again = time(() => generateRegistry([...villages].reverse(), { seed: SEED }));
      expect(fingerprint(again.value)).toBe(fingerprint(registry));
      const other = time(() => generateRegistry(villages, { seed: SEED + 1 }));
      expect(fingerprint(other.value)).not.toBe(fingerprint(registry));
      console.info(`regenerated in ${again.ms} ms (same seed) and ${other.ms} ms (another seed)`);
    },
  );
});
