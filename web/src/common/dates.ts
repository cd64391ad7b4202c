import dayjs, { type Dayjs } from 'dayjs';

/** A calendar day as the API takes it. */
export function toDay(date: Dayjs): string {
  return date.format('YYYY-MM-DD');
}

/** An instant (ISO timestamp) in the viewer's time zone, to the second. */
export function formatInstant(iso: string): string {
  return dayjs(iso).format('YYYY-MM-DD HH:mm:ss');
}

/** For date pickers of things already in force: no day after today. */
export function isFutureDay(date: Dayjs): boolean {
  return date.isAfter(dayjs(), 'day');
}
