import { zoneOffsetTable, type ZoneOffsetTable } from '../../core/time';

const DAY_MS = 86_400_000;
/** Long enough back for an episode's records and forward for its reminders; past either end the browser asks Intl. */
const DAYS_BEFORE = 3 * 366;
const DAYS_AFTER = 366;
/** A few hundred zones at most are in use; past that the cache simply starts again. */
const MAX_ZONES = 600;

const tables = new Map<string, { utcDay: number; table: ZoneOffsetTable }>();

/**
 * A zone's offsets around now, sent with the session so the browser can work out local days and times without
 * building an Intl formatter while the first screen renders. Worked out once per zone and UTC day (~1,500 Intl calls).
 */
export function zoneTableAround(timeZone: string, now: Date): ZoneOffsetTable {
  const utcDay = Math.floor(now.getTime() / DAY_MS);
  const kept = tables.get(timeZone);
  if (kept?.utcDay === utcDay) return kept.table;
  const table = zoneOffsetTable(timeZone, (utcDay - DAYS_BEFORE) * DAY_MS, (utcDay + DAYS_AFTER) * DAY_MS);
  if (tables.size >= MAX_ZONES) tables.clear();
  tables.set(timeZone, { utcDay, table });
  return table;
}
