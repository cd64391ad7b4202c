/**
 * GB/T 2260 division codes and our department codes. A division code is 12 digits: 2 province, 2 prefecture,
 * 2 county, 3 township, 3 village. Users and the contract also write the short forms (14, 1409, 140929,
 * 140929100), which stand for the same unit padded with zeros. Departments are `<parent's 12 digits>-NNN`.
 */
export const UNIT_CODE_PATTERN = /^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$|^\d{12}-\d{3}$/;

const SHORT_LENGTH_BY_LEVEL = { 1: 2, 2: 4, 3: 6, 4: 9, 5: 12 } as const;
export type DivisionLevel = keyof typeof SHORT_LENGTH_BY_LEVEL;

export function normalizeUnitCode(input: string): string {
  const code = input.trim();
  return /^\d+$/.test(code) ? code.padEnd(12, '0') : code;
}

export function isDepartmentCode(code: string): boolean {
  return code.includes('-');
}

/** The level a full division code denotes, read from where its trailing zeros begin. */
export function divisionLevel(code12: string): DivisionLevel {
  if (code12.endsWith('0000000000')) return 1;
  if (code12.endsWith('00000000')) return 2;
  if (code12.endsWith('000000')) return 3;
  if (code12.endsWith('000')) return 4;
  return 5;
}

/** The shortest form that still names the unit, as people write it: 1409 for 140900000000. */
export function shortDivisionCode(code12: string, level: DivisionLevel): string {
  return code12.slice(0, SHORT_LENGTH_BY_LEVEL[level]);
}

export function departmentCode(parentCode: string, sequence: number): string {
  return `${parentCode}-${String(sequence).padStart(3, '0')}`;
}

/** Materialised path segments: '/140000000000/140900000000/' for Xinzhou. */
export function childPath(parentPath: string, code: string): string {
  return `${parentPath}${code}/`;
}

export function pathCodes(path: string): string[] {
  return path.split('/').filter(Boolean);
}
