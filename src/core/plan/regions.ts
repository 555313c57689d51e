import { MUSCLES, isRegionId, regionById, type BodyArea, type MuscleId, type RegionId } from '../body';
import { addDays } from './dates';
import { checkInDaysBetween, dayLog, type EpisodeHistory } from './history';

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

/** Regions marked in recent check-ins and on the episode, grouped into related areas (in RELATED_AREAS order). */
export function relatedPains(history: EpisodeHistory, episodeRegions: readonly RegionId[], date: string): RelatedPain[] {
  const seen = new Set<RegionId>(episodeRegions);
  for (const day of checkInDaysBetween(history, addDays(date, -(RELATED_PAIN_WINDOW_DAYS - 1)), date)) {
    for (const c of dayLog(history, day.date).checkIns) for (const r of c.regions) seen.add(r);
  }
  return relatedPainsFromRegions([...seen]);
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
