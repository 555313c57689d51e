import { isDue, type SitTimer } from '../../core/reminders/sitTimer';

/** The sit timer as kept on this device, with what the reminder needs once the Move screen is closed. Pure. */

export interface SitState {
  timer: SitTimer;
  /** The episode the stand-up break is logged to. */
  episodeId: string | null;
  /** Minutes between reminders for this sitting (today's plan, or the person's own setting). */
  intervalMinutes: number;
  /** The due time a system notification was already shown for, so it is shown once. */
  notifiedDueMs: number | null;
  /** The person's time zone, for quiet hours when a reminder is snoozed from any screen. */
  timeZone: string;
}

export const SIT_VERSION = 1;
export const IDLE_SIT: SitState = { timer: { state: 'idle' }, episodeId: null, intervalMinutes: 30, notifiedDueMs: null, timeZone: 'UTC' };

const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

export function restoreSit(raw: unknown): SitState {
  if (typeof raw !== 'object' || raw === null) return IDLE_SIT;
  const r = raw as Record<string, unknown>;
  if (r.v !== SIT_VERSION) return IDLE_SIT;
  const t = (typeof r.timer === 'object' && r.timer !== null ? r.timer : {}) as Record<string, unknown>;
  const interval = isTime(r.intervalMinutes) && r.intervalMinutes >= 1 && r.intervalMinutes <= 240 ? r.intervalMinutes : IDLE_SIT.intervalMinutes;
  const episodeId = typeof r.episodeId === 'string' ? r.episodeId : null;
  const timeZone = typeof r.timeZone === 'string' && r.timeZone.length <= 64 ? r.timeZone : IDLE_SIT.timeZone;
  if (t.state !== 'sitting' || !isTime(t.sittingSinceMs) || !isTime(t.dueMs) || t.dueMs < t.sittingSinceMs || !episodeId) return { ...IDLE_SIT, intervalMinutes: interval };
  return {
    timer: { state: 'sitting', sittingSinceMs: t.sittingSinceMs, dueMs: t.dueMs, snoozed: t.snoozed === true },
    episodeId,
    intervalMinutes: interval,
    notifiedDueMs: isTime(r.notifiedDueMs) ? r.notifiedDueMs : null,
    timeZone,
  };
}

export function storedSit(s: SitState): string {
  return JSON.stringify({ v: SIT_VERSION, ...s });
}

export type SitPhase = 'idle' | 'sitting' | 'due';

export function sitPhase(s: SitState, nowMs: number): SitPhase {
  if (s.timer.state !== 'sitting') return 'idle';
  return isDue(s.timer, nowMs) ? 'due' : 'sitting';
}

/** Whether a system notification should be shown now: due, and not yet shown for this due time. */
export function shouldNotify(s: SitState, nowMs: number): boolean {
  return s.timer.state === 'sitting' && sitPhase(s, nowMs) === 'due' && s.notifiedDueMs !== s.timer.dueMs;
}
