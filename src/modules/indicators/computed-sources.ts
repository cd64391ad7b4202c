import type { Executor } from '../../platform/database.ts';
import type { Period } from './rules/periods.ts';

/**
 * A value computed live by another module (the poverty registry counts its records) instead of being
 * entered. Analytics asks for a set of units of one level and one period; the provider answers the value
 * of each unit it knows (leave a unit out when it has none). `day` is the period's last day: the tree and
 * the records as they stood then.
 */
export type ComputedSource = (request: {
  db: Executor;
  period: Period;
  day: string;
  units: readonly { id: number; code: string; path: string; level: number }[];
}) => Promise<Map<string, number>>;

const sources = new Map<string, ComputedSource>();

/**
 * Makes a provider available to computed indicators whose `computedKey` is `key`
 * (e.g. `registerComputedSource('poverty.poor_persons', countPoorPersons)` at module load).
 */
export function registerComputedSource(key: string, source: ComputedSource): void {
  sources.set(key, source);
}

export function computedSource(key: string): ComputedSource | undefined {
  return sources.get(key);
}

/** The keys the registry module is expected to provide; indicators may be defined before it is wired. */
export const expectedComputedKeys = [
  'poverty.registered_persons',
  'poverty.poor_persons',
  'poverty.incidence',
  'poverty.monitored_persons',
  'population.rural',
] as const;
