import { addDays, localDateOf, zonedTimeToInstantMs } from '../time';
import { afterQuietHours, effectiveInterval, inQuietHours, snooze, startSitting, type QuietHours, type ReminderSettings, type SitTimer } from './sitTimer';

/**
 * When reminders sent from the server are due, and whether one that is due may still go out. The same rules as the
 * sit timer on the device (stage interval or the person's own, one snooze, quiet hours), so a reminder that reaches
 * a closed phone comes at the moment the open app would have shown it. Pure: instants are epoch milliseconds.
 */

export type ReminderKind = 'stand-up' | 'check-in' | 'function-goal' | 'test';

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const MINUTE = 60_000;
export const DAY_MINUTES = 24 * 60;
export const WEEK_MINUTES = 7 * DAY_MINUTES;

/** A stand-up reminder for a sitting that began at `sittingSinceMs`: due after the stage's (or the person's) interval. */
export function standUpReminder(sittingSinceMs: number, planEveryMinutes: number, settings: ReminderSettings): { dueMs: number; intervalMinutes: number } {
  const intervalMinutes = effectiveInterval(planEveryMinutes, settings);
  const timer = startSitting(sittingSinceMs, intervalMinutes, settings) as Extract<SitTimer, { state: 'sitting' }>;
  return { dueMs: timer.dueMs, intervalMinutes };
}

/** The one snooze of a sitting: the new due time, or null when this sitting was snoozed already. */
export function snoozedReminder(sitting: { sittingSinceMs: number; dueMs: number; snoozed: boolean }, nowMs: number, settings: ReminderSettings): number | null {
  if (sitting.snoozed) return null;
  const next = snooze({ state: 'sitting', ...sitting }, nowMs, settings);
  return next.state === 'sitting' ? next.dueMs : null;
}

/** The next daily reminder at local time `hhmm` strictly after `afterMs`, moved out of quiet hours. */
export function nextDaily(afterMs: number, hhmm: string, quiet: QuietHours | null, timeZone: string): number {
  const today = localDateOf(new Date(afterMs), timeZone);
  for (let d = 0; d < 3; d++) {
    const at = zonedTimeToInstantMs(addDays(today, d), hhmm, timeZone);
    if (at > afterMs) return afterQuietHours(at, quiet, timeZone);
  }
  /* c8 ignore next */
  throw new Error('no next day found');
}

/** The next weekly reminder on `weekday` at local time `hhmm` strictly after `afterMs`, moved out of quiet hours. */
export function nextWeekly(afterMs: number, weekday: Weekday, hhmm: string, quiet: QuietHours | null, timeZone: string): number {
  const today = localDateOf(new Date(afterMs), timeZone);
  const want = WEEKDAYS.indexOf(weekday);
  for (let d = 0; d < 8; d++) {
    const date = addDays(today, d);
    if (new Date(`${date}T12:00:00Z`).getUTCDay() !== want) continue;
    const at = zonedTimeToInstantMs(date, hhmm, timeZone);
    if (at > afterMs) return afterQuietHours(at, quiet, timeZone);
  }
  /* c8 ignore next */
  throw new Error('no next week found');
}

export type SendDecision = { kind: 'send' } | { kind: 'drop' } | { kind: 'hold'; untilMs: number };

/**
 * Whether a due reminder goes out now. One late by more than its interval is dropped, never sent stale (a stand-up
 * reminder an hour late helps no one); one that falls in the quiet hours (they may have changed since it was
 * scheduled) waits until they end, or is dropped when that would make it stale.
 */
export function sendDecision(reminder: { dueMs: number; intervalMinutes: number }, nowMs: number, quiet: QuietHours | null, timeZone: string): SendDecision {
  const staleAfter = reminder.dueMs + reminder.intervalMinutes * MINUTE;
  if (nowMs > staleAfter) return { kind: 'drop' };
  if (!inQuietHours(nowMs, quiet, timeZone)) return { kind: 'send' };
  const untilMs = afterQuietHours(nowMs, quiet, timeZone);
  return untilMs > staleAfter ? { kind: 'drop' } : { kind: 'hold', untilMs };
}
