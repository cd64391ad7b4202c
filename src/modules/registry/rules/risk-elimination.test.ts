import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { basicNeedsChecks } from './basic-needs.ts';
import { ALL_BASIC_NEEDS_SECURED, failedCheckNames } from './fixtures.ts';
import { checkRiskElimination, type IncomeRecord, type RiskEliminationInput } from './risk-elimination.ts';

const monthly = (firstMonth: string, perCapitaIncome: number): IncomeRecord => ({
  firstMonth,
  months: 1,
  perCapitaIncome,
});

// Shanxi 2024: 7,500 yuan a year is 625 a month. The visit is in September, so the period is March–August.
const PERIOD = ['2024-03', '2024-04', '2024-05', '2024-06', '2024-07', '2024-08'];
const eligible: RiskEliminationInput = {
  evaluationDate: '2024-09-15',
  monitoredSince: '2024-03-01',
  monitoringLine: 7500,
  incomeRecords: PERIOD.map((month) => monthly(month, 700)),
  largeUnavoidableCostsResolved: true,
  basicNeeds: ALL_BASIC_NEEDS_SECURED,
};

const failedNames = (input: RiskEliminationInput) => failedCheckNames(checkRiskElimination(input));

const replaceMonth = (month: string, record: IncomeRecord | null) =>
  eligible.incomeRecords.flatMap((existing) => (existing.firstMonth === month ? (record ? [record] : []) : [existing]));

describe('checkRiskElimination', () => {
  it('passes a household stably above the line, with the figures behind each check', () => {
    expect(checkRiskElimination(eligible)).toEqual({
      passed: true,
      checks: [
        { name: 'monitored_long_enough', passed: true, actual: 6, required: 6, comparison: '>=' },
        { name: 'income_records_cover_period', passed: true, actual: 6, required: 6, comparison: '>=' },
        { name: 'income_above_monitoring_line', passed: true, actual: 8400, required: 7500, comparison: '>' },
        { name: 'large_unavoidable_costs_resolved', passed: true },
        ...basicNeedsChecks(ALL_BASIC_NEEDS_SECURED),
      ],
    });
  });

  it.each<[string, Partial<RiskEliminationInput>, string[]]>([
    ['monitored exactly six months', { monitoredSince: '2024-03-15' }, []],
    ['monitored a day short of six months', { monitoredSince: '2024-03-16' }, ['monitored_long_enough']],
    ['monitored since after the period began', { monitoredSince: '2024-06-01' }, ['monitored_long_enough']],
    ['a month without a record', { incomeRecords: replaceMonth('2024-05', null) }, ['income_records_cover_period']],
    [
      'a month exactly on the line (625 × 12 = 7,500 is not above)',
      { incomeRecords: replaceMonth('2024-07', monthly('2024-07', 625)) },
      ['income_above_monitoring_line'],
    ],
    ['a month just above the line', { incomeRecords: replaceMonth('2024-07', monthly('2024-07', 625.01)) }, []],
    [
      'records outside the period, however low, do not count',
      { incomeRecords: [monthly('2024-02', 10), ...eligible.incomeRecords, monthly('2024-09', 10)] },
      [],
    ],
    [
      'quarterly records, each scaled to a year',
      {
        incomeRecords: [
          { firstMonth: '2024-03', months: 3, perCapitaIncome: 1900 },
          { firstMonth: '2024-06', months: 3, perCapitaIncome: 1900 },
        ],
      },
      [],
    ],
    [
      'a low quarter',
      {
        incomeRecords: [
          { firstMonth: '2024-03', months: 3, perCapitaIncome: 1900 },
          { firstMonth: '2024-06', months: 3, perCapitaIncome: 1875 },
        ],
      },
      ['income_above_monitoring_line'],
    ],
    [
      'a low quarter that reaches into the period counts',
      {
        incomeRecords: [
          { firstMonth: '2024-01', months: 3, perCapitaIncome: 1800 },
          ...eligible.incomeRecords.filter((record) => record.firstMonth !== '2024-03'),
        ],
      },
      ['income_above_monitoring_line'],
    ],
    [
      'no income records at all',
      { incomeRecords: [] },
      ['income_records_cover_period', 'income_above_monitoring_line'],
    ],
    ['large costs unresolved', { largeUnavoidableCostsResolved: false }, ['large_unavoidable_costs_resolved']],
    [
      'basic medical care and drinking water not secured',
      { basicNeeds: { ...ALL_BASIC_NEEDS_SECURED, basicMedicalCare: false, safeDrinkingWater: false } },
      ['basic_medical_care', 'safe_drinking_water'],
    ],
    [
      'a province that requires twelve stable months',
      { stableMonths: 12 },
      ['monitored_long_enough', 'income_records_cover_period'],
    ],
    [
      'everything wrong at once',
      {
        monitoredSince: '2024-08-01',
        incomeRecords: [monthly('2024-08', 300)],
        largeUnavoidableCostsResolved: false,
        basicNeeds: { ...ALL_BASIC_NEEDS_SECURED, food: false },
      },
      [
        'monitored_long_enough',
        'income_records_cover_period',
        'income_above_monitoring_line',
        'large_unavoidable_costs_resolved',
        'food',
      ],
    ],
  ])('%s', (_case, change, failing) => {
    const input = { ...eligible, ...change };
    expect(failedNames(input)).toEqual(failing);
    expect(checkRiskElimination(input).passed).toBe(failing.length === 0);
  });

  it('reports the lowest annualised income and the months covered', () => {
    const outcome = checkRiskElimination({ ...eligible, incomeRecords: replaceMonth('2024-04', null).slice(0, 4) });
    expect(outcome.checks.find((check) => check.name === 'income_records_cover_period')?.actual).toBe(4);
    const lowHalfYear = checkRiskElimination({
      ...eligible,
      incomeRecords: [{ firstMonth: '2024-03', months: 6, perCapitaIncome: 3000 }],
    });
    expect(lowHalfYear.checks.find((check) => check.name === 'income_above_monitoring_line')?.actual).toBe(6000);
  });

  it.each([0, -1, 1.5])('refuses a record covering %d months as a programming error', (months) => {
    const incomeRecords = [{ firstMonth: '2024-05', months, perCapitaIncome: 1000 }];
    expect(() => checkRiskElimination({ ...eligible, incomeRecords })).toThrow(RangeError);
  });

  it('passes with every month of the period above the line, and fails as soon as one month is missing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 625.01, max: 5000, noNaN: true }), { minLength: 6, maxLength: 6 }),
        fc.nat(5),
        (incomes, missing) => {
          const incomeRecords = PERIOD.map((month, index) => monthly(month, incomes[index]!));
          expect(checkRiskElimination({ ...eligible, incomeRecords }).passed).toBe(true);
          const withGap = incomeRecords.filter((_record, index) => index !== missing);
          expect(failedNames({ ...eligible, incomeRecords: withGap })).toEqual(['income_records_cover_period']);
        },
      ),
    );
  });
});
