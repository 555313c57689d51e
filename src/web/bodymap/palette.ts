/**
 * The body map's colours: pain 1–10 as a warm scale that deepens (light theme) or brightens (dark theme) with the
 * number, never the alarming red kept for the emergency screen. Colour is never alone: every painful place also
 * carries its number (or, when small, a text list), and spasm a hatched pattern. The number's ink is chosen per
 * step so it keeps AA contrast (4.5 : 1) on its fill — a unit test holds every step to it.
 * Fills are SVG presentation attributes (allowed by the CSP), picked by the colour scheme in force.
 */

export type Scheme = 'light' | 'dark';

export interface MapPalette {
  /** Index 0: no pain (the body's own colour); 1–10: pain. */
  readonly fill: readonly string[];
  /** The number's colour on each fill. */
  readonly ink: readonly string[];
  /** A place marked as hurting before a number is known ("same as your pain now", pain now not chosen yet). */
  readonly marked: string;
  readonly markedInk: string;
  /** The card the figure sits on, for contrast checks. */
  readonly surface: string;
  /** Outline of the body and its places: 3 : 1 or more against the card (non-text contrast). */
  readonly outline: string;
  /** Spasm hatching, over any fill. */
  readonly hatch: string;
  /** Outline of a place that hurts, and of the open one. */
  readonly strong: string;
  /** A picked-out place (the muscle map). */
  readonly highlight: string;
  /** The small R / L marks. */
  readonly outlineText: string;
}

const DARK_INK = '#1c2527';
const LIGHT_INK = '#ffffff';

export const PALETTES: Readonly<Record<Scheme, MapPalette>> = {
  light: {
    fill: ['#ebe4d8', '#f7e1c4', '#f3d0a4', '#eebd86', '#e7a86a', '#dc9152', '#c8773c', '#a2582a', '#8a4721', '#723a1b', '#5a2d15'],
    ink: ['#1c2527', DARK_INK, DARK_INK, DARK_INK, DARK_INK, DARK_INK, DARK_INK, LIGHT_INK, LIGHT_INK, LIGHT_INK, LIGHT_INK],
    marked: '#deecea',
    markedInk: '#1c2527',
    surface: '#ffffff',
    outline: '#766c5f',
    hatch: '#1c2527',
    strong: '#1c2527',
    highlight: '#4f8a7a',
    outlineText: '#475356',
  },
  dark: {
    fill: ['#2e3a3c', '#4b4036', '#5e4b38', '#73573a', '#8a633d', '#94663b', '#b67c45', '#cb8c4e', '#dc9e5f', '#eab378', '#f5c892'],
    ink: ['#e9eeee', '#f1f4f4', '#f1f4f4', '#f1f4f4', '#ffffff', LIGHT_INK, '#141b1d', '#141b1d', '#141b1d', '#141b1d', '#141b1d'],
    marked: '#213c3d',
    markedInk: '#e9eeee',
    surface: '#1c2528',
    outline: '#8fa3a5',
    hatch: '#f1f4f4',
    strong: '#f1f4f4',
    highlight: '#7dbba8',
    outlineText: '#b4c1c2',
  },
};

/** A pain number as a step of the scale: a whole number from 0 to 10. */
export function painStep(pain: number): number {
  if (!Number.isFinite(pain)) return 0;
  return Math.min(10, Math.max(0, Math.round(pain)));
}

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`Not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => channel(parseInt(x ?? '0', 16)));
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

/** WCAG contrast ratio between two colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}
