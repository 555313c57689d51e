/**
 * The walk timer: start, pause, resume, stop. Pure: times come in as epoch milliseconds, so a reload (the state
 * is kept on the device) or a fake clock gives the same answer.
 */

export type WalkTimer =
  | { state: 'idle' }
  | { state: 'walking'; startedAtMs: number; runningSinceMs: number; doneMs: number }
  | { state: 'paused'; startedAtMs: number; doneMs: number };

/** The API takes up to 600 minutes for one movement. */
export const MAX_WALK_MS = 600 * 60_000;
/** Shorter than this is not logged (a tap by mistake). */
export const MIN_LOGGED_MS = 6_000;

export const IDLE: WalkTimer = { state: 'idle' };

export function startWalk(timer: WalkTimer, nowMs: number): WalkTimer {
  if (timer.state !== 'idle') return timer;
  return { state: 'walking', startedAtMs: nowMs, runningSinceMs: nowMs, doneMs: 0 };
}

export function elapsedMs(timer: WalkTimer, nowMs: number): number {
  if (timer.state === 'idle') return 0;
  const running = timer.state === 'walking' ? Math.max(0, nowMs - timer.runningSinceMs) : 0;
  return Math.min(MAX_WALK_MS, timer.doneMs + running);
}

export function pauseWalk(timer: WalkTimer, nowMs: number): WalkTimer {
  if (timer.state !== 'walking') return timer;
  return { state: 'paused', startedAtMs: timer.startedAtMs, doneMs: elapsedMs(timer, nowMs) };
}

export function resumeWalk(timer: WalkTimer, nowMs: number): WalkTimer {
  if (timer.state !== 'paused') return timer;
  return { state: 'walking', startedAtMs: timer.startedAtMs, runningSinceMs: nowMs, doneMs: timer.doneMs };
}

/** Whole seconds, as logged (the API takes minutes and keeps them to the second). */
export function walkSeconds(ms: number): number {
  return Math.round(Math.min(ms, MAX_WALK_MS) / 1_000);
}

/** Ends the walk and says what to log (nothing for a walk too short to count). */
export function stopWalk(timer: WalkTimer, nowMs: number): { timer: WalkTimer; logged: { startedAtMs: number; seconds: number } | null } {
  if (timer.state === 'idle') return { timer, logged: null };
  const ms = elapsedMs(timer, nowMs);
  return { timer: IDLE, logged: ms >= MIN_LOGGED_MS ? { startedAtMs: timer.startedAtMs, seconds: walkSeconds(ms) } : null };
}

const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** Reads a kept timer defensively: anything that does not make sense is an idle timer. */
export function restoreWalk(raw: unknown): WalkTimer {
  if (typeof raw !== 'object' || raw === null) return IDLE;
  const r = raw as Record<string, unknown>;
  if (!isTime(r.startedAtMs) || !isTime(r.doneMs) || r.doneMs > MAX_WALK_MS) return IDLE;
  if (r.state === 'walking' && isTime(r.runningSinceMs) && r.runningSinceMs >= r.startedAtMs) return { state: 'walking', startedAtMs: r.startedAtMs, runningSinceMs: r.runningSinceMs, doneMs: r.doneMs };
  if (r.state === 'paused') return { state: 'paused', startedAtMs: r.startedAtMs, doneMs: r.doneMs };
  return IDLE;
}

/** m:ss, or h:mm:ss past an hour. */
export function formatElapsed(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
