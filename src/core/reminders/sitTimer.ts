import { addDays, localDateOf, localTimeOf, zonedTimeToInstantMs } from '../time';

/**
 * The sit timer: "I'm sitting down" starts it; after the interval it asks the person to stand and move.
 * One snooze per sitting; "I'm up" ends it (and is logged as a stand-up break). Quiet hours hold prompts
 * until they end. Pure: times come in as epoch milliseconds.
 */

export interface QuietHours {
  /** Local wall-clock times HH:MM; start after end means the quiet time crosses midnight. */
  start: string;
  end: string;
}

export interface ReminderSettings {
  /** The person's own interval; null follows the plan's stage (shorter early on). */
  intervalOverrideMinutes: number | null;
  quietHours: QuietHours | null;
  timeZone: string;
}

export type SitTimer =
  | { state: 'idle' }
  | { state: 'sitting'; sittingSinceMs: number; dueMs: number; snoozed: boolean };

export const SNOOZE_MINUTES = 10;

export function effectiveInterval(planEveryMinutes: number, settings: ReminderSettings): number {
  return settings.intervalOverrideMinutes ?? planEveryMinutes;
}

/** Whether an instant falls in the quiet hours, in the person's zone. */
export function inQuietHours(ms: number, quiet: QuietHours | null, timeZone: string): boolean {
  if (!quiet || quiet.start === quiet.end) return false;
  const t = localTimeOf(ms, timeZone);
  return quiet.start < quiet.end ? t >= quiet.start && t < quiet.end : t >= quiet.start || t < quiet.end;
}

/** The first moment at or after `ms` outside the quiet hours. */
export function afterQuietHours(ms: number, quiet: QuietHours | null, timeZone: string): number {
  if (!quiet || !inQuietHours(ms, quiet, timeZone)) return ms;
  const today = localDateOf(new Date(ms), timeZone);
  const endToday = zonedTimeToInstantMs(today, quiet.end, timeZone);
  return endToday > ms ? endToday : zonedTimeToInstantMs(addDays(today, 1), quiet.end, timeZone);
}

export function startSitting(nowMs: number, intervalMinutes: number, settings: ReminderSettings): SitTimer {
  return { state: 'sitting', sittingSinceMs: nowMs, dueMs: afterQuietHours(nowMs + intervalMinutes * 60_000, settings.quietHours, settings.timeZone), snoozed: false };
}

/** Whether the prompt to stand should show now. */
export function isDue(timer: SitTimer, nowMs: number): boolean {
  return timer.state === 'sitting' && nowMs >= timer.dueMs;
}

/** One snooze per sitting; a second one is refused (returns the timer unchanged). */
export function snooze(timer: SitTimer, nowMs: number, settings: ReminderSettings): SitTimer {
  if (timer.state !== 'sitting' || timer.snoozed) return timer;
  return { ...timer, dueMs: afterQuietHours(nowMs + SNOOZE_MINUTES * 60_000, settings.quietHours, settings.timeZone), snoozed: true };
}

export interface StandBreak {
  startedAtMs: number;
  sittingMinutes: number;
}

/** "I'm up": ends the sitting, and says what to log. */
export function standUp(timer: SitTimer, nowMs: number): { timer: SitTimer; logged: StandBreak | null } {
  if (timer.state !== 'sitting') return { timer, logged: null };
  return { timer: { state: 'idle' }, logged: { startedAtMs: nowMs, sittingMinutes: Math.round((nowMs - timer.sittingSinceMs) / 60_000) } };
}
