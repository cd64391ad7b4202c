import type { Indicator, NewIndicatorBody } from './indicator-queries.ts';

/** What the definition form holds: the definition, with empty inputs as undefined or null. */
export type DefinitionValues = Omit<NewIndicatorBody, 'categories' | 'rules'> & {
  categories?: string[];
  rules?: { op?: NonNullable<NewIndicatorBody['rules']>[number]['op']; code?: string }[];
};

const orNull = <T>(value: T | undefined | null): T | null => value ?? null;

/**
 * The definition to send: fields that the chosen source or aggregation does not use are cleared (the form keeps
 * what was typed while the user switches back and forth), so the server never sees a stale formula or weight.
 */
export function definitionFromForm(values: DefinitionValues): NewIndicatorBody {
  const entered = values.source === 'entered';
  const formula = values.source === 'formula';
  return {
    ...values,
    measureUnit: values.measureUnit ?? '',
    entryLevel: entered ? orNull(values.entryLevel) : null,
    categories: entered ? (values.categories ?? []) : [],
    weightCode: values.unitAggregation === 'weighted_average' ? orNull(values.weightCode) : null,
    numeratorCode: formula ? orNull(values.numeratorCode) : null,
    denominatorCode: formula ? orNull(values.denominatorCode) : null,
    factor: formula ? (values.factor ?? 1) : 1,
    computedKey: values.source === 'computed' ? orNull(values.computedKey) : null,
    minValue: orNull(values.minValue),
    maxValue: orNull(values.maxValue),
    outlierChangePct: orNull(values.outlierChangePct),
    alertLine: orNull(values.alertLine),
    rules: (values.rules ?? []).flatMap((rule) => (rule.op && rule.code ? [{ op: rule.op, code: rule.code }] : [])),
  };
}

/** The form's starting values: a new entered yearly indicator, or the one being edited. */
export function formFromDefinition(indicator: Indicator | undefined): Partial<DefinitionValues> {
  if (!indicator) {
    return {
      valueType: 'number',
      direction: 'up',
      unitAggregation: 'sum',
      periodAggregation: 'sum',
      periodType: 'year',
      source: 'entered',
      entryLevel: 3,
      factor: 1,
      entryWindowDays: 20,
      categories: [],
      rules: [],
    };
  }
  const { version: _version, ...definition } = indicator;
  return definition;
}
