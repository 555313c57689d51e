/**
 * Calendar days for the engine. An instant (ISO-8601 with a zone) becomes a local calendar day in the
 * person's IANA time zone; days are 'YYYY-MM-DD' strings with plain day arithmetic. Nothing here reads
 * the clock: every result depends only on the arguments.
 */

const DAY_MS = 86_400_000;
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

export function isIsoDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [, y, mo, d] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d));
  return new Date(ms).toISOString().slice(0, 10) === value;
}

function assertDate(value: string): void {
  if (!isIsoDate(value)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${value}`);
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
  assertDate(date);
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** Every day from `from` to `to`, both included (empty when `to` is earlier). */
export function dayRange(from: string, to: string): string[] {
  const out: string[] = [];
  const n = daysBetween(from, to);
  for (let i = 0; i <= n; i++) out.push(addDays(from, i));
  return out;
}

export const HOUR_MS = 3_600_000;
