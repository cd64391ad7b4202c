import { CADRE_ROTATION, DEMO_AS_OF, FINAL_EXIT_YEAR, MONITORING } from './calibration.ts';
import { createCadreRoster, type CadreRoster } from './cadres.ts';
import { planCounties } from './counties.ts';
import { addDays, randomDateBetween } from './dates.ts';
import { allocateExitYears, exitDate } from './exits.ts';
import { createIdNumberIssuer } from './id-numbers.ts';
import { monitoredIncomes, monitoringLine, povertyLine, registeredIncomes } from './incomes.ts';
import { drawMeasures } from './measures.ts';
import { drawMonitoring, drawNeverRegistered, pickUnstableExited } from './monitoring.ts';
import { createRandom, type Random } from './random.ts';
import { registerHouseholds, type PlacedHousehold } from './registration.ts';
import { planRelocation } from './relocation.ts';
import { byCode } from './ordering.ts';
import type {
  DemoHousehold,
  DemoMeasure,
  DemoMonitoring,
  DemoRegistry,
  DemoRelocatedVillage,
  DemoVillageInput,
} from './types.ts';
import { planVillages, type VillagePlan } from './villages.ts';

export type { DemoRegistry } from './types.ts';

/**
 * Xinzhou's poverty-alleviation registry over the given villages, calibrated to the article (see
 * `calibration.ts`): the same villages and seed give the same registry, record for record. Pure: no clock,
 * no I/O; the caller reads the villages from the org tree and inserts what comes back.
 */
export function generateRegistry(villages: readonly DemoVillageInput[], options: { seed: number }): DemoRegistry {
  const random = createRandom(options.seed);
  // Sorted, so that the order the caller lists villages in does not change the registry.
  const sorted = [...villages].sort(byCode);
  const counties = planCounties(random, sorted);
  const plans = planVillages(random, sorted, counties);
  const { relocated, cancelled } = planRelocation(random, plans);
  const issuer = createIdNumberIssuer(random);
  const roster = createCadreRoster(random);

  const { households: registered, nextSequence } = registerHouseholds(random, plans, issuer);
  settleExits(random, registered, plans, relocated);
  for (const placed of registered) assistRegistered(random, placed, relocated.get(placed.plan.village.code), roster);

  for (const index of pickUnstableExited(
    random,
    registered.map(({ household }) => household),
  )) {
    const placed = registered[index];
    if (placed) monitorUnstableExited(random, placed);
  }

  const stayingVillages = plans.filter((plan) => plan.population > 0 && !relocated.has(plan.village.code));
  const neverRegistered = (['marginal', 'sudden_difficulty'] as const).flatMap((kind) =>
    drawNeverRegistered(random, {
      kind,
      count: Math.round(
        registered.length *
          (kind === 'marginal' ? MONITORING.marginalPerExitedHousehold : MONITORING.suddenDifficultyPerExitedHousehold),
      ),
      villages: stayingVillages,
      nextSequence,
      issuer,
    }),
  );
  for (const placed of neverRegistered) assistNeverRegistered(random, placed, roster);

  const all = [...registered, ...neverRegistered].sort((a, b) =>
    a.household.key < b.household.key ? -1 : a.household.key > b.household.key ? 1 : 0,
  );
  return {
    households: all.map(({ household }) => household),
    persons: all.flatMap(({ members }) => members),
    cadres: roster.cadres,
    villagePopulation: new Map(plans.map((plan) => [plan.village.code, plan.population])),
    relocatedVillages: [...relocated.values()],
    cancelledVillages: cancelled,
    exitedCounties: [...counties.values()]
      .flatMap((county) => (county.exitYear === null ? [] : [{ code: county.code, year: county.exitYear }]))
      .sort(byCode),
  };
}

function settleExits(
  random: Random,
  registered: readonly PlacedHousehold[],
  plans: readonly VillagePlan[],
  relocated: ReadonlyMap<string, DemoRelocatedVillage>,
): void {
  const countyPopulation = new Map<string, number>();
  for (const plan of plans) {
    const code = plan.village.countyCode;
    countyPopulation.set(code, (countyPopulation.get(code) ?? 0) + plan.population);
  }
  const years = allocateExitYears(
    random,
    registered.map(({ household, members, plan }) => {
      const movedOn = relocated.get(plan.village.code)?.movedOn;
      return {
        size: members.length,
        county: plan.county,
        cause: household.mainCause,
        earliestYear: movedOn ? Number(movedOn.slice(0, 4)) : 0,
      };
    }),
    countyPopulation,
  );
  registered.forEach(({ household }, index) => {
    household.exitedOn = exitDate(random, years[index] ?? FINAL_EXIT_YEAR);
  });
}

/** Incomes, measures from registration to exit, and the responsible cadres (rotated in 2017–18 for some). */
function assistRegistered(
  random: Random,
  { household, members, plan }: PlacedHousehold,
  relocation: DemoRelocatedVillage | undefined,
  roster: CadreRoster,
): void {
  const registeredOn = household.registeredOn ?? '';
  const exitedOn = household.exitedOn ?? '';
  household.incomes = registeredIncomes(random, Number(exitedOn.slice(0, 4)));
  household.measures = drawMeasures(random, {
    cause: household.mainCause,
    type: household.type,
    size: members.length,
    from: addDays(registeredOn, 1),
    to: exitedOn,
    relocation,
    withGeneralMeasures: true,
  });
  const first = {
    cadreKey: roster.cadreFor('registration', plan.village),
    from: addDays(registeredOn, random.int(3, 30)),
  };
  if (!random.chance(CADRE_ROTATION.share)) {
    household.pairings = [{ ...first, to: null }];
    return;
  }
  const rotatedOn = randomDateBetween(random, CADRE_ROTATION.from, CADRE_ROTATION.to);
  household.pairings = [
    { ...first, to: addDays(rotatedOn, -1) },
    { cadreKey: roster.cadreFor('rotation', plan.village), from: rotatedOn, to: null },
  ];
}

function monitorUnstableExited(random: Random, { household, members }: PlacedHousehold): void {
  const monitoring = drawMonitoring(random, 'unstable_exited');
  household.monitoring = monitoring;
  const income2020 = household.incomes.at(-1)?.perCapitaNetIncome ?? povertyLine(FINAL_EXIT_YEAR);
  household.incomes.push(
    ...monitoredIncomes(random, monitoring, {
      firstYear: FINAL_EXIT_YEAR + 1,
      lastYear: Number(DEMO_AS_OF.slice(0, 4)),
      incomeBefore: income2020,
    }),
  );
  household.measures.push(...monitoringMeasures(random, household, members.length, monitoring));
}

function assistNeverRegistered(
  random: Random,
  { household, members, plan, monitoring }: PlacedHousehold & { monitoring: DemoMonitoring },
  roster: CadreRoster,
): void {
  // Marginal: just above the poverty line; a sudden difficulty strikes a household that was doing well.
  const incomeBefore =
    monitoring.kind === 'marginal'
      ? povertyLine(FINAL_EXIT_YEAR) * random.uniform(1, 1.5)
      : monitoringLine(FINAL_EXIT_YEAR) * random.uniform(1.2, 2.2);
  household.incomes = monitoredIncomes(random, monitoring, {
    firstYear: FINAL_EXIT_YEAR,
    lastYear: Number(DEMO_AS_OF.slice(0, 4)),
    incomeBefore,
  });
  household.measures = monitoringMeasures(random, household, members.length, monitoring);
  household.pairings = [
    {
      cadreKey: roster.cadreFor('monitoring', plan.village),
      from: addDays(monitoring.from, random.int(0, 30)),
      to: null,
    },
  ];
}

/** Help aimed at the difficulty while the household is monitored. */
function monitoringMeasures(
  random: Random,
  household: DemoHousehold,
  size: number,
  monitoring: DemoMonitoring,
): DemoMeasure[] {
  return drawMeasures(random, {
    cause: household.mainCause,
    type: household.type,
    size,
    from: monitoring.from,
    to: monitoring.riskEliminatedOn ?? DEMO_AS_OF,
    withGeneralMeasures: false,
  });
}
