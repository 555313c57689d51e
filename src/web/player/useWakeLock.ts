import { useEffect } from 'react';

/** Minimal shape of the Screen Wake Lock API, which not every browser has. */
interface WakeLockSentinelLike {
  released: boolean;
  release(): Promise<void>;
}
interface WakeLockLike {
  request(type: 'screen'): Promise<WakeLockSentinelLike>;
}

function wakeLockApi(): WakeLockLike | null {
  const nav = navigator as Navigator & { wakeLock?: WakeLockLike };
  return nav.wakeLock && typeof nav.wakeLock.request === 'function' ? nav.wakeLock : null;
}

/**
 * Keeps the screen awake while `active` (a session is running), where the browser allows it; released on pause,
 * at the end and when leaving. The browser drops the lock when the tab is hidden, so it is asked for again on return.
 */
export function useWakeLock(active: boolean): void {
  useEffect(() => {
    const api = wakeLockApi();
    if (!active || !api) return;
    let sentinel: WakeLockSentinelLike | null = null;
    let stopped = false;
    const acquire = () => {
      if (document.visibilityState !== 'visible' || (sentinel && !sentinel.released)) return;
      api.request('screen').then(
        (s) => {
          if (stopped) void s.release().catch(() => undefined);
          else sentinel = s;
        },
        () => undefined, // Not allowed here (battery saver, no permission): the session works without it.
      );
    };
    acquire();
    document.addEventListener('visibilitychange', acquire);
    return () => {
      stopped = true;
      document.removeEventListener('visibilitychange', acquire);
      if (sentinel && !sentinel.released) void sentinel.release().catch(() => undefined);
    };
  }, [active]);
}
