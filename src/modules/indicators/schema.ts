import { z } from 'zod';
import { UNIT_CODE_PATTERN } from '../org/codes.ts';
import { PERIOD_PATTERN, periodTypes } from './rules/periods.ts';
import { ruleOperators } from './rules/value-checks.ts';

export const indicatorCode = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/, 'lower-case words joined by dots, e.g. economy.gdp')
  .max(64)
  .describe('Stable code, e.g. economy.gdp');
export const unitCode = z.string().regex(UNIT_CODE_PATTERN, 'a division code, short or in full');
export const periodText = z
  .string()
  .regex(PERIOD_PATTERN, 'a year (2021), quarter (2021Q3) or month (2021-07)')
  .describe('2021, 2021Q3 or 2021-07');
const version = z.number().int().min(1).describe('The version you saw; a stale one answers 409');

const definitionFields = {
  nameZh: z.string().trim().min(1).max(100),
  nameEn: z.string().trim().min(1).max(100),
  measureUnit: z.string().trim().max(20).describe('What a value counts: 亿元, %, 人, 天'),
  valueType: z.enum(['number', 'percent', 'count', 'money']),
  direction: z.enum(['up', 'down']).describe('up: higher is better'),
  unitAggregation: z
    .enum(['sum', 'average', 'weighted_average', 'none'])
    .describe('How a unit’s value comes from the units below it'),
  weightCode: indicatorCode.nullable().describe('For weighted_average: the indicator giving the weights'),
  periodAggregation: z.enum(['sum', 'last', 'average']).describe('How a year comes from its months or quarters'),
  periodType: z.enum(periodTypes),
  source: z.enum(['entered', 'formula', 'computed']),
  entryLevel: z.number().int().min(1).max(5).nullable().describe('For entered indicators: the level that enters'),
  categories: z
    .array(z.string().trim().min(1).max(20))
    .max(8)
    .describe('Optional small disaggregation (e.g. 男, 女); values are entered per category and summed'),
  numeratorCode: indicatorCode.nullable(),
  denominatorCode: indicatorCode.nullable(),
  factor: z.number().finite().describe('Formula: numerator ÷ denominator × factor (100 for a percentage)'),
  computedKey: z.string().trim().max(64).nullable().describe('For computed indicators: the provider’s key'),
  minValue: z.number().finite().nullable(),
  maxValue: z.number().finite().nullable(),
  outlierChangePct: z
    .number()
    .positive()
    .nullable()
    .describe('A change from the previous period beyond this percentage needs a comment'),
  rules: z
    .array(z.object({ op: z.enum(ruleOperators), code: indicatorCode }))
    .max(5)
    .describe('Cross-indicator rules: this value op that indicator’s value, same unit and period'),
  alertLine: z.number().finite().nullable().describe('Crossing this line raises an alert (structural breakthrough)'),
  entryWindowDays: z.number().int().min(0).max(366).describe('Days after the period’s end during which entry is open'),
};

export const indicator = z
  .object({ code: z.string(), ...definitionFields, version: z.number().int() })
  .meta({ id: 'Indicator' });
export type IndicatorDto = z.infer<typeof indicator>;

export const createIndicatorBody = z.object({
  code: indicatorCode,
  ...definitionFields,
  weightCode: definitionFields.weightCode.default(null),
  entryLevel: definitionFields.entryLevel.default(null),
  categories: definitionFields.categories.default([]),
  numeratorCode: definitionFields.numeratorCode.default(null),
  denominatorCode: definitionFields.denominatorCode.default(null),
  factor: definitionFields.factor.default(1),
  computedKey: definitionFields.computedKey.default(null),
  minValue: definitionFields.minValue.default(null),
  maxValue: definitionFields.maxValue.default(null),
  outlierChangePct: definitionFields.outlierChangePct.default(null),
  rules: definitionFields.rules.default([]),
  alertLine: definitionFields.alertLine.default(null),
  entryWindowDays: definitionFields.entryWindowDays.default(20),
  measureUnit: definitionFields.measureUnit.default(''),
});
export type IndicatorDefinition = z.infer<typeof createIndicatorBody>;
export type IndicatorDefinitionInput = z.input<typeof createIndicatorBody>;

/** A full definition from the fields a request would send: the rest take the API's defaults (no formula, no checks). */
export function indicatorDefinition(input: IndicatorDefinitionInput): IndicatorDefinition {
  return createIndicatorBody.parse(input);
}

export const updateIndicatorBody = z
  .object({ ...definitionFields, version })
  .partial()
  .required({ version: true });

export const indicatorCodeParam = z.object({ code: indicatorCode });

export const target = z
  .object({
    indicator: z.string(),
    unit: z.string(),
    unitName: z.string(),
    period: z.string(),
    baseline: z.number().nullable(),
    target: z.number(),
    greenAt: z.number(),
    amberAt: z.number(),
    version: z.number().int(),
  })
  .meta({ id: 'IndicatorTarget' });
export const putTargetBody = z.object({
  indicator: indicatorCode,
  unit: unitCode,
  period: periodText,
  baseline: z.number().finite().nullable().default(null),
  target: z.number().finite(),
  greenAt: z.number().min(0).max(10).default(1).describe('Attainment from which the light is green'),
  amberAt: z.number().min(0).max(10).default(0.9).describe('Attainment from which it is amber'),
  version: version.optional().describe('Omit to create; the version you saw to change'),
});
export const targetsQuery = z.object({ unit: unitCode, indicator: indicatorCode.optional() });

const cellValue = z.object({
  indicator: indicatorCode,
  category: z.string().max(20).default(''),
  value: z.number().finite(),
  comment: z.string().trim().max(500).nullable().default(null),
  version: z
    .number()
    .int()
    .nullable()
    .optional()
    .describe('The value’s version you saw, null for a cell that was empty; a stale one answers 409'),
});
export const saveValuesBody = z.object({
  unit: unitCode,
  period: periodText,
  values: z.array(cellValue).min(1).max(500),
  dryRun: z.boolean().default(false),
});
export const saveValuesResult = z.object({
  dryRun: z.boolean(),
  changed: z.number().int(),
  unchanged: z.number().int(),
});
export const gridQuery = z.object({ unit: unitCode, period: periodText });
export const grid = z
  .object({
    unit: z.string(),
    unitName: z.string(),
    period: z.string(),
    locked: z.boolean().describe('Approved at this unit or above: values can no longer change'),
    window: z.object({ opensOn: z.string(), closesOn: z.string(), open: z.boolean(), exception: z.boolean() }),
    rows: z.array(
      z.object({
        indicator: z.string(),
        nameZh: z.string(),
        nameEn: z.string(),
        measureUnit: z.string(),
        valueType: z.string(),
        category: z.string(),
        value: z.number().nullable(),
        comment: z.string().nullable(),
        previous: z.number().nullable().describe('The previous period’s value, for the outlier check'),
        version: z.number().int().nullable(),
      }),
    ),
  })
  .meta({ id: 'EntryGrid' });

export const valueHistoryQuery = z.object({
  unit: unitCode,
  period: periodText,
  indicator: indicatorCode.optional().describe('Only this indicator’s cells'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const valueHistory = z
  .object({
    unit: z.string(),
    period: z.string(),
    items: z.array(
      z.object({
        indicator: z.string(),
        category: z.string(),
        oldValue: z.number().nullable().describe('null when the cell was empty'),
        newValue: z.number(),
        comment: z.string().nullable(),
        changedBy: z.string().nullable().describe('Display name; null for the system (demo, CLI)'),
        changedAt: z.string().describe('ISO time'),
        requestId: z.string().nullable().describe('The request that made it: a grid save or an import job'),
      }),
    ),
  })
  .meta({ id: 'ValueHistory' });

export const approveBody = z.object({ unit: unitCode, period: periodText });
export const approvalsQuery = z.object({ unit: unitCode, period: periodText });
export const approvalStatus = z.object({
  unit: z.string(),
  unitName: z.string(),
  level: z.number().int().nullable(),
  hasData: z.boolean(),
  approved: z.boolean(),
  approvedAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
});
export const approvals = z.object({ self: approvalStatus, children: z.array(approvalStatus) });

export const exceptionBody = z.object({
  unit: unitCode,
  period: periodText,
  indicator: indicatorCode.nullable().default(null).describe('Only this indicator; null for all'),
  reason: z.string().trim().min(2).max(500),
  expiresAt: z.iso.datetime().describe('When the exception lapses'),
});
export const entryException = z.object({
  id: z.string(),
  unit: z.string(),
  period: z.string(),
  indicator: z.string().nullable(),
  reason: z.string(),
  expiresAt: z.string(),
});

export const importQuery = z.object({
  dryRun: z.enum(['true', 'false']).default('true').describe('Check only (the default); false saves'),
  format: z.enum(['csv', 'xlsx']).default('csv'),
});
export const templateQuery = z.object({
  unit: unitCode,
  period: periodText,
  format: z.enum(['csv', 'xlsx']).default('xlsx'),
});

export const analyticsQuery = z.object({
  indicator: indicatorCode,
  unit: unitCode,
  period: periodText,
  level: z.coerce.number().int().min(1).max(5).optional().describe('One row per descendant unit at this level'),
});
const reason = z
  .enum(['NO_DATA', 'NUMERATOR_MISSING', 'DENOMINATOR_MISSING', 'DIVISION_BY_ZERO', 'SOURCE_UNAVAILABLE'])
  .nullable()
  .describe('Why the value is null');
const cellFields = {
  value: z.number().nullable(),
  reason,
  target: z.number().nullable(),
  baseline: z.number().nullable(),
  attainment: z.number().nullable(),
  rag: z.enum(['green', 'amber', 'red']).nullable(),
};
export const analyticsCell = z
  .object({ indicator: z.string(), unit: z.string(), unitName: z.string(), period: z.string(), ...cellFields })
  .meta({ id: 'AnalyticsCell' });
export const analyticsRow = z.object({
  unit: z.string(),
  unitName: z.string(),
  ...cellFields,
  rank: z.number().int().nullable(),
  previousRank: z.number().int().nullable(),
  rankChange: z.number().int().nullable().describe('Places gained since the previous period (negative: lost)'),
});
export const analyticsLevel = z
  .object({
    indicator: z.string(),
    unit: z.string(),
    unitName: z.string(),
    period: z.string(),
    level: z.number().int(),
    items: z.array(analyticsRow),
  })
  .meta({ id: 'AnalyticsLevel' });
export const seriesQuery = z.object({
  indicator: indicatorCode,
  unit: unitCode,
  period: periodText.describe('The last period of the series'),
  count: z.coerce.number().int().min(1).max(60).default(12),
});
export const series = z.object({
  indicator: z.string(),
  unit: z.string(),
  items: z.array(z.object({ period: z.string(), ...cellFields })),
});
export const sourceRowsQuery = z.object({
  indicator: indicatorCode,
  unit: unitCode,
  period: periodText,
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export const sourceRow = z.object({
  indicator: z.string(),
  unit: z.string(),
  unitName: z.string(),
  period: z.string(),
  category: z.string(),
  value: z.number(),
  comment: z.string().nullable(),
  enteredBy: z.string().nullable(),
  enteredAt: z.string(),
});

export const alertsQuery = z.object({ unit: unitCode, limit: z.coerce.number().int().min(1).max(200).default(50) });
export const alert = z.object({
  id: z.string(),
  indicator: z.string(),
  indicatorName: z.string(),
  unit: z.string(),
  unitName: z.string(),
  period: z.string(),
  line: z.number(),
  previousValue: z.number().nullable(),
  value: z.number(),
  crossed: z.enum(['up', 'down']),
  raisedAt: z.string(),
});

const roleName = z.enum(['admin', 'leader', 'supervisor', 'staff', 'clerk', 'auditor']);
export const widget = z.object({
  type: z.enum(['kpi', 'trend', 'ranking', 'composition', 'map']),
  indicator: indicatorCode,
  level: z.number().int().min(1).max(5).optional(),
  unit: unitCode.optional().describe('A fixed unit; absent: the unit the dashboard is looked at for'),
  period: periodText.optional().describe('A fixed period; absent: the period chosen on the screen'),
  title: z.string().max(60).optional(),
});
export const dashboardQuery = z.object({
  unit: unitCode,
  role: roleName.optional().describe('Another role’s dashboard, to configure it (needs dashboards.manage)'),
});
export const dashboard = z
  .object({
    role: z.string(),
    unit: z.string(),
    widgets: z.array(widget),
    version: z.number().int().nullable().describe('null while the built-in default is shown'),
  })
  .meta({ id: 'Dashboard' });
export const putDashboardBody = z.object({
  role: roleName,
  unit: unitCode,
  widgets: z.array(widget).max(12),
  version: version.optional(),
});
