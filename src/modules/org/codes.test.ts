import { describe, expect, it } from 'vitest';
import {
  childPath,
  departmentCode,
  divisionLevel,
  normalizeUnitCode,
  pathCodes,
  shortDivisionCode,
  UNIT_CODE_PATTERN,
} from './codes.ts';

describe('division codes', () => {
  it.each([
    ['14', '140000000000', 1, '14'],
    ['1409', '140900000000', 2, '1409'],
    ['140929', '140929000000', 3, '140929'],
    ['140929100', '140929100000', 4, '140929100'],
    ['140929100201', '140929100201', 5, '140929100201'],
  ])('%s is the unit %s at level %i', (input, full, level, short) => {
    expect(normalizeUnitCode(input)).toBe(full);
    expect(divisionLevel(full)).toBe(level);
    expect(shortDivisionCode(full, level as 1)).toBe(short);
  });

  it('keeps department codes as they are', () => {
    expect(normalizeUnitCode('140900000000-003')).toBe('140900000000-003');
    expect(departmentCode('140900000000', 7)).toBe('140900000000-007');
  });

  it.each(['1', '140', '14092', '1409291', '14092910020', '1409291002011', 'abc', '140900000000-1', ''])(
    'refuses the malformed code %j',
    (code) => expect(UNIT_CODE_PATTERN.test(code)).toBe(false),
  );

  it('builds and splits materialised paths', () => {
    const path = childPath(childPath('/', '140000000000'), '140900000000');
    expect(path).toBe('/140000000000/140900000000/');
    expect(pathCodes(path)).toEqual(['140000000000', '140900000000']);
  });
});
