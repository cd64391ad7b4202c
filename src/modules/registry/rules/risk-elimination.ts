import { basicNeedsChecks, type BasicNeeds, type BasicNeedsCheckName } from './basic-needs.ts';
import { monthIndex, wholeMonthsBetween } from '../../../platform/calendar-date.ts';
import { conditionCheck, outcomeOf, thresholdCheck, type RuleOutcome } from './rule-check.ts';

/**
 * Whether a monitored household's risk can be marked eliminated (风险消除): income stably above the
 * monitoring line, large unavoidable costs resolved, the guarantees and drinking water secured.
 *
 * "Stably" is read as: the household has been monitored for at least the stable period, and income records
 * cover every one of the last complete months of that period, each above the line. The period is six months
 * "in principle" (domain.md), so a province may set a longer one.
 */
export const DEFAULT_STABLE_MONTHS = 6;

/** Income over one or more whole months: monthly records, or quarterly ones where that is how data comes. */
export type IncomeRecord = {
  /** YYYY-MM, the first month covered. */
  firstMonth: string;
  /** Months covered, at least 1. */
  months: number;
  /** Net income per household member over those months, yuan. */
  perCapitaIncome: number;
};

export type RiskEliminationInput = {
  /** YYYY-MM-DD, the home visit; its own month is still running, so the period ends with the month before. */
  evaluationDate: string;
  /** YYYY-MM-DD, when the household was identified for monitoring (this time, if it was monitored before). */
  monitoredSince: string;
  /** The province's monitoring line in force on the evaluation date, yuan per person per year. */
  monitoringLine: number;
  /** The household's current income records; superseded ones must be left out, since every record counts. */
  incomeRecords: readonly IncomeRecord[];
  largeUnavoidableCostsResolved: boolean;
  basicNeeds: BasicNeeds;
  stableMonths?: number;
};

export type RiskEliminationCheckName =
  | 'monitored_long_enough'
  | 'income_records_cover_period'
  | 'income_above_monitoring_line'
  | 'large_unavoidable_costs_resolved'
  | BasicNeedsCheckName;

export function checkRiskElimination(input: RiskEliminationInput): RuleOutcome<RiskEliminationCheckName> {
  const stableMonths = input.stableMonths ?? DEFAULT_STABLE_MONTHS;
  const income = incomeOverPeriod(input.incomeRecords, input.evaluationDate, stableMonths);
  return outcomeOf<RiskEliminationCheckName>([
    thresholdCheck(
      'monitored_long_enough',
      wholeMonthsBetween(input.monitoredSince, input.evaluationDate),
      '>=',
      stableMonths,
    ),
    thresholdCheck('income_records_cover_period', income.coveredMonths, '>=', stableMonths),
    // The line is yearly; a record over n months is compared after scaling it to a year (× 12 / n).
    thresholdCheck('income_above_monitoring_line', income.lowestAnnualized, '>', input.monitoringLine),
    conditionCheck('large_unavoidable_costs_resolved', input.largeUnavoidableCostsResolved),
    ...basicNeedsChecks(input.basicNeeds),
  ]);
}

/**
 * Over the last `stableMonths` complete months: how many are covered by a record, and the lowest
 * annualised income among the records touching them (`null` when there are none: no record, no evidence).
 */
function incomeOverPeriod(
  records: readonly IncomeRecord[],
  evaluationDate: string,
  stableMonths: number,
): { coveredMonths: number; lowestAnnualized: number | null } {
  const periodEnd = monthIndex(evaluationDate.slice(0, 7)) - 1;
  const periodStart = periodEnd - stableMonths + 1;
  const covered = new Set<number>();
  let lowestAnnualized: number | null = null;
  for (const record of records) {
    if (!Number.isInteger(record.months) || record.months < 1) {
      throw new RangeError(`An income record must cover whole months, not ${record.months}`);
    }
    const first = monthIndex(record.firstMonth);
    const last = first + record.months - 1;
    if (last < periodStart || first > periodEnd) continue;
    for (let month = Math.max(first, periodStart); month <= Math.min(last, periodEnd); month += 1) covered.add(month);
    const annualized = (record.perCapitaIncome * 12) / record.months;
    lowestAnnualized = lowestAnnualized === null ? annualized : Math.min(lowestAnnualized, annualized);
  }
  return { coveredMonths: covered.size, lowestAnnualized };
}
