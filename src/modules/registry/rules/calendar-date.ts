/**
 * Calendar arithmetic on `YYYY-MM-DD` strings (the project's date format), done on numbers rather than
 * `Date` so that no time zone can shift a day. The calendar is the proleptic Gregorian one.
 */
export type CalendarDate = { year: number; month: number; day: number };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isRealDate({ year, month, day }: CalendarDate): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function formatCalendarDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Reads a date the caller vouches for; a malformed one is a programming error, not user input. */
export function parseCalendarDate(text: string): CalendarDate {
  const match = ISO_DATE.exec(text);
  const date = match && { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (!date || !isRealDate(date)) throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(text)}`);
  return date;
}

/** Months counted from year 0, so that month spans can be compared and subtracted as integers. */
export function monthIndex(yearMonth: string): number {
  const match = ISO_MONTH.exec(yearMonth);
  const month = Number(match?.[2]);
  if (!match || month < 1 || month > 12) throw new RangeError(`Not a YYYY-MM month: ${JSON.stringify(yearMonth)}`);
  return Number(match[1]) * 12 + month - 1;
}

/** The same day `months` later; a day the target month lacks becomes its last day (08-31 + 6 → 02-28). */
export function addMonths(date: string, months: number): string {
  const { year, month, day } = parseCalendarDate(date);
  const target = year * 12 + month - 1 + months;
  const targetYear = Math.floor(target / 12);
  const targetMonth = (target % 12) + 1;
  return formatCalendarDate({
    year: targetYear,
    month: targetMonth,
    day: Math.min(day, daysInMonth(targetYear, targetMonth)),
  });
}

/** Complete months from `from` to `to`, counted the way `addMonths` steps (negative when `to` is earlier). */
export function wholeMonthsBetween(from: string, to: string): number {
  const start = parseCalendarDate(from);
  const end = parseCalendarDate(to);
  const months = (end.year - start.year) * 12 + end.month - start.month;
  return addMonths(from, months) <= to ? months : months - 1;
}
