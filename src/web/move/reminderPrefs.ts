import type { QuietHours } from '../../core/reminders/sitTimer';

/**
 * The person's reminder settings on this device: their own sitting interval (or the plan's) and quiet hours.
 * Kept in localStorage with a version, and read back defensively, so an old or damaged value never breaks a screen.
 */

export interface ReminderPrefs {
  /** Minutes between reminders; null follows today's plan (shorter early on). */
  intervalOverrideMinutes: number | null;
  quietHours: QuietHours | null;
}

export const PREFS_VERSION = 1;
export const INTERVAL_CHOICES = [15, 20, 30, 45, 60] as const;
export const DEFAULT_QUIET_HOURS: QuietHours = { start: '22:00', end: '07:00' };
export const DEFAULT_PREFS: ReminderPrefs = { intervalOverrideMinutes: null, quietHours: null };

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

function restoreQuiet(raw: unknown): QuietHours | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { start, end } = raw as Record<string, unknown>;
  return typeof start === 'string' && typeof end === 'string' && HHMM.test(start) && HHMM.test(end) && start !== end ? { start, end } : null;
}

function restoreInterval(raw: unknown): number | null {
  return typeof raw === 'number' && (INTERVAL_CHOICES as readonly number[]).includes(raw) ? raw : null;
}

/**
 * Reads stored settings. Version 1 is `{ v: 1, intervalOverrideMinutes, quietHours }`; each field is checked on its
 * own, so one bad field falls back alone. Anything else, or a version from a newer build, gives the defaults.
 * A future version 2 adds its reader here and keeps reading version 1.
 */
export function restorePrefs(raw: unknown): ReminderPrefs {
  if (typeof raw !== 'object' || raw === null) return DEFAULT_PREFS;
  const r = raw as Record<string, unknown>;
  if (r.v !== PREFS_VERSION) return DEFAULT_PREFS;
  return { intervalOverrideMinutes: restoreInterval(r.intervalOverrideMinutes), quietHours: restoreQuiet(r.quietHours) };
}

export function storedPrefs(prefs: ReminderPrefs): string {
  return JSON.stringify({ v: PREFS_VERSION, intervalOverrideMinutes: prefs.intervalOverrideMinutes, quietHours: prefs.quietHours });
}

export function validTime(hhmm: string): boolean {
  return HHMM.test(hhmm);
}
