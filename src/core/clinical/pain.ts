/** The 0–10 numeric pain rating scale (clinical.md §2). */

export type PainBand = 'none' | 'mild' | 'moderate' | 'severe';

/** Bands by convention: 0 none, 1–3 mild, 4–6 moderate, 7–10 severe. */
export function nprsBand(n: number): PainBand {
  if (n <= 0) return 'none';
  if (n <= 3) return 'mild';
  if (n <= 6) return 'moderate';
  return 'severe';
}

/** Clinically important improvement (Ostelo et al., Spine 2008): at least 2 points, or at least 30 % of baseline. */
export const MCID_ABSOLUTE_POINTS = 2;
export const MCID_RELATIVE_PERCENT = 30;

export interface PainChange {
  /** baseline − follow-up: positive means less pain. */
  change: number;
  /** change / baseline × 100; null when the baseline is 0 (no relative change exists). */
  percentChange: number | null;
  meetsAbsolute: boolean;
  meets30Percent: boolean;
}

export function painChange(baseline: number, followUp: number): PainChange {
  const change = baseline - followUp;
  const percentChange = baseline === 0 ? null : (change / baseline) * 100;
  return {
    change,
    percentChange,
    meetsAbsolute: change >= MCID_ABSOLUTE_POINTS,
    meets30Percent: percentChange !== null && percentChange >= MCID_RELATIVE_PERCENT,
  };
}
