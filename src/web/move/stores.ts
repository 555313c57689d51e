import { useEffect, useState, useSyncExternalStore } from 'react';
import { snooze, standUp, startSitting, type ReminderSettings } from '../../core/reminders/sitTimer';
import { newId } from '../lib/ids';
import { getSyncState, subscribeSync } from '../offline/sync';
import { saveMovement } from '../offline/writes';
import { DEFAULT_PREFS, restorePrefs, storedPrefs, type ReminderPrefs } from './reminderPrefs';
import { IDLE_SIT, restoreSit, storedSit, type SitState } from './sitState';
import { serverSitDown, serverSnooze, serverStandUp, type ServerSitting } from './serverSitting';
import { IDLE, pauseWalk, restoreWalk, resumeWalk, startWalk, stopWalk, type WalkTimer } from './walkTimer';

/**
 * The Move screen's state kept on this device, one set per signed-in person: the sit timer (so the reminder
 * follows the person to any screen and survives a reload), the walk timer, and the reminder settings.
 */

interface Kept<T> {
  get(): T;
  set(value: T): void;
  subscribe(listener: () => void): () => void;
}

function kept<T>(name: string, restore: (raw: unknown) => T, store: (value: T) => string, fallback: T): Kept<T> {
  const listeners = new Set<() => void>();
  let owner: string | null = null;
  let value = fallback;
  const keyOf = (o: string) => `unclench.${name}.${o}`;
  const load = () => {
    owner = getSyncState().ownerId;
    value = fallback;
    if (!owner) return;
    try {
      const text = localStorage.getItem(keyOf(owner));
      value = text ? restore(JSON.parse(text)) : fallback;
    } catch {
      value = fallback;
    }
  };
  const notify = () => {
    for (const l of listeners) l();
  };
  load();
  subscribeSync(() => {
    if (getSyncState().ownerId !== owner) {
      load();
      notify();
    }
  });
  if (typeof window !== 'undefined')
    window.addEventListener('storage', (e) => {
      if (owner && e.key === keyOf(owner)) {
        load();
        notify();
      }
    });
  return {
    get: () => value,
    set(next) {
      value = next;
      if (owner) {
        try {
          localStorage.setItem(keyOf(owner), store(next));
        } catch {
          // Storage full or refused: the value still holds for this visit.
        }
      }
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export const sitStore = kept<SitState>('sit', restoreSit, storedSit, IDLE_SIT);
export const walkStore = kept<{ timer: WalkTimer; episodeId: string | null }>(
  'walk',
  (raw) => {
    const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    return r.v === 1 && typeof r.episodeId === 'string' ? { timer: restoreWalk(r.timer), episodeId: r.episodeId } : { timer: IDLE, episodeId: null };
  },
  (w) => JSON.stringify({ v: 1, ...w }),
  { timer: IDLE, episodeId: null },
);
export const prefsStore = kept<ReminderPrefs>('reminders', restorePrefs, storedPrefs, DEFAULT_PREFS);
/** Whether this person has started the sit timer here before: only then are reminders outside the app offered. */
export const satOnceStore = kept<boolean>('satOnce', (raw) => raw === true, (v) => JSON.stringify(v), false);

export function useKept<T>(k: Kept<T>): T {
  return useSyncExternalStore(k.subscribe, k.get, k.get);
}

/** The clock, read again every `everyMs` while mounted. */
export function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}

export function reminderSettings(timeZone: string): ReminderSettings {
  const prefs = prefsStore.get();
  return { intervalOverrideMinutes: prefs.intervalOverrideMinutes, quietHours: prefs.quietHours, timeZone };
}

export function startSit(nowMs: number, intervalMinutes: number, episodeId: string, timeZone: string): void {
  sitStore.set({ timer: startSitting(nowMs, intervalMinutes, reminderSettings(timeZone)), episodeId, intervalMinutes, notifiedDueMs: null, timeZone });
  if (!satOnceStore.get()) satOnceStore.set(true);
  void serverSitDown(episodeId, nowMs);
}

export function snoozeSit(nowMs: number): void {
  const s = sitStore.get();
  sitStore.set({ ...s, timer: snooze(s.timer, nowMs, reminderSettings(s.timeZone)) });
  if (s.episodeId && s.timer.state === 'sitting') void serverSnooze(s.episodeId);
}

/** "I'm up": the sitting ends and a stand-up break is logged (through the outbox, so it is never lost). */
export async function standUpNow(nowMs: number): Promise<void> {
  const s = sitStore.get();
  const { timer, logged } = standUp(s.timer, nowMs);
  sitStore.set({ ...s, timer, notifiedDueMs: null });
  if (s.episodeId && s.timer.state === 'sitting') void serverStandUp(s.episodeId);
  if (logged && s.episodeId) {
    await saveMovement(s.episodeId, newId(), { kind: 'stand-break', startedAt: new Date(logged.startedAtMs).toISOString(), minutes: 1 });
  }
}

/** The sit timer here follows a sitting the server answered with (started or snoozed from a reminder). */
function followServer(episodeId: string, sitting: ServerSitting): void {
  const s = sitStore.get();
  const sittingSinceMs = Date.parse(sitting.sittingSince);
  const dueMs = Date.parse(sitting.dueAt);
  if (!Number.isFinite(sittingSinceMs) || !Number.isFinite(dueMs)) return;
  sitStore.set({ ...s, timer: { state: 'sitting', sittingSinceMs, dueMs, snoozed: sitting.snoozed }, episodeId, intervalMinutes: sitting.intervalMinutes, notifiedDueMs: null });
}

/**
 * "I stood up" on a reminder outside the app: one stand-up break (its id is the reminder's, so a second tap on the
 * same reminder stores nothing new) and, as the person sits back down, the next reminder: the server schedules it
 * from its rules and this device's timer follows. Offline, the timer here starts from its own last interval.
 */
export async function stoodUpFromReminder(nowMs: number, reminder: { episodeId: string | null; reminderId: string | null }): Promise<void> {
  const s = sitStore.get();
  const episodeId = reminder.episodeId ?? s.episodeId;
  if (!episodeId) return;
  const breakId = reminder.reminderId ?? newId();
  sitStore.set({ ...s, timer: { state: 'idle' }, notifiedDueMs: null });
  const saved = saveMovement(episodeId, breakId, { kind: 'stand-break', startedAt: new Date(nowMs).toISOString(), minutes: 1 });
  const next = await serverSitDown(episodeId, nowMs);
  if (next) followServer(episodeId, next);
  else sitStore.set({ ...sitStore.get(), timer: startSitting(nowMs, s.intervalMinutes, reminderSettings(s.timeZone)), episodeId });
  await saved;
}

/** "Snooze 10 minutes" on a reminder outside the app: once per sitting, here and on the server. */
export async function snoozedFromReminder(nowMs: number, reminder: { episodeId: string | null }): Promise<void> {
  const s = sitStore.get();
  const episodeId = reminder.episodeId ?? s.episodeId;
  if (s.timer.state === 'sitting') sitStore.set({ ...s, timer: snooze(s.timer, nowMs, reminderSettings(s.timeZone)) });
  if (!episodeId) return;
  const sitting = await serverSnooze(episodeId);
  if (sitting) followServer(episodeId, sitting);
}

export function markNotified(dueMs: number): void {
  sitStore.set({ ...sitStore.get(), notifiedDueMs: dueMs });
}

export function walkAction(action: 'start' | 'pause' | 'resume', nowMs: number, episodeId: string): void {
  const w = walkStore.get();
  const timer = action === 'start' ? startWalk(w.timer, nowMs) : action === 'pause' ? pauseWalk(w.timer, nowMs) : resumeWalk(w.timer, nowMs);
  walkStore.set({ timer, episodeId: action === 'start' ? episodeId : (w.episodeId ?? episodeId) });
}

/** Stops the walk and logs it; answers the seconds logged, or null when it was too short to count. */
export async function stopWalkAndLog(nowMs: number): Promise<number | null> {
  const w = walkStore.get();
  const { timer, logged } = stopWalk(w.timer, nowMs);
  walkStore.set({ timer, episodeId: null });
  if (!logged || !w.episodeId) return null;
  await saveMovement(w.episodeId, newId(), { kind: 'walk', startedAt: new Date(logged.startedAtMs).toISOString(), minutes: logged.seconds / 60 });
  return logged.seconds;
}
