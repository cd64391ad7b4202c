/**
 * Reporting periods as people write them: a year `2021`, a quarter `2021Q3`, a month `2021-07`. Arithmetic
 * is on integers (no Date), so no time zone can move a period.
 */
export const periodTypes = ['month', 'quarter', 'year'] as const;
export type PeriodType = (typeof periodTypes)[number];

export type Period = {
  type: PeriodType;
  year: number;
  /** 1–12 for months, 1–4 for quarters, 1 for years */ index: number;
};

const PATTERNS: [RegExp, PeriodType][] = [
  [/^(\d{4})$/, 'year'],
  [/^(\d{4})Q([1-4])$/, 'quarter'],
  [/^(\d{4})-(0[1-9]|1[0-2])$/, 'month'],
];

export const PERIOD_PATTERN = /^\d{4}(Q[1-4]|-(0[1-9]|1[0-2]))?$/;

export function parsePeriod(text: string): Period | null {
  for (const [pattern, type] of PATTERNS) {
    const match = pattern.exec(text);
    if (match) return { type, year: Number(match[1]), index: match[2] ? Number(match[2]) : 1 };
  }
  return null;
}

/** Reads a period the caller vouches for (validated at the edge). */
export function period(text: string): Period {
  const parsed = parsePeriod(text);
  if (!parsed) throw new RangeError(`Not a period: ${JSON.stringify(text)}`);
  return parsed;
}

export function formatPeriod(p: Period): string {
  if (p.type === 'year') return String(p.year);
  if (p.type === 'quarter') return `${p.year}Q${p.index}`;
  return `${p.year}-${String(p.index).padStart(2, '0')}`;
}

const MONTHS_IN: Record<PeriodType, number> = { month: 1, quarter: 3, year: 12 };

/** First and last month (1–12) the period covers. */
function monthSpan(p: Period): [number, number] {
  const first = (p.index - 1) * MONTHS_IN[p.type] + 1;
  return [first, first + MONTHS_IN[p.type] - 1];
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number) => String(n).padStart(2, '0');

export function periodStart(p: Period): string {
  return `${p.year}-${pad(monthSpan(p)[0])}-01`;
}

/** The period's last day: the day whose org tree its values are rolled up over. */
export function periodEnd(p: Period): string {
  const last = monthSpan(p)[1];
  return `${p.year}-${pad(last)}-${pad(lastDayOfMonth(p.year, last))}`;
}

export function shiftPeriod(p: Period, steps: number): Period {
  const perYear = 12 / MONTHS_IN[p.type];
  const ordinal = p.year * perYear + (p.index - 1) + steps;
  return { type: p.type, year: Math.floor(ordinal / perYear), index: (ordinal % perYear) + 1 };
}

export function previousPeriod(p: Period): Period {
  return shiftPeriod(p, -1);
}

/** True when values of `fine` periods can be combined into a `coarse` one (months into quarters, …). */
export function canAggregateInto(fine: PeriodType, coarse: PeriodType): boolean {
  return MONTHS_IN[coarse] >= MONTHS_IN[fine];
}

/** The periods of type `type` that make up `p`, in order: `2021Q3` in months is 2021-07, -08, -09. */
export function subPeriods(p: Period, type: PeriodType): Period[] {
  if (!canAggregateInto(type, p.type)) throw new RangeError(`${type} does not divide ${p.type}`);
  const [first, last] = monthSpan(p);
  const step = MONTHS_IN[type];
  const result: Period[] = [];
  for (let month = first; month <= last; month += step) {
    result.push({ type, year: p.year, index: (month - 1) / step + 1 });
  }
  return result;
}

/** The period of type `type` holding a day (`YYYY-MM-DD`). */
export function periodOfDay(day: string, type: PeriodType): Period {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return { type, year, index: Math.floor((month - 1) / MONTHS_IN[type]) + 1 };
}

function addDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

/** Entry for a period opens on its first day and closes `days` after its last. */
export function entryWindow(p: Period, days: number): { opensOn: string; closesOn: string } {
  return { opensOn: periodStart(p), closesOn: addDays(periodEnd(p), days) };
}

const PERIOD_TYPE_NAMES = {
  'zh-CN': { month: '月', quarter: '季度', year: '年' },
  en: { month: 'month', quarter: 'quarter', year: 'year' },
} as const;

/** The period type as a word of the reader's language, for messages. */
export function periodTypeName(type: PeriodType, locale: 'zh-CN' | 'en'): string {
  return PERIOD_TYPE_NAMES[locale][type];
}
