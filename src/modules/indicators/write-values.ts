import type { CopyClient } from '../../platform/copy.ts';
import type { Tx } from '../../platform/database.ts';
import type { IndicatorRow } from '../../platform/db-schema.ts';
import { chinaDateOf } from '../../platform/calendar-date.ts';
import { type ErrorCode, type FieldIssue, errorMessage } from '../../platform/errors.ts';
import { pathInScope } from '../auth/access.ts';
import type { ServiceContext } from '../auth/context.ts';
import { normalizeUnitCode } from '../org/codes.ts';
import { raiseAlerts } from './alerts.ts';
import { checkValue, type ValueProblem } from './rules/value-checks.ts';
import {
  entryWindow,
  formatPeriod,
  parsePeriod,
  type Period,
  periodEnd,
  periodTypeName,
  previousPeriod,
} from './rules/periods.ts';
import {
  activeExceptions,
  applyStagedValues,
  brokenRules,
  hasMovedUnits,
  lockedRows,
  lockStagedCells,
  pathsAt,
  type StagedIssue,
  type StagedValue,
  stagedAlertCells,
  stageValues,
  staleRows,
  uncommentedOutliers,
  unitsByFullCodes,
  type ValueChange,
} from './value-queries.ts';
import { holdWeightedRollupsForWrite } from './weighted-rollup-queries.ts';

/** One value as a user or a file gave it; `row` and `field` say where, for the error report. */
export type EntryInput = {
  row: number;
  field: string;
  indicator: string;
  unit: string;
  period: string;
  category: string;
  value: number | string;
  comment: string | null;
  expectedVersion?: number | null;
};

export type Issue = FieldIssue & { row: number };

const VALUE_PROBLEM_CODES: Record<ValueProblem, ErrorCode> = {
  not_integer: 'INDICATOR_VALUE_NOT_INTEGER',
  negative_count: 'INDICATOR_VALUE_NEGATIVE',
  percent_range: 'INDICATOR_VALUE_PERCENT_RANGE',
  money_precision: 'INDICATOR_VALUE_MONEY_PRECISION',
  below_min: 'INDICATOR_VALUE_BELOW_MIN',
  above_max: 'INDICATOR_VALUE_ABOVE_MAX',
};

function parseNumber(value: number | string): number | null {
  if (typeof value === 'number') return value;
  const text = value.trim().replace(/,/g, '');
  if (text === '' || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return null;
  return Number(text);
}

/**
 * Checks each value on its own (the indicator, the unit and the caller's scope, the period, the category,
 * the typed value, the entry window) and resolves what it needs to be written. Checks across values and
 * against stored data run afterwards in SQL (`writeValues`).
 */
export async function resolveEntries(
  ctx: ServiceContext,
  tx: Tx,
  definitions: ReadonlyMap<string, IndicatorRow>,
  inputs: readonly EntryInput[],
): Promise<{ staged: StagedValue[]; issues: Issue[] }> {
  const issues: Issue[] = [];
  const fail = (input: EntryInput, column: string, code: ErrorCode, params: Record<string, string | number> = {}) => {
    issues.push({ row: input.row, field: input.field + column, code, message: errorMessage(code, ctx.locale, params) });
  };
  // A file repeats few units and periods a million times: each distinct text is resolved once.
  const unitTexts = [...new Set(inputs.map((i) => i.unit))];
  const stored = new Map(
    (await unitsByFullCodes(tx, [...new Set(unitTexts.map(normalizeUnitCode))])).map((u) => [u.code, u]),
  );
  const units = new Map(unitTexts.map((text) => [text, stored.get(normalizeUnitCode(text))]));
  const periods = [...new Set(inputs.map((i) => i.period))];
  const parsedPeriods = new Map(periods.map((text) => [text, parsePeriod(text)]));
  const previousPeriods = new Map(
    [...parsedPeriods].flatMap(([text, p]) => (p ? [[text, formatPeriod(previousPeriod(p))] as const] : [])),
  );
  const exceptions = await activeExceptions(tx, { periods, now: ctx.clock.now() });
  const today = chinaDateOf(ctx.clock.now());
  // The system itself (CLI, demo data) loads history; people enter within windows or by exception.
  const bypassWindows = ctx.actor.userId === null;
  const seen = new Set<string>();
  const accepted: {
    input: EntryInput;
    indicator: IndicatorRow;
    unit: { id: number; path: string; level: number };
    value: number;
  }[] = [];

  for (const input of inputs) {
    const indicator = definitions.get(input.indicator);
    if (!indicator) {
      fail(input, 'indicator', 'INDICATOR_NOT_FOUND', { code: input.indicator });
      continue;
    }
    if (indicator.source !== 'entered') {
      fail(input, 'indicator', 'INDICATOR_NOT_ENTERED', { code: indicator.code });
      continue;
    }
    const unit = units.get(input.unit);
    if (!unit) {
      fail(input, 'unit', 'ORG_UNIT_NOT_FOUND', { code: input.unit });
      continue;
    }
    if (!pathInScope(ctx.access, unit.path)) {
      fail(input, 'unit', 'OUT_OF_SCOPE', { code: unit.code });
      continue;
    }
    if (unit.level !== indicator.entry_level) {
      fail(input, 'unit', 'INDICATOR_WRONG_LEVEL', { code: indicator.code, level: indicator.entry_level ?? '-' });
      continue;
    }
    const p = parsedPeriods.get(input.period);
    if (!p || p.type !== indicator.period_type) {
      fail(input, 'period', 'INDICATOR_WRONG_PERIOD_TYPE', {
        code: indicator.code,
        type: periodTypeName(indicator.period_type, ctx.locale),
        period: input.period,
      });
      continue;
    }
    const allowed = indicator.categories.length === 0 ? [''] : indicator.categories;
    if (!allowed.includes(input.category)) {
      fail(input, 'category', 'INDICATOR_CATEGORY_UNKNOWN', { category: input.category });
      continue;
    }
    const value = parseNumber(input.value);
    if (value === null) {
      fail(input, 'value', 'INDICATOR_VALUE_NOT_NUMBER', { text: String(input.value) });
      continue;
    }
    const problem = checkValue(value, {
      valueType: indicator.value_type,
      minValue: indicator.min_value === null ? null : Number(indicator.min_value),
      maxValue: indicator.max_value === null ? null : Number(indicator.max_value),
    });
    if (problem) {
      fail(input, 'value', VALUE_PROBLEM_CODES[problem], {
        min: String(indicator.min_value),
        max: String(indicator.max_value),
      });
      continue;
    }
    const key = `${indicator.id}|${input.period}|${unit.id}|${input.category}`;
    if (seen.has(key)) {
      fail(input, 'value', 'VALIDATION_FAILED', { summary: `${indicator.code} ${unit.code} ${input.period} ×2` });
      continue;
    }
    seen.add(key);
    if (!bypassWindows) {
      const window = entryWindow(p, indicator.entry_window_days);
      if (today < window.opensOn) {
        fail(input, 'period', 'INDICATOR_PERIOD_NOT_STARTED', { period: input.period });
        continue;
      }
      const excepted = exceptions.some(
        (e) =>
          e.period === input.period &&
          unit.path.startsWith(e.path) &&
          (e.indicator_id === null || e.indicator_id === indicator.id),
      );
      if (today > window.closesOn && !excepted) {
        fail(input, 'period', 'INDICATOR_ENTRY_WINDOW_CLOSED', { period: input.period, closedOn: window.closesOn });
        continue;
      }
    }
    accepted.push({ input, indicator, unit: { id: unit.id, path: unit.path, level: unit.level ?? 0 }, value });
  }

  const pathOf = await pathResolver(
    tx,
    accepted.map((a) => ({ unitId: a.unit.id, path: a.unit.path, period: a.input.period })),
  );
  const staged = accepted.map(({ input, indicator, unit, value }): StagedValue => ({
    row: input.row,
    indicatorId: indicator.id,
    period: input.period,
    previousPeriod: previousPeriods.get(input.period) as string,
    unitId: unit.id,
    category: input.category,
    value,
    comment: input.comment?.trim() || null,
    pathAt: pathOf(unit.id, unit.path, input.period),
    level: unit.level,
    expectedVersion: input.expectedVersion,
  }));
  return { staged, issues };
}

/** Each unit's path as of each period's end; today's path when no unit ever moved (the usual case). */
async function pathResolver(tx: Tx, cells: readonly { unitId: number; path: string; period: string }[]) {
  if (!(await hasMovedUnits(tx))) return (_: number, path: string) => path;
  const ends = new Map(
    [...new Set(cells.map((c) => c.period))].map((text) => [text, periodEnd(parsePeriod(text) as Period)]),
  );
  const pairs = new Map<string, { unitId: number; day: string }>();
  for (const cell of cells) {
    const day = ends.get(cell.period) as string;
    pairs.set(`${cell.unitId}@${day}`, { unitId: cell.unitId, day });
  }
  const paths = await pathsAt(tx, [...pairs.values()]);
  return (unitId: number, path: string, period: string) => paths.get(`${unitId}@${ends.get(period)}`) ?? path;
}

/** What a write is busy with, for progress bars: staging the values, checking them against stored data, writing. */
export type WritePhase = 'staging' | 'verifying' | 'writing';

export type WriteOutcome = { issues: Issue[]; changed: number; sample: ValueChange[]; alerts: number };

/**
 * Stages the resolved values in the transaction, runs the checks that look across values and at stored data
 * (approval locks, stale versions, uncommented outliers, cross-indicator rules) and, when everything passes
 * and this is no dry run, writes values, change log and roll-ups and raises alerts. With any issue nothing is
 * written: the caller rolls the transaction back.
 */
export async function writeValues(
  ctx: ServiceContext,
  tx: Tx,
  definitions: ReadonlyMap<string, IndicatorRow>,
  staged: readonly StagedValue[],
  options: {
    dryRun: boolean;
    fieldOf: (row: number, column: string) => string;
    /** The transaction's own connection, to stream a file's values in with COPY. */
    copyClient?: CopyClient;
    onProgress?: (phase: WritePhase, done: number) => void;
  },
): Promise<WriteOutcome> {
  const report = options.onProgress ?? (() => {});
  await stageValues(tx, staged, { copyClient: options.copyClient, onProgress: (done) => report('staging', done) });
  report('verifying', staged.length);
  await holdWeightedRollupsForWrite(tx);
  await lockStagedCells(tx);
  const found: StagedIssue[] = [
    ...(await lockedRows(tx)),
    ...(await staleRows(tx)),
    ...(await uncommentedOutliers(tx)),
    ...(await brokenRules(tx, definitions)),
  ];
  const issues = found.map((issue) => ({
    row: issue.row,
    field: options.fieldOf(issue.row, issue.code === 'INDICATOR_COMMENT_REQUIRED' ? 'comment' : 'value'),
    code: issue.code,
    message: errorMessage(issue.code as ErrorCode, ctx.locale, issue.params),
  }));
  if (issues.length > 0 || options.dryRun) return { issues, changed: 0, sample: [], alerts: 0 };
  report('writing', staged.length);
  const { count: changed, sample } = await applyStagedValues(tx, {
    userId: ctx.actor.userId,
    requestId: ctx.actor.requestId,
    at: ctx.clock.now(),
    returnChanges: staged.length <= 500,
  });
  const alerts = await raiseAlerts(tx, ctx, definitions, await stagedAlertCells(tx));
  return { issues, changed, sample, alerts };
}
