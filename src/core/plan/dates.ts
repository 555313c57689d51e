/**
 * Calendar days for the engine. An instant (ISO-8601 with a zone) becomes a local calendar day in the
 * person's IANA time zone; days are 'YYYY-MM-DD' strings with plain day arithmetic. Nothing here reads
 * the clock: every result depends only on the arguments.
 */

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** An instant must say which zone it is in, so that parsing never depends on the machine's zone. */
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      calendar: 'gregory',
      numberingSystem: 'latn',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Milliseconds since the epoch of an ISO-8601 instant that carries a zone (`Z` or an offset). */
export function instantMs(instant: string): number {
  const ms = INSTANT_RE.test(instant) ? Date.parse(instant) : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO-8601 instant with a zone: ${instant}`);
  return ms;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The date of a day number (H. Hinnant's civil_from_days). */
function civilFromDays(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function parseDate(value: string): number | null {
  const m = DATE_RE.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return daysFromCivil(year, month, day);
}

export function isIsoDate(value: string): boolean {
  return parseDate(value) !== null;
}

/** The local calendar day (YYYY-MM-DD) on which `instant` falls in `timeZone`. */
export function localDate(instant: string, timeZone: string): string {
  const parts = formatterFor(timeZone).formatToParts(instantMs(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

/** A day given either as YYYY-MM-DD or as an instant, as a local calendar day. */
export function toLocalDate(dateOrInstant: string, timeZone: string): string {
  return isIsoDate(dateOrInstant) ? dateOrInstant : localDate(dateOrInstant, timeZone);
}

/** Days since 1970-01-01 (a stable day number, used for rotation). */
export function dayNumber(date: string): number {
  const n = parseDate(date);
  if (n === null) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  return n;
}

export function addDays(date: string, days: number): string {
  return civilFromDays(dayNumber(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** Every day from `from` to `to`, both included (empty when `to` is earlier). */
export function dayRange(from: string, to: string): string[] {
  const out: string[] = [];
  const start = dayNumber(from);
  const end = dayNumber(to);
  for (let d = start; d <= end; d++) out.push(civilFromDays(d));
  return out;
}

export const HOUR_MS = 3_600_000;
