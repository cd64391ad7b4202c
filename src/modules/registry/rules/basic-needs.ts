import { conditionCheck, type RuleCheck } from './rule-check.ts';

/**
 * "Two no-worries, three guarantees" (两不愁三保障) plus safe drinking water: the non-income conditions that
 * both household exit and risk elimination require. Each is a finding of the home visit. A household with
 * no member of compulsory-school age has compulsory education secured by definition.
 */
export type BasicNeeds = {
  food: boolean;
  clothing: boolean;
  compulsoryEducation: boolean;
  basicMedicalCare: boolean;
  safeHousing: boolean;
  safeDrinkingWater: boolean;
};

export type BasicNeedsCheckName =
  'food' | 'clothing' | 'compulsory_education' | 'basic_medical_care' | 'safe_housing' | 'safe_drinking_water';

export function basicNeedsChecks(needs: BasicNeeds): RuleCheck<BasicNeedsCheckName>[] {
  return [
    conditionCheck('food', needs.food),
    conditionCheck('clothing', needs.clothing),
    conditionCheck('compulsory_education', needs.compulsoryEducation),
    conditionCheck('basic_medical_care', needs.basicMedicalCare),
    conditionCheck('safe_housing', needs.safeHousing),
    conditionCheck('safe_drinking_water', needs.safeDrinkingWater),
  ];
}
