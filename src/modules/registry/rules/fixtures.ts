// Shared by the rule tests only.
import type { BasicNeeds } from './basic-needs.ts';
import type { RuleOutcome } from './rule-check.ts';

export const ALL_BASIC_NEEDS_SECURED: BasicNeeds = {
  food: true,
  clothing: true,
  compulsoryEducation: true,
  basicMedicalCare: true,
  safeHousing: true,
  safeDrinkingWater: true,
};

export function failedCheckNames<Name extends string>(outcome: RuleOutcome<Name>): Name[] {
  return outcome.checks.filter((check) => !check.passed).map((check) => check.name);
}
