import { useSyncExternalStore } from 'react';

/**
 * How the app looks on this device: light, dark or the system's choice, and larger text. Kept in localStorage with a
 * version and read back defensively (like the reminder settings), applied to `<html>` as `data-theme` and
 * `data-text`, which the CSS custom properties in styles.css follow. Applied from the main bundle before the app
 * first renders (`start.ts`): the CSP forbids inline scripts.
 */

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
export type Scheme = Exclude<Theme, 'system'>;

export interface Appearance {
  theme: Theme;
  largerText: boolean;
}

export const APPEARANCE_VERSION = 1;
export const APPEARANCE_KEY = 'unclench.appearance';
export const DEFAULT_APPEARANCE: Appearance = { theme: 'system', largerText: false };

/**
 * Reads stored settings. Version 1 is `{ v: 1, theme, largerText }`; each field falls back alone. Anything else, or
 * a version from a newer build, gives the defaults. A future version 2 adds its reader here and keeps reading 1.
 */
export function restoreAppearance(raw: unknown): Appearance {
  if (typeof raw !== 'object' || raw === null) return DEFAULT_APPEARANCE;
  const r = raw as Record<string, unknown>;
  if (r.v !== APPEARANCE_VERSION) return DEFAULT_APPEARANCE;
  const theme = THEMES.find((t) => t === r.theme) ?? DEFAULT_APPEARANCE.theme;
  return { theme, largerText: typeof r.largerText === 'boolean' ? r.largerText : DEFAULT_APPEARANCE.largerText };
}

export function storedAppearance(a: Appearance): string {
  return JSON.stringify({ v: APPEARANCE_VERSION, theme: a.theme, largerText: a.largerText });
}

export function readAppearance(): Appearance {
  try {
    const text = localStorage.getItem(APPEARANCE_KEY);
    return text ? restoreAppearance(JSON.parse(text)) : DEFAULT_APPEARANCE;
  } catch {
    return DEFAULT_APPEARANCE;
  }
}

/** Sets the attributes the CSS follows, and the browser's bar colour to the page's background. */
export function applyAppearance(a: Appearance, root: HTMLElement = document.documentElement): void {
  if (a.theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = a.theme;
  if (a.largerText) root.dataset.text = 'larger';
  else delete root.dataset.text;
  const bg = getComputedStyle(root).getPropertyValue('--bg').trim();
  for (const meta of Array.from(document.querySelectorAll<HTMLMetaElement>('meta[name="theme-color"]'))) {
    meta.dataset.system ??= meta.content;
    meta.content = a.theme === 'system' || !bg ? meta.dataset.system : bg;
  }
}

let current: Appearance | null = null;
const listeners = new Set<() => void>();

function get(): Appearance {
  current ??= readAppearance();
  return current;
}

/** Keeps the choice on this device and shows it at once, on every screen. */
export function saveAppearance(a: Appearance): void {
  current = a;
  try {
    localStorage.setItem(APPEARANCE_KEY, storedAppearance(a));
  } catch {
    // Storage full or refused: the choice still holds for this visit.
  }
  applyAppearance(a);
  for (const l of listeners) l();
}

function subscribeAppearance(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useAppearance(): Appearance {
  return useSyncExternalStore(subscribeAppearance, get, () => DEFAULT_APPEARANCE);
}

const DARK = '(prefers-color-scheme: dark)';

/** The scheme in force: the one chosen in Settings, or the system's. */
export function schemeInForce(): Scheme {
  const chosen = document.documentElement.dataset.theme;
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return window.matchMedia(DARK).matches ? 'dark' : 'light';
}

function subscribeScheme(listener: () => void) {
  const mq = window.matchMedia(DARK);
  mq.addEventListener('change', listener);
  const unsubscribe = subscribeAppearance(listener);
  return () => {
    mq.removeEventListener('change', listener);
    unsubscribe();
  };
}

/** The colour scheme in force, followed live: drawings that cannot use CSS colours (canvas, SVG fills) redraw. */
export function useColorScheme(): Scheme {
  return useSyncExternalStore(subscribeScheme, schemeInForce, () => 'light');
}
