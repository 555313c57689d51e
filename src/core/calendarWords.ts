import { dayNumber } from './time';

/**
 * Dates in words, in the app's one language, worked out by hand: asking Intl for a month's name builds a formatter,
 * and the first one costs a slow phone ~100 ms while its first screen renders.
 */
export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** The weekday's name of a YYYY-MM-DD date (1970-01-01 was a Thursday). */
export function weekdayName(date: string): string {
  const weekday = (((dayNumber(date) + 4) % 7) + 7) % 7;
  return WEEKDAY_NAMES[weekday] ?? '';
}

/** "24 November" for a YYYY-MM-DD date. */
export function dayAndMonth(date: string): string {
  dayNumber(date); // refuses (RangeError) what is not a calendar date
  return `${Number(date.slice(8, 10))} ${MONTH_NAMES[Number(date.slice(5, 7)) - 1] ?? ''}`;
}

/** "Tuesday 24 November" for a YYYY-MM-DD date. */
export function longDateWords(date: string): string {
  return `${weekdayName(date)} ${dayAndMonth(date)}`;
}
