import { useEffect, useState } from 'react';

/**
 * Resolves in a task of its own. Long work split at these points leaves the main thread free in between, so a slow
 * phone paints and answers a tap between the parts instead of after all of them.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => window.setTimeout(resolve, 0));
}

/**
 * How many of a long screen's parts to show: 0 at the first render, then one more per task up to `parts`, so the
 * parts below the first screenful are drawn one at a time after the first paint.
 */
export function usePartsShown(parts: number): number {
  const [shown, setShown] = useState(0);
  useEffect(() => {
    if (shown >= parts) return;
    const timer = window.setTimeout(() => setShown((n) => n + 1), 0);
    return () => window.clearTimeout(timer);
  }, [shown, parts]);
  return shown;
}
