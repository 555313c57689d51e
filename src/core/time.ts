/**
 * The calendar, once for the whole app (server, engine and browser): the local day of an instant in an IANA time
 * zone, day numbers, adding days and days between. Days are 'YYYY-MM-DD' strings with plain day arithmetic, worked
 * out by hand (fast in loops); Intl is asked only for a zone's offset, once per zone and UTC day, and kept.
 * Nothing here reads the clock: every result depends only on the arguments.
 */

/** An instant must say which zone it is in, so that parsing never depends on the machine's zone. */
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

const DAY_MS = 86_400_000;

/** What the `date` formatter's format() gives: MM/DD/YYYY. */
const US_DATE_RE = /^(\d{2})\/(\d{2})\/(\d+)$/;

/**
 * A time zone's two formatters, each built on first use: building one costs far more than formatting with it, and
 * most zones only ever need the wall clock (the date formatter is for days before the Gregorian calendar's start).
 */
class ZoneFormatters {
  private dateFormat: Intl.DateTimeFormat | undefined;
  private wallClockFormat: Intl.DateTimeFormat | undefined;
  constructor(private readonly timeZone: string) {}

  get date(): Intl.DateTimeFormat {
    this.dateFormat ??= new Intl.DateTimeFormat('en-US', { ...this.options(), year: 'numeric', month: '2-digit', day: '2-digit' });
    return this.dateFormat;
  }

  get wallClock(): Intl.DateTimeFormat {
    this.wallClockFormat ??= new Intl.DateTimeFormat('en-US', { ...this.options(), hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    return this.wallClockFormat;
  }

  private options() {
    return { timeZone: this.timeZone, calendar: 'gregory', numberingSystem: 'latn' } as const;
  }
}

const formatters = new Map<string, ZoneFormatters>();

function formattersFor(timeZone: string): ZoneFormatters {
  let zone = formatters.get(timeZone);
  if (!zone) {
    zone = new ZoneFormatters(timeZone);
    formatters.set(timeZone, zone);
  }
  return zone;
}

/** Milliseconds since the epoch of an ISO-8601 instant that carries a zone (`Z` or an offset). */
export function instantMs(instant: string): number {
  const utc = canonicalUtcMs(instant);
  if (!Number.isNaN(utc)) return utc;
  const ms = INSTANT_RE.test(instant) ? Date.parse(instant) : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO-8601 instant with a zone: ${instant}`);
  return ms;
}

/**
 * The instant of a valid YYYY-MM-DDTHH:mm:ss.sssZ string (as `toISOString` writes it, so most records),
 * read by hand because Date.parse is slow; NaN for anything else, which goes through Date.parse.
 */
function canonicalUtcMs(instant: string): number {
  const separators = instant.length === 24 && instant[10] === 'T' && instant[13] === ':' && instant[16] === ':' && instant[19] === '.';
  if (!separators || instant[23] !== 'Z') return Number.NaN;
  const day = parseDate(instant.slice(0, 10));
  const hours = digitsAt(instant, 11, 13);
  const minutes = digitsAt(instant, 14, 16);
  const seconds = digitsAt(instant, 17, 19);
  const millis = digitsAt(instant, 20, 23);
  if (day === null || !(hours < 24 && minutes < 60 && seconds < 60 && millis >= 0)) return Number.NaN;
  return day * DAY_MS + ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
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

/** The year, month and day of a day number (H. Hinnant's civil_from_days). */
function civil(days: number): { year: number; month: number; day: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/** The date (YYYY-MM-DD) of a day number. */
export function dateOfDay(days: number): string {
  const { year, month, day } = civil(days);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const THIRTY_DAY_MONTHS: ReadonlySet<number> = new Set([4, 6, 9, 11]);

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return THIRTY_DAY_MONTHS.has(month) ? 30 : 31;
}

/** The number written in value[start, end), or NaN unless every character is an ASCII digit. */
function digitsAt(value: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const digit = value.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return Number.NaN;
    n = n * 10 + digit;
  }
  return n;
}

/** The day number of a YYYY-MM-DD date, or null. Parsed by hand: the engine does this thousands of times a plan. */
function parseDate(value: string): number | null {
  if (value.length !== 10 || value[4] !== '-' || value[7] !== '-') return null;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 7);
  const day = digitsAt(value, 8, 10);
  if (Number.isNaN(year + month + day)) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return daysFromCivil(year, month, day);
}

export function isIsoDate(value: string): boolean {
  return parseDate(value) !== null;
}

/** The local calendar day (YYYY-MM-DD) on which `instant` falls in `timeZone`. */
export function localDate(instant: string, timeZone: string): string {
  return dateOfDay(localDayAt(instantMs(instant), timeZone));
}

/** From this instant on, ICU's 'gregory' calendar is the proleptic Gregorian one (before, it may be Julian). */
const GREGORIAN_FROM_MS = Date.UTC(1600, 0, 1);

/** The local day's number (see `dayNumber`) at `ms` since the epoch in `timeZone`. */
export function localDayAt(ms: number, timeZone: string): number {
  if (ms < GREGORIAN_FROM_MS) return dayNumber(formattedDate(formattersFor(timeZone), ms));
  return Math.floor((ms + zoneOffsetMsAt(ms, timeZone)) / DAY_MS);
}

/**
 * Each zone's offset from UTC per UTC day, found with Intl once and then kept: a loop over a thousand records asks
 * Intl at most twice per distinct UTC day, and again never. A day whose offset is the same at its first and last
 * millisecond has that offset throughout (no zone changes its clock and back within one day); a day with a change
 * (two a year, at most) is stored as NaN and each instant on it is asked of Intl.
 */
const offsetsByZone = new Map<string, Map<number, number>>();
/** Enough for every day of several years in each of a few zones; past it a zone's days are simply found again. */
const MAX_CACHED_DAYS = 20_000;

function zoneOffsetMsAt(ms: number, timeZone: string): number {
  const table = tablesByZone.get(timeZone);
  if (table && ms >= table.from && ms < table.to) return offsetInTable(table, ms);
  let days = offsetsByZone.get(timeZone);
  if (!days) {
    days = new Map();
    offsetsByZone.set(timeZone, days);
  }
  const utcDay = Math.floor(ms / DAY_MS);
  let offset = days.get(utcDay);
  if (offset === undefined) {
    const zone = formattersFor(timeZone);
    const atStart = measuredOffsetMs(zone, utcDay * DAY_MS);
    offset = atStart === measuredOffsetMs(zone, (utcDay + 1) * DAY_MS - 1) ? atStart : Number.NaN;
    if (days.size >= MAX_CACHED_DAYS) days.clear();
    days.set(utcDay, offset);
  }
  return Number.isNaN(offset) ? measuredOffsetMs(formattersFor(timeZone), ms) : offset;
}

/**
 * A zone's offsets over a span of time, worked out where Intl is cheap (the server) and handed to where its first use
 * is not (a phone opening the app: building the first Intl formatter costs ~100 ms of a slow phone's main thread).
 * `changes` lists, in order, each instant from which an offset holds: the first at `from`, then one per clock change.
 */
export interface ZoneOffsetTable {
  timeZone: string;
  from: number;
  to: number;
  changes: [atMs: number, offsetMs: number][];
}

const tablesByZone = new Map<string, ZoneOffsetTable>();

function offsetInTable(table: ZoneOffsetTable, ms: number): number {
  const { changes } = table;
  let lo = 0;
  let hi = changes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((changes[mid]?.[0] ?? Infinity) <= ms) lo = mid;
    else hi = mid - 1;
  }
  return changes[lo]?.[1] ?? 0;
}

/** The zone's offsets from `fromMs` to `toMs`, each clock change found to the millisecond (from Intl). */
export function zoneOffsetTable(timeZone: string, fromMs: number, toMs: number): ZoneOffsetTable {
  const zone = formattersFor(timeZone);
  const from = Math.floor(fromMs / DAY_MS) * DAY_MS;
  const to = Math.max(from + DAY_MS, Math.ceil(toMs / DAY_MS) * DAY_MS);
  let offset = measuredOffsetMs(zone, from);
  const changes: [number, number][] = [[from, offset]];
  for (let day = from; day < to; day += DAY_MS) {
    const atEnd = measuredOffsetMs(zone, day + DAY_MS - 1);
    if (atEnd === offset) continue;
    // The first millisecond of the day already on the new offset (no zone changes its clock twice in a day).
    let lo = day;
    let hi = day + DAY_MS - 1;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (measuredOffsetMs(zone, mid) === atEnd) hi = mid;
      else lo = mid + 1;
    }
    changes.push([lo, atEnd]);
    offset = atEnd;
  }
  return { timeZone, from, to, changes };
}

/** Use a zone's table for instants it covers (instead of Intl); a table for a zone replaces the one before. */
export function adoptZoneOffsetTable(table: ZoneOffsetTable): void {
  if (!isZoneOffsetTable(table)) return;
  tablesByZone.set(table.timeZone, table);
}

function isZoneOffsetTable(value: unknown): value is ZoneOffsetTable {
  const t = value as ZoneOffsetTable;
  return (
    typeof t === 'object' &&
    t !== null &&
    typeof t.timeZone === 'string' &&
    Number.isFinite(t.from) &&
    Number.isFinite(t.to) &&
    t.from < t.to &&
    Array.isArray(t.changes) &&
    t.changes.length > 0 &&
    t.changes[0]?.[0] === t.from &&
    t.changes.every((c, i) => Array.isArray(c) && Number.isFinite(c[0]) && Number.isFinite(c[1]) && (i === 0 || c[0] > (t.changes[i - 1]?.[0] ?? Infinity)))
  );
}

/** How far the zone's wall clock is ahead of UTC at `ms`, to the second, from Intl (the slow path). */
function measuredOffsetMs(zone: ZoneFormatters, ms: number): number {
  const parts = zone.wallClock.formatToParts(ms);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wall - Math.floor(ms / 1000) * 1000;
}

function formattedDate(zone: ZoneFormatters, ms: number): string {
  const m = US_DATE_RE.exec(zone.date.format(ms));
  if (m) return `${(m[3] ?? '').padStart(4, '0')}-${m[1] ?? ''}-${m[2] ?? ''}`;
  const parts = zone.date.formatToParts(ms);
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
  return dateOfDay(dayNumber(date) + days);
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
  for (let d = start; d <= end; d++) out.push(dateOfDay(d));
  return out;
}

export const HOUR_MS = 3_600_000;

/** A day given as an instant (`Date` or any string `Date` reads) as the person's calendar date (YYYY-MM-DD) in their zone. */
export function localDateOf(instant: Date | string, timeZone: string): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`Not an instant: ${String(instant)}`);
  return dateOfDay(localDayAt(ms, timeZone));
}

/** Minutes the zone is ahead of UTC at an instant (e.g. +60 for Madrid in winter). */
export function zoneOffsetMinutes(instantMs: number, timeZone: string): number {
  return Math.round(zoneOffsetMsAt(instantMs, timeZone) / 60_000);
}

/**
 * The instant at which a wall-clock time (YYYY-MM-DD, HH:MM) happens in a zone. A time skipped by a
 * daylight-saving jump resolves to the same wall time shifted by the jump (02:30 → 03:30), and a repeated
 * time to its first occurrence.
 */
export function zonedTimeToInstantMs(date: string, hhmm: string, timeZone: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  const wall = dayNumber(date) * DAY_MS + ((h ?? 0) * 60 + (m ?? 0)) * 60_000;
  // A day either side of any change, the zone's two possible offsets are in force.
  const offsetBefore = zoneOffsetMinutes(wall - DAY_MS, timeZone);
  const offsetAfter = zoneOffsetMinutes(wall + DAY_MS, timeZone);
  const candidates = [wall - offsetBefore * 60_000, wall - offsetAfter * 60_000];
  const real = candidates.filter((c) => localTimeOf(c, timeZone) === hhmm && dateOfDay(localDayAt(c, timeZone)) === date);
  return real.length > 0 ? Math.min(...real) : wall - offsetBefore * 60_000;
}

/** Local wall-clock time HH:MM at an instant. */
export function localTimeOf(instantMs: number, timeZone: string): string {
  const local = new Date(instantMs + zoneOffsetMinutes(instantMs, timeZone) * 60_000);
  return local.toISOString().slice(11, 16);
}
