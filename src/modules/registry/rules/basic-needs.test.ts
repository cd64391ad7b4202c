import { describe, expect, it } from 'vitest';
import { basicNeedsChecks } from './basic-needs.ts';
import { ALL_BASIC_NEEDS_SECURED } from './fixtures.ts';

describe('basicNeedsChecks', () => {
  it('checks the two no-worries, the three guarantees and drinking water, in that order', () => {
    expect(basicNeedsChecks(ALL_BASIC_NEEDS_SECURED)).toEqual([
      { name: 'food', passed: true },
      { name: 'clothing', passed: true },
      { name: 'compulsory_education', passed: true },
      { name: 'basic_medical_care', passed: true },
      { name: 'safe_housing', passed: true },
      { name: 'safe_drinking_water', passed: true },
    ]);
  });

  it.each([
    ['food', 'food'],
    ['clothing', 'clothing'],
    ['compulsoryEducation', 'compulsory_education'],
    ['basicMedicalCare', 'basic_medical_care'],
    ['safeHousing', 'safe_housing'],
    ['safeDrinkingWater', 'safe_drinking_water'],
  ] as const)('fails only %s when only it is unmet', (need, name) => {
    const checks = basicNeedsChecks({ ...ALL_BASIC_NEEDS_SECURED, [need]: false });
    expect(checks.filter((check) => !check.passed)).toEqual([{ name, passed: false }]);
  });
});
