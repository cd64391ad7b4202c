import type { MonitoringKind } from '../rules/lifecycle.ts';
import { DEMO_AS_OF, MAIN_CAUSE_WEIGHTS, MONITORING, SUDDEN_DIFFICULTY_CAUSE_WEIGHTS } from './calibration.ts';
import { addDays, randomDateBetween } from './dates.ts';
import { drawCauseAndSize, drawHousehold } from './households.ts';
import type { IdNumberIssuer } from './id-numbers.ts';
import type { Random } from './random.ts';
import { householdKey, type PlacedHousehold } from './registration.ts';
import type { DemoMonitoring } from './types.ts';
import type { VillagePlan } from './villages.ts';

/** Monitoring began between 2021 and 2023; most risks were eliminated after at least six months. */
export function drawMonitoring(random: Random, kind: MonitoringKind): DemoMonitoring {
  const from = randomDateBetween(random, MONITORING.firstDay, MONITORING.lastDay);
  const eliminated = random.chance(MONITORING.riskEliminatedShare);
  const eliminatedOn = addDays(from, random.int(183, 540));
  return { kind, from, riskEliminatedOn: eliminated && eliminatedOn <= DEMO_AS_OF ? eliminatedOn : null };
}

/**
 * The exited households monitored as unstable: `MONITORING.unstableExitedShare` of them, favouring those
 * that exited late or were poor through illness, whose footing is the least sure. Returns their indexes.
 */
export function pickUnstableExited(
  random: Random,
  households: readonly { mainCause: string; exitedOn: string | null }[],
) {
  const scored = households.map((household, index) => ({
    index,
    score:
      random.next() + (household.mainCause === 'illness' ? 0.3 : 0) + ((household.exitedOn ?? '') >= '2019' ? 0.3 : 0),
  }));
  const count = Math.round(households.length * MONITORING.unstableExitedShare);
  return new Set(
    scored
      .sort((a, b) => b.score - a.score || a.index - b.index)
      .slice(0, count)
      .map(({ index }) => index),
  );
}

/**
 * Marginal and sudden-difficulty households, never registered, found by monitoring: placed in villages that
 * still exist in proportion to their population, numbered after the village's registered households.
 */
export function drawNeverRegistered(
  random: Random,
  options: {
    kind: Exclude<MonitoringKind, 'unstable_exited'>;
    count: number;
    villages: readonly VillagePlan[];
    nextSequence: Map<string, number>;
    issuer: IdNumberIssuer;
  },
): (PlacedHousehold & { monitoring: DemoMonitoring })[] {
  const cumulative: number[] = [];
  let total = 0;
  for (const plan of options.villages) cumulative.push((total += plan.population));
  const causes = options.kind === 'marginal' ? MAIN_CAUSE_WEIGHTS : SUDDEN_DIFFICULTY_CAUSE_WEIGHTS;
  return Array.from({ length: options.count }, () => {
    const plan = options.villages[firstAbove(cumulative, random.next() * total)];
    if (!plan) throw new RangeError('No village is left to hold monitored households');
    const sequence = options.nextSequence.get(plan.village.code) ?? 1;
    options.nextSequence.set(plan.village.code, sequence + 1);
    const monitoring = drawMonitoring(random, options.kind);
    const { cause, size } = drawCauseAndSize(random, Number.POSITIVE_INFINITY, causes);
    const draft = drawHousehold(
      random,
      {
        key: householdKey(plan.village.code, sequence),
        villageCode: plan.village.code,
        size,
        cause,
        identifiedOn: null,
        registeredOn: null,
      },
      {
        addressCode: plan.village.countyCode.slice(0, 6),
        referenceDate: monitoring.from,
        issuer: options.issuer,
      },
    );
    draft.household.monitoring = monitoring;
    return { ...draft, plan, monitoring };
  });
}

/** Binary search: the first index whose cumulative value exceeds `point`. */
function firstAbove(cumulative: readonly number[], point: number): number {
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((cumulative[middle] ?? 0) > point) high = middle;
    else low = middle + 1;
  }
  return low;
}
