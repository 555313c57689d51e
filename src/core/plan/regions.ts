import { MUSCLES, isRegionId, regionById, type BodyArea, type MuscleId, type RegionId } from '../body';
import { dayLogOn, type EpisodeHistory } from './history';

/**
 * Related pains (principle 5): the back connects to the neck, hips and legs, and a back spasm can be
 * followed by spasms there. Areas where pain "travels" bring gentle work for the muscles in them.
 */

/** Areas the engine treats as related to a back spasm. */
export const RELATED_AREAS: readonly BodyArea[] = ['neck-shoulders', 'buttocks-hips', 'thighs'];
/** Check-ins within this many days (the plan date included) count as recent. Product default. */
export const RELATED_PAIN_WINDOW_DAYS = 7;

export interface RelatedPain {
  area: BodyArea;
  regions: RegionId[];
  /** Muscles that sit in those regions (from the body model). */
  muscles: MuscleId[];
}

/** Regions on the episode and on check-ins within RELATED_PAIN_WINDOW_DAYS up to the day with day number `day`. */
export function recentRegions(history: EpisodeHistory, episodeRegions: readonly RegionId[], day: number): Set<RegionId> {
  const seen = new Set<RegionId>(episodeRegions);
  for (let d = day - (RELATED_PAIN_WINDOW_DAYS - 1); d <= day; d++) {
    for (const c of dayLogOn(history, d).checkIns) for (const r of c.regions) seen.add(r);
  }
  return seen;
}

export function relatedPainsFromRegions(regions: readonly RegionId[]): RelatedPain[] {
  const out: RelatedPain[] = [];
  for (const area of RELATED_AREAS) {
    const inArea = [...new Set(regions)].filter((r) => isRegionId(r) && regionById(r).area === area).sort();
    if (inArea.length === 0) continue;
    const muscles = MUSCLES.filter((m) => m.regions.some((r) => inArea.includes(r))).map((m) => m.id);
    out.push({ area, regions: inArea, muscles });
  }
  return out;
}
