import { basicNeedsChecks, type BasicNeeds, type BasicNeedsCheckName } from './basic-needs.ts';
import { outcomeOf, thresholdCheck, type RuleOutcome } from './rule-check.ts';

/**
 * Whether a registered poor household qualifies for exit (脱贫) for an income year: per-capita net income
 * strictly above that year's poverty line, and the two no-worries, three guarantees plus safe drinking water
 * secured. This is the substance the village appraisal and the work team verify; the procedure around it
 * (agreement, notice, removal) is the service's business.
 */
export type HouseholdExitInput = {
  /** Per-capita net income for the income year, yuan. */
  incomePerCapita: number;
  /** The poverty line for the same year (`settingForYear(povertyLines, year)`), yuan per person per year. */
  povertyLine: number;
  basicNeeds: BasicNeeds;
};

export type HouseholdExitCheckName = 'income_above_poverty_line' | BasicNeedsCheckName;

export function checkHouseholdExit(input: HouseholdExitInput): RuleOutcome<HouseholdExitCheckName> {
  return outcomeOf<HouseholdExitCheckName>([
    thresholdCheck('income_above_poverty_line', input.incomePerCapita, '>', input.povertyLine),
    ...basicNeedsChecks(input.basicNeeds),
  ]);
}
