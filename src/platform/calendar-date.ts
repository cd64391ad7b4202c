/**
 * Calendar arithmetic on `YYYY-MM-DD` strings (the project's date format), done on numbers rather than
 * `Date` so that no time zone can shift a day. The calendar is the proleptic Gregorian one.
 *
 * Deadlines are calendar days too: a task due on 2024-06-30 is on time until that day ends in Beijing,
 * whatever time zone the server runs in (`chinaDateOf`).
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

const MS_PER_DAY = 86_400_000;
// China Standard Time is UTC+8 all year round (no daylight saving since 1991), so a fixed offset is exact.
const CHINA_OFFSET_MS = 8 * 3_600_000;

// The same few hundred days are read again and again (the supervision pass reads a dozen dates for each of
// tens of thousands of tasks), so parsed days are remembered; the bound keeps a long-running process small.
const knownDayNumbers = new Map<string, number | null>();
const KNOWN_DAY_NUMBERS_LIMIT = 50_000;

/** Days since 1970-01-01, or `null` when `date` is not a real `YYYY-MM-DD` day (2023-02-29 is not). */
function dayNumberOrNull(date: string): number | null {
  const known = knownDayNumbers.get(date);
  if (known !== undefined) return known;
  if (knownDayNumbers.size >= KNOWN_DAY_NUMBERS_LIMIT) knownDayNumbers.clear();
  const days = parseDayNumber(date);
  knownDayNumbers.set(date, days);
  return days;
}

function parseDayNumber(date: string): number | null {
  const match = ISO_DATE.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const instant = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map the years 0–99 onto 1900–1999.
  instant.setUTCFullYear(year, month - 1, day);
  const real = instant.getUTCFullYear() === year && instant.getUTCMonth() === month - 1 && instant.getUTCDate() === day;
  return real ? Math.round(instant.getTime() / MS_PER_DAY) : null;
}

export function isIsoDate(text: string): boolean {
  return dayNumberOrNull(text) !== null;
}

/** Reads a date the caller vouches for; a malformed one is a programming error, not user input. */
export function dayNumber(date: string): number {
  const days = dayNumberOrNull(date);
  if (days === null) throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  return days;
}

/** Whole days from `from` to `to`: 1 from a day to the next, negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

let lastChinaDay = { day: Number.NaN, date: '' };

/** The calendar day in China at the instant `now`. */
export function chinaDateOf(now: Date): string {
  const day = Math.floor((now.getTime() + CHINA_OFFSET_MS) / MS_PER_DAY);
  // Judging many records against one clock asks for the same day each time.
  if (day !== lastChinaDay.day) lastChinaDay = { day, date: new Date(day * MS_PER_DAY).toISOString().slice(0, 10) };
  return lastChinaDay.date;
}

/** For sorting by day: negative when `a` is the earlier day. */
export function compareDates(a: string, b: string): number {
  return dayNumber(a) - dayNumber(b);
}
