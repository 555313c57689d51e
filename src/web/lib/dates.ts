import { longDateWords } from '../../core/calendarWords';
import { addDays as addCalendarDays, dateOfDay, isIsoDate, localDayAt, zoneOffsetMinutes } from '../../core/time';

/** Calendar dates (YYYY-MM-DD) in a given time zone, or the browser's own: the one calendar, `src/core/time.ts`. */
export function dateIn(instant: Date, timeZone?: string): string {
  return dateOfDay(localDayAt(instant.getTime(), timeZone ?? browserTimeZone() ?? 'UTC'));
}

export function todayIn(timeZone?: string): string {
  return dateIn(new Date(), timeZone);
}

let zoneSeen: { zone: string | undefined; offset: number } | null = null;

/**
 * The browser's IANA time zone. Building an Intl formatter to ask costs far more than the date arithmetic around it,
 * and screens ask for every date they show, so the answer is kept until the clock's UTC offset changes (a flight, or
 * the device's zone set by hand).
 */
export function browserTimeZone(): string | undefined {
  const offset = new Date().getTimezoneOffset();
  if (zoneSeen?.offset === offset) return zoneSeen.zone;
  let zone: string | undefined;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    zone = undefined;
  }
  zoneSeen = { zone, offset };
  return zone;
}

/** "Tuesday 24 November" for a YYYY-MM-DD date (anything else is shown as it is). */
export function longDate(isoDate: string): string {
  return isIsoDate(isoDate) ? longDateWords(isoDate) : isoDate;
}

/** Milliseconds the zone's wall clock is ahead of UTC at an instant (e.g. +3 600 000 for London in summer). */
function offsetAt(instant: Date, timeZone?: string): number {
  return zoneOffsetMinutes(instant.getTime(), timeZone ?? browserTimeZone() ?? 'UTC') * 60_000;
}

/** The instant when the wall clock in a time zone (the browser's when none is given) shows a time on a YYYY-MM-DD date. */
export function instantAt(isoDate: string, hour: number, minute: number, timeZone?: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number);
  const wall = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, hour, minute);
  // Twice, so a guess that lands on the other side of a clock change is corrected.
  const first = wall - offsetAt(new Date(wall), timeZone);
  return new Date(wall - offsetAt(new Date(first), timeZone));
}

/** A YYYY-MM-DD date moved by a number of days. */
export const addDays = addCalendarDays;
