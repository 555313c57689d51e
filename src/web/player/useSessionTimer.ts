import { useCallback, useEffect, useState } from 'react';
import { createTimer, reduce, type SessionEntry, type TimerEvent, type TimerState } from '../../core/session/timer';

/** The clock the player runs on: monotonic, so a change of the wall clock never shortens a hold. */
export const playerClock = (): number => performance.now();

/** A clock reading as an ISO instant (the log is kept in wall-clock time). */
export function instantOf(clockMs: number): string {
  return new Date(Date.now() - playerClock() + clockMs).toISOString();
}

/** How often the screen refreshes the words and numbers (the figure has its own frame loop). */
const TICK_MS = 250;

/**
 * The core timer held in React state. Events are stamped with the clock here, never inside the core.
 * It starts at `startAt` (the tap on Start). While running, a light tick re-renders the timer and records the end when time runs out.
 */
export function useSessionTimer(entries: readonly SessionEntry[], startAt: number) {
  const [state, setState] = useState<TimerState>(() => reduce(createTimer(entries), { type: 'start', at: startAt }));
  const [now, setNow] = useState(startAt);

  const act = useCallback((make: (at: number) => TimerEvent) => {
    const at = playerClock();
    setNow(at);
    setState((s) => reduce(s, make(at)));
  }, []);

  useEffect(() => {
    if (state.status !== 'running') return;
    const id = window.setInterval(() => {
      const at = playerClock();
      setNow(at);
      setState((s) => reduce(s, { type: 'tick', at }));
    }, TICK_MS);
    return () => window.clearInterval(id);
  }, [state.status]);

  return { state, now, act };
}
