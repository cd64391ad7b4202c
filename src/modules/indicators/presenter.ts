import type { IndicatorRow } from '../../platform/db-schema.ts';
import type { IndicatorDefinition, IndicatorDto } from './schema.ts';
import type { CrossRule } from './rules/value-checks.ts';

export const numberOrNull = (value: string | number | null): number | null => (value === null ? null : Number(value));

export function presentIndicator(row: IndicatorRow): IndicatorDto {
  return {
    code: row.code,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    measureUnit: row.measure_unit,
    valueType: row.value_type,
    direction: row.direction,
    unitAggregation: row.unit_aggregation,
    weightCode: row.weight_code,
    periodAggregation: row.period_aggregation,
    periodType: row.period_type,
    source: row.source,
    entryLevel: row.entry_level,
    categories: row.categories,
    numeratorCode: row.numerator_code,
    denominatorCode: row.denominator_code,
    factor: Number(row.factor),
    computedKey: row.computed_key,
    minValue: numberOrNull(row.min_value),
    maxValue: numberOrNull(row.max_value),
    outlierChangePct: numberOrNull(row.outlier_change_pct),
    rules: row.rules as CrossRule[],
    alertLine: numberOrNull(row.alert_line),
    entryWindowDays: row.entry_window_days,
    version: row.version,
  };
}

/** The definition as stored columns. */
export function indicatorColumns(definition: Omit<IndicatorDefinition, 'code'>) {
  return {
    name_zh: definition.nameZh,
    name_en: definition.nameEn,
    measure_unit: definition.measureUnit,
    value_type: definition.valueType,
    direction: definition.direction,
    unit_aggregation: definition.unitAggregation,
    weight_code: definition.weightCode,
    period_aggregation: definition.periodAggregation,
    period_type: definition.periodType,
    source: definition.source,
    entry_level: definition.entryLevel,
    categories: definition.categories,
    numerator_code: definition.numeratorCode,
    denominator_code: definition.denominatorCode,
    factor: definition.factor,
    computed_key: definition.computedKey,
    min_value: definition.minValue,
    max_value: definition.maxValue,
    outlier_change_pct: definition.outlierChangePct,
    rules: JSON.stringify(definition.rules),
    alert_line: definition.alertLine,
    entry_window_days: definition.entryWindowDays,
  };
}
