import type { TFunction } from 'i18next';
import type { MeasureBody, NewHouseholdBody } from '../api/types.ts';

export type PovertyCause = NonNullable<NewHouseholdBody['mainCause']>;
export type MeasureType = MeasureBody['type'];

/** The main causes of poverty the registry records, in the order of the national form (labels in i18n). */
export const POVERTY_CAUSES: readonly PovertyCause[] = [
  'illness',
  'disability',
  'schooling',
  'disaster',
  'lack_of_land',
  'lack_of_water',
  'lack_of_skills',
  'lack_of_labour',
  'lack_of_capital',
  'poor_transport',
  'lack_of_drive',
  'other',
];

/** The assistance measures the registry records (labels in i18n). */
export const MEASURE_TYPES: readonly MeasureType[] = [
  'industry',
  'employment',
  'rain_dew_training',
  'microcredit',
  'relocation',
  'education',
  'health',
  'housing',
  'ecological_compensation',
  'social_security',
  'infrastructure',
  'public_services',
];

/** The label of a cause, or the key itself for one the screens do not know (a newer server). */
export function causeLabel(t: TFunction, key: string): string {
  return t(`registry.causes.${key}`, { defaultValue: key });
}

/** The label of a measure type, or the key itself for one the screens do not know. */
export function measureLabel(t: TFunction, key: string): string {
  return t(`registry.measureTypes.${key}`, { defaultValue: key });
}
