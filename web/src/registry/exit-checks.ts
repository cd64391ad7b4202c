import type { ExitCheck } from '../api/types.ts';
import { percent } from './format.ts';

/** The checks of each level in the order the screen shows them (village conditions are checked on applying). */
export const VILLAGE_CHECKS = ['incidence_below_threshold'] as const;
export const COUNTY_CHECKS = [
  'exit_incidence_below_threshold',
  'wrong_exit_rate_below_limit',
  'missed_rate_below_limit',
  'recognition_at_least_minimum',
] as const;

/** "1.20% < 2.00%": the figure found against the threshold, both as percentages (every exit metric is a rate). */
export function describeCheck(check: ExitCheck | undefined): string {
  if (!check) return '—';
  if (check.actual === undefined) return '';
  return `${percent(check.actual)} ${check.comparison ?? ''} ${percent(check.required)}`;
}
