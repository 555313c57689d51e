/**
 * The Patient-Specific Functional Scale (clinical.md §3): up to five activities in the person's own words,
 * each rated 0 (unable) to 10 (as before the problem); the score is the mean.
 */

export const PSFS_MAX_ACTIVITIES = 5;

/**
 * Minimal important differences for the PSFS (0–10), from Abbott & Schmitt, J Orthop Sports Phys Ther
 * 2014;44(8):560–564: 1.3 for a small, 2.3 for a medium patient-perceived change.
 */
export const PSFS_MID_SMALL = 1.3;
export const PSFS_MID_MEDIUM = 2.3;

/** Mean of the ratings, or null when there are none. */
export function psfsScore(ratings: readonly number[]): number | null {
  if (ratings.length === 0) return null;
  return ratings.reduce((sum, r) => sum + r, 0) / ratings.length;
}

export interface PsfsChange {
  /** follow-up − baseline: positive means the activities got easier. */
  change: number;
  meetsSmall: boolean;
  meetsMedium: boolean;
}

export function psfsChange(baseline: number, followUp: number): PsfsChange {
  const change = followUp - baseline;
  // Rounded to a tenth so that floating-point means (e.g. 4.3 − 3.0) compare as people would read them.
  const rounded = Math.round(change * 10) / 10;
  return { change, meetsSmall: rounded >= PSFS_MID_SMALL, meetsMedium: rounded >= PSFS_MID_MEDIUM };
}
