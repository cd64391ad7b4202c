import { conditionCheck, outcomeOf, thresholdCheck, type RuleOutcome } from './rule-check.ts';

/**
 * Village exit and county exit (摘帽). All rates are fractions (0.02, not 2); a rate over an empty base is
 * `null`, and an unknown rate never passes a check.
 */

/** The incidence a village or county must fall below: 2% in central and eastern provinces, 3% in western. */
export const INCIDENCE_THRESHOLD = { centralEastern: 0.02, western: 0.03 } as const;

/** National county-exit limits, the same in every province (unlike the incidence threshold). */
export const WRONG_EXIT_RATE_LIMIT = 0.02;
export const MISSED_RATE_LIMIT = 0.02;
export const RECOGNITION_MINIMUM = 0.9;

function fractionOf(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** Poverty incidence (贫困发生率): poor people as a fraction of the rural population. */
export function incidence(poor: number, ruralPopulation: number): number | null {
  return fractionOf(poor, ruralPopulation);
}

/**
 * The incidence a county's exit is judged by: people who should still count as poor — the remaining
 * registered poor, plus those the assessment found missed or wrongly exited — over the rural population.
 */
export function exitIncidence(counts: {
  remainingRegisteredPoor: number;
  missed: number;
  wronglyExited: number;
  ruralPopulation: number;
}): number | null {
  return fractionOf(counts.remainingRegisteredPoor + counts.missed + counts.wronglyExited, counts.ruralPopulation);
}

/** Of the sampled exited, the fraction wrongly exited (both counted in the same unit). */
export function wrongExitRate(sampledWronglyExited: number, sampledExited: number): number | null {
  return fractionOf(sampledWronglyExited, sampledExited);
}

/** Of the sampled unregistered rural population, the fraction verified as poor people the registry missed. */
export function missedRate(verifiedMissed: number, sampledUnregisteredRuralPopulation: number): number | null {
  return fractionOf(verifiedMissed, sampledUnregisteredRuralPopulation);
}

/** The province's conditions beyond incidence, each verified for the village. */
export type VillageConditions = { roads: boolean; water: boolean; power: boolean; clinic: boolean };

export type VillageExitInput = {
  incidence: number | null;
  /** `INCIDENCE_THRESHOLD` for the village's province. */
  threshold: number;
  conditions: VillageConditions;
};

export type VillageExitCheckName = 'incidence_below_threshold' | keyof VillageConditions;

export function checkVillageExit(input: VillageExitInput): RuleOutcome<VillageExitCheckName> {
  return outcomeOf<VillageExitCheckName>([
    thresholdCheck('incidence_below_threshold', input.incidence, '<', input.threshold),
    conditionCheck('roads', input.conditions.roads),
    conditionCheck('water', input.conditions.water),
    conditionCheck('power', input.conditions.power),
    conditionCheck('clinic', input.conditions.clinic),
  ]);
}

export type CountyExitCheckName =
  | 'exit_incidence_below_threshold'
  | 'wrong_exit_rate_below_limit'
  | 'missed_rate_below_limit'
  | 'recognition_at_least_minimum';

export type CountyExitInput = {
  exitIncidence: number | null;
  wrongExitRate: number | null;
  missedRate: number | null;
  /** Public recognition (群众认可度) found by the third-party assessment. */
  recognition: number | null;
  /** `INCIDENCE_THRESHOLD` for the county's province. */
  incidenceThreshold: number;
};

/** Any one failing check blocks the county's exit. */
export function checkCountyExit(input: CountyExitInput): RuleOutcome<CountyExitCheckName> {
  return outcomeOf<CountyExitCheckName>([
    thresholdCheck('exit_incidence_below_threshold', input.exitIncidence, '<', input.incidenceThreshold),
    thresholdCheck('wrong_exit_rate_below_limit', input.wrongExitRate, '<', WRONG_EXIT_RATE_LIMIT),
    thresholdCheck('missed_rate_below_limit', input.missedRate, '<', MISSED_RATE_LIMIT),
    thresholdCheck('recognition_at_least_minimum', input.recognition, '>=', RECOGNITION_MINIMUM),
  ]);
}
