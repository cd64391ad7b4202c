import { DEFAULT_MONITORING_LINES, DEFAULT_POVERTY_LINES, settingForYear } from '../rules/poverty-lines.ts';
import {
  EXIT_INCOME_MULTIPLE_OF_LINE,
  FINAL_EXIT_YEAR,
  INCOME_2020,
  INCOME_YEAR_AT_REGISTRATION,
  PRE_EXIT_GROWTH,
  REGISTRATION_INCOME_SHARE_OF_LINE,
} from './calibration.ts';
import type { Random } from './random.ts';
import type { DemoIncome, DemoMonitoring } from './types.ts';

/** Xinzhou's province: its own monitoring line applies from 2024. */
const SHANXI = '14';

// Looked up once per year: the generator asks for a line several times per household.
const povertyLines = new Map<number, number>();
const monitoringLines = new Map<number, number>();

export function povertyLine(year: number): number {
  let line = povertyLines.get(year);
  if (line === undefined) {
    line = settingForYear(DEFAULT_POVERTY_LINES, year)?.value;
    if (line === undefined) throw new RangeError(`No poverty line for ${year}`);
    povertyLines.set(year, line);
  }
  return line;
}

export function monitoringLine(year: number): number {
  let line = monitoringLines.get(year);
  if (line === undefined) {
    line = settingForYear(DEFAULT_MONITORING_LINES, year, SHANXI)?.value;
    if (line === undefined) throw new RangeError(`No monitoring line for ${year}`);
    monitoringLines.set(year, line);
  }
  return line;
}

/**
 * Per-capita net income of a registered household from 2013 to 2020: below each year's line until the exit
 * year, above it in the exit year (the exit condition), then rising towards the 2020 level.
 */
export function registeredIncomes(random: Random, exitYear: number): DemoIncome[] {
  const incomes: DemoIncome[] = [];
  let poorIncome =
    povertyLine(INCOME_YEAR_AT_REGISTRATION) *
    random.uniform(REGISTRATION_INCOME_SHARE_OF_LINE.min, REGISTRATION_INCOME_SHARE_OF_LINE.max);
  const growth = random.uniform(PRE_EXIT_GROWTH.min, PRE_EXIT_GROWTH.max);
  for (let year = INCOME_YEAR_AT_REGISTRATION; year < exitYear; year += 1) {
    poorIncome = Math.min(poorIncome, povertyLine(year) * random.uniform(0.85, 0.98));
    incomes.push({ year, perCapitaNetIncome: Math.round(poorIncome) });
    poorIncome *= growth;
  }

  const exitLine = povertyLine(exitYear);
  // Rounding up keeps the exit-year income strictly above the line whatever the multiple.
  const exitIncome = Math.ceil(
    exitLine * random.uniform(EXIT_INCOME_MULTIPLE_OF_LINE.min, EXIT_INCOME_MULTIPLE_OF_LINE.max),
  );
  const yearsAfterExit = FINAL_EXIT_YEAR - exitYear;
  const drawn = random.normal(INCOME_2020.drawMean, INCOME_2020.sd);
  const income2020 = Math.min(
    exitIncome * INCOME_2020.maxYearlyGrowth ** yearsAfterExit,
    Math.max(drawn, exitIncome * 1.05 ** yearsAfterExit),
  );
  for (let year = exitYear; year <= FINAL_EXIT_YEAR; year += 1) {
    const progress = yearsAfterExit === 0 ? 1 : (year - exitYear) / yearsAfterExit;
    const income = year === exitYear ? exitIncome : exitIncome * (income2020 / exitIncome) ** progress;
    incomes.push({ year, perCapitaNetIncome: Math.round(income) });
  }
  return incomes;
}

/**
 * Incomes from `firstYear` to `lastYear` of a household under monitoring: the level before the difficulty
 * (`incomeBefore`, growing a little), below the year's monitoring line from the year monitoring began, and
 * above it from the year the risk was eliminated.
 */
export function monitoredIncomes(
  random: Random,
  monitoring: DemoMonitoring,
  range: { firstYear: number; lastYear: number; incomeBefore: number },
): DemoIncome[] {
  const startYear = Number(monitoring.from.slice(0, 4));
  const eliminatedYear = monitoring.riskEliminatedOn ? Number(monitoring.riskEliminatedOn.slice(0, 4)) : null;
  const incomes: DemoIncome[] = [];
  let income = range.incomeBefore;
  for (let year = range.firstYear; year <= range.lastYear; year += 1) {
    const line = monitoringLine(year);
    if (year < startYear) income *= random.uniform(1, 1.08);
    else if (eliminatedYear !== null && year >= eliminatedYear) income = Math.ceil(line * random.uniform(1.1, 1.6));
    else income = line * random.uniform(0.55, 0.95);
    incomes.push({ year, perCapitaNetIncome: Math.round(income) });
  }
  return incomes;
}
