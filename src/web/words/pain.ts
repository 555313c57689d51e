import { nprsBand, type PainBand } from '../../core/clinical';

export const PAIN_BAND_WORDS: Record<PainBand, string> = {
  none: 'no pain',
  mild: 'mild',
  moderate: 'moderate',
  severe: 'severe',
};

/** "6 — moderate": a number always comes with its meaning. */
export function painInWords(n: number): string {
  return `${n} — ${PAIN_BAND_WORDS[nprsBand(n)]}`;
}

export const PAIN_SCALE_KEY = '0 none · 1–3 mild · 4–6 moderate · 7–10 severe';
