/** Calendar helpers. Pure: the instant and the time zone are always passed in. */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The person's calendar date (YYYY-MM-DD) at an instant, in their time zone. */
export function localDateOf(instant: Date | string, timeZone: string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  const parts = formatterFor(timeZone).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes the zone is ahead of UTC at an instant (e.g. +60 for Madrid in winter). */
export function zoneOffsetMinutes(instantMs: number, timeZone: string): number {
  let f = offsetFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    offsetFormatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(instantMs)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return Math.round((asUtc - Math.floor(instantMs / 1000) * 1000) / 60_000);
}

/**
 * The instant at which a wall-clock time (YYYY-MM-DD, HH:MM) happens in a zone. A time skipped by a
 * daylight-saving jump resolves to the same wall time shifted by the jump (02:30 → 03:30), and a repeated
 * time to its first occurrence.
 */
export function zonedTimeToInstantMs(date: string, hhmm: string, timeZone: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  const wall = Date.parse(`${date}T00:00:00Z`) + ((h ?? 0) * 60 + (m ?? 0)) * 60_000;
  // A day either side of any change, the zone's two possible offsets are in force.
  const offsetBefore = zoneOffsetMinutes(wall - 86_400_000, timeZone);
  const offsetAfter = zoneOffsetMinutes(wall + 86_400_000, timeZone);
  const candidates = [wall - offsetBefore * 60_000, wall - offsetAfter * 60_000];
  const real = candidates.filter((c) => localTimeOf(c, timeZone) === hhmm && localDateOf(new Date(c), timeZone) === date);
  return real.length > 0 ? Math.min(...real) : wall - offsetBefore * 60_000;
}

/** Local wall-clock time HH:MM at an instant. */
export function localTimeOf(instantMs: number, timeZone: string): string {
  const local = new Date(instantMs + zoneOffsetMinutes(instantMs, timeZone) * 60_000);
  return local.toISOString().slice(11, 16);
}
