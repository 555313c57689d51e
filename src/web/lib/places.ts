/**
 * The app's places as the navigation shows them: five tabs (a bottom bar on a phone, one header row on a wide
 * screen) and, behind "More", the rest. Every screen belongs to exactly one tab, so the bar always says where you are.
 */

export type TabId = 'today' | 'check-in' | 'move' | 'progress' | 'more';

export interface Tab {
  id: TabId;
  to: string;
  label: string;
}

export const TABS: readonly Tab[] = [
  { id: 'today', to: '/today', label: 'Today' },
  { id: 'check-in', to: '/check-in', label: 'Check in' },
  { id: 'move', to: '/move', label: 'Move' },
  { id: 'progress', to: '/progress', label: 'Progress' },
  { id: 'more', to: '/more', label: 'More' },
];

export interface MorePlace {
  to: string;
  label: string;
  hint: string;
}

/** What "More" lists, in the order a person is likely to want them. */
export const MORE_PLACES: readonly MorePlace[] = [
  { to: '/library', label: 'Library', hint: 'Every movement, step by step, with pictures.' },
  { to: '/history', label: 'History', hint: 'The sessions you have done, and how they felt.' },
  { to: '/goals', label: 'Everyday activities', hint: 'The things you want to do again, rated 0 to 10.' },
  { to: '/settings', label: 'Settings', hint: 'Exercise style, session length, reminders, light or dark.' },
  { to: '/account', label: 'Account', hint: 'Keep access from any device, or sign out.' },
];

/** Paths that belong to a tab other than their own address (a prefix ends with "/"). */
const BELONGS: Record<TabId, readonly string[]> = {
  today: ['/today', '/outcome', '/session', '/session/'],
  'check-in': ['/check-in', '/re-check'],
  move: ['/move'],
  progress: ['/progress', '/goals'],
  more: ['/more', '/library', '/library/', '/history', '/settings', '/account'],
};

/** The tab a path belongs to, or null (a page that is not found, the first-run screens). */
export function tabFor(path: string): TabId | null {
  for (const tab of TABS) {
    if (BELONGS[tab.id].some((p) => (p.endsWith('/') ? path.startsWith(p) && path.length > p.length : path === p))) return tab.id;
  }
  return null;
}
