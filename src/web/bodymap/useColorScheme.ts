import { useSyncExternalStore } from 'react';
import type { Scheme } from './palette';

/** The colour scheme in force (the system setting), followed live: drawings that cannot use CSS colours redraw. */
const QUERY = '(prefers-color-scheme: dark)';

function subscribe(listener: () => void) {
  const mq = window.matchMedia(QUERY);
  mq.addEventListener('change', listener);
  return () => mq.removeEventListener('change', listener);
}

const snapshot = (): Scheme => (window.matchMedia(QUERY).matches ? 'dark' : 'light');

export function useColorScheme(): Scheme {
  return useSyncExternalStore(subscribe, snapshot, () => 'light');
}
