import type { TFunction } from 'i18next';
import type { OrgUnit } from '../api/types.ts';

const levelNames = { 1: 'province', 2: 'city', 3: 'county', 4: 'township', 5: 'village' } as const;

function isLevel(level: number | null): level is keyof typeof levelNames {
  return level !== null && level in levelNames;
}

/** 省/市/县/乡镇/村 for divisions, 部门/中心/专班 for departments. */
export function unitKindLabel(t: TFunction, unit: Pick<OrgUnit, 'kind' | 'level' | 'category'>): string {
  if (unit.kind === 'department') return t(`org.category.${unit.category ?? 'department'}`);
  return isLevel(unit.level) ? t(`org.level.${levelNames[unit.level]}`) : t('org.kind.division');
}
