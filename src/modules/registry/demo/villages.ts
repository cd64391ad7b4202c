import {
  HAMLET_POPULATION,
  INCIDENCE_SPREAD,
  MAX_VILLAGE_INCIDENCE,
  REGISTERED_POOR_2014,
  RELATIVE_INCIDENCE,
  RURAL_POPULATION,
  VILLAGE_POPULATION_SPREAD,
  VILLAGES_RELOCATED_WHOLE,
} from './calibration.ts';
import type { CountyPlan } from './counties.ts';
import type { Random } from './random.ts';
import type { DemoVillageInput } from './types.ts';

export type VillagePlan = {
  village: DemoVillageInput;
  county: CountyPlan;
  /** A villagers' committee; residents' committees are urban and have no rural population here. */
  rural: boolean;
  /** 0–1: how far up the mountains; remote villages are smaller and poorer. */
  remoteness: number;
  population: number;
  /** People registered poor in 2014. */
  poor: number;
  /** One of the remotest mountain hamlets, which the whole village leaves (易地扶贫搬迁). */
  relocatesWhole: boolean;
};

/**
 * GB/T 10114 numbers the units under a township 001–199 for residents' committees, 200–399 for villagers'
 * committees, 400–599 and 600–799 for units like each (farms, mining areas, "virtual" communities).
 */
export function isVillagersCommittee(code: string): boolean {
  const unit = Number(code.slice(9, 12));
  return (unit >= 200 && unit <= 399) || (unit >= 600 && unit <= 799);
}

/**
 * Spreads the rural population over the villagers' committees — the remotest mountain ones are small
 * hamlets that will relocate whole, the others log-normal, remote ones smaller — and the 2014 registered
 * poor over them by incidence (county group × remoteness × village noise), both scaled so that the totals
 * are exact. Remoteness makes a village both small and poor, so the hamlets are also the poorest.
 */
export function planVillages(
  random: Random,
  villages: readonly DemoVillageInput[],
  counties: ReadonlyMap<string, CountyPlan>,
): VillagePlan[] {
  const plans = villages.map((village): VillagePlan => {
    const county = counties.get(village.countyCode);
    if (!county) throw new RangeError(`No county planned for ${village.code}`);
    // The plains around the city have no remote corners to speak of.
    const remoteness = random.uniform(0, county.mountain ? 1 : 0.4);
    const rural = isVillagersCommittee(village.code);
    return { village, county, rural, remoteness, population: 0, poor: 0, relocatesWhole: false };
  });
  const rural = plans.filter((plan) => plan.rural);
  if (rural.length === 0) throw new RangeError('The village list holds no villagers’ committee');

  const hamlets = new Set(
    rural
      .filter((plan) => plan.county.mountain)
      .sort((a, b) => b.remoteness - a.remoteness)
      .slice(0, VILLAGES_RELOCATED_WHOLE),
  );
  if (hamlets.size < VILLAGES_RELOCATED_WHOLE) {
    throw new RangeError(`${VILLAGES_RELOCATED_WHOLE} villages must relocate, but the mountains have ${hamlets.size}`);
  }
  let hamletPopulation = 0;
  for (const plan of hamlets) {
    const { median, logSd, min, max } = HAMLET_POPULATION;
    plan.population = Math.round(Math.min(max, Math.max(min, median * Math.exp(random.normal(0, logSd)))));
    plan.relocatesWhole = true;
    hamletPopulation += plan.population;
  }
  const villagesProper = rural.filter((plan) => !hamlets.has(plan));
  const sizeWeights = villagesProper.map((plan) => {
    const { logSd, near, far, minRelative, maxRelative } = VILLAGE_POPULATION_SPREAD;
    const size = Math.exp(random.normal(0, logSd)) * (near + (far - near) * plan.remoteness);
    return Math.min(maxRelative, Math.max(minRelative, size));
  });
  const rest = RURAL_POPULATION - hamletPopulation;
  const populations = apportion(rest, proportional(rest, sizeWeights));
  villagesProper.forEach((plan, index) => (plan.population = populations[index] ?? 0));

  const incidenceWeights = rural.map((plan) => {
    const { logSd, near, far } = INCIDENCE_SPREAD;
    const remoteness = near + (far - near) * plan.remoteness;
    return RELATIVE_INCIDENCE[plan.county.group] * Math.exp(random.normal(0, logSd)) * remoteness;
  });
  const caps = rural.map((plan) => Math.floor(plan.population * MAX_VILLAGE_INCIDENCE));
  const scale = scaleForTotal(rural, incidenceWeights, REGISTERED_POOR_2014);
  const expectedPoor = rural.map((plan, index) =>
    Math.min(
      caps[index] ?? 0,
      plan.population * Math.min(MAX_VILLAGE_INCIDENCE, scale * (incidenceWeights[index] ?? 0)),
    ),
  );
  const poor = apportion(REGISTERED_POOR_2014, expectedPoor, caps);
  rural.forEach((plan, index) => (plan.poor = poor[index] ?? 0));
  return plans;
}

function proportional(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((weight) => (total * weight) / sum);
}

/** The factor on incidence weights that registers `total` people, each village capped; found by bisection. */
function scaleForTotal(plans: readonly VillagePlan[], weights: readonly number[], total: number): number {
  const registered = (scale: number) =>
    plans.reduce(
      (sum, plan, index) => sum + plan.population * Math.min(MAX_VILLAGE_INCIDENCE, scale * (weights[index] ?? 0)),
      0,
    );
  let low = 0;
  let high = 1;
  while (registered(high) < total) {
    high *= 2;
    if (high > 1e6) throw new RangeError(`The villages cannot hold ${total} poor people`);
  }
  for (let i = 0; i < 60; i += 1) {
    const middle = (low + high) / 2;
    if (registered(middle) < total) low = middle;
    else high = middle;
  }
  return high;
}

/**
 * Whole numbers adding up to `total`, each the floor of its expected share or one more (largest remainders
 * first) and never above its cap.
 */
function apportion(total: number, expected: readonly number[], caps?: readonly number[]): number[] {
  const capOf = (index: number) => caps?.[index] ?? Number.POSITIVE_INFINITY;
  const counts = expected.map((value, index) => Math.min(capOf(index), Math.floor(value)));
  let missing = total - counts.reduce((a, b) => a + b, 0);
  const byRemainder = expected
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  while (missing > 0) {
    const before = missing;
    for (const { index } of byRemainder) {
      if (missing === 0) break;
      if ((counts[index] ?? 0) < capOf(index)) {
        counts[index] = (counts[index] ?? 0) + 1;
        missing -= 1;
      }
    }
    if (missing === before) throw new RangeError(`Cannot place ${missing} of ${total} within the caps`);
  }
  if (missing < 0) throw new RangeError(`The expected shares exceed ${total}`);
  return counts;
}
