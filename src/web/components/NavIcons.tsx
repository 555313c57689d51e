import type { ReactNode } from 'react';
import type { TabId } from '../lib/places';

/** The tab bar's icons: simple strokes in the text colour (24-unit box), drawn for Unclench. */
const PATHS: Record<TabId, ReactNode> = {
  // A sun: today.
  today: (
    <>
      <circle cx="12" cy="12" r="4" />
      <path d="M12 2.5v2.5M12 19v2.5M2.5 12H5M19 12h2.5M5.3 5.3l1.8 1.8M16.9 16.9l1.8 1.8M5.3 18.7l1.8-1.8M16.9 7.1l1.8-1.8" />
    </>
  ),
  // A tick in a circle: check in.
  'check-in': (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M8 12.3l2.7 2.7L16.2 9.3" />
    </>
  ),
  // A person walking.
  move: (
    <>
      <circle cx="13.5" cy="4.2" r="2" />
      <path d="M12.6 8.2l-1.6 6.3-3 6M11 14.5l3.4 2.6.8 4M12.6 8.2L9 10.6l-1 3M12.6 8.2l2.2 3.2 3 1" />
    </>
  ),
  // A line that rises, gently.
  progress: (
    <>
      <path d="M3.5 19.5h17" />
      <path d="M4.5 15.5l4.5-4 3.5 2.5 6.5-6.5M15 7.5h4v4" />
    </>
  ),
  // Three dots: more places.
  more: (
    <>
      <circle cx="5.5" cy="12" r="1.3" />
      <circle cx="12" cy="12" r="1.3" />
      <circle cx="18.5" cy="12" r="1.3" />
    </>
  ),
};

export function NavIcon({ tab }: { tab: TabId }) {
  return (
    <svg className={`nav-icon nav-icon-${tab}`} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      {PATHS[tab]}
    </svg>
  );
}

/**
 * Unclench's mark: a calm figure standing easy (a head, a spine in its natural gentle S) between two soft arcs
 * that open outwards, like a held muscle letting go. The same drawing is the favicon (public/favicon.svg) and
 * the app icons (scripts/make-icons.mjs).
 */
export function Logo() {
  return (
    <svg className="logo" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <rect className="logo-tile" width="64" height="64" rx="16" />
      <g className="logo-ink">
        <circle cx="32" cy="16.5" r="5.5" />
        <path d="M32 27C24.5 35 39.5 43 32 52" />
        <path d="M19 22c-6 7-6 19 0 26M45 22c6 7 6 19 0 26" />
      </g>
    </svg>
  );
}
