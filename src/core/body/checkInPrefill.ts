import { BODY_REGIONS, isRegionId, type RegionId } from './regions';
import type { RegionPain } from './regionPain';

/**
 * Where a daily check-in starts, and what "Same as yesterday" means.
 *
 * - The body map starts from the latest check-in's map (by the day it is for): every place that still hurt then,
 *   each with its own pain and spasm mark, so a person changes only what changed. Before the first check-in it
 *   starts from the places named at the episode's start, at the start's pain.
 * - "Same as yesterday" answers every question with the latest check-in's answers — pain now, worst pain, standing
 *   straight, walking, and that map with its pain values — and "nothing new", so no safety questions are re-asked
 *   by that answer alone. There is nothing to repeat before the first check-in.
 */

export type Standing = 'yes' | 'partly' | 'no';

/** A saved check-in, as far as the prefill needs it (region ids not in the canonical list are ignored). */
export interface PrefillSource {
  readonly at: string;
  readonly painNow: number;
  readonly painWorst24h: number;
  readonly standStraight: Standing;
  readonly walkMinutes: number;
  readonly bodyMap: readonly { readonly region: string; readonly pain: number; readonly spasm: boolean }[];
}

export interface SameAnswers {
  /** The instant of the check-in repeated (for "yesterday" or "last time" in words). */
  readonly from: string;
  readonly painNow: number;
  readonly painWorst24h: number;
  readonly standStraight: Standing;
  readonly walkMinutes: number;
  readonly regions: RegionPain[];
  readonly anythingNew: false;
}

export interface CheckInPrefill {
  /** The body map to start from: painful places only, each with its own pain, in the canonical order. */
  readonly map: RegionPain[];
  /** What "Same as yesterday" answers, or null before the first check-in. */
  readonly same: SameAnswers | null;
}

const ORDER: readonly RegionId[] = BODY_REGIONS.map((r) => r.id);

function painfulPlaces(map: PrefillSource['bodyMap']): RegionPain[] {
  const byRegion = new Map<RegionId, RegionPain>();
  for (const r of map) if (r.pain > 0 && isRegionId(r.region)) byRegion.set(r.region, { region: r.region, pain: r.pain, spasm: r.spasm });
  return ORDER.flatMap((id) => {
    const entry = byRegion.get(id);
    return entry ? [entry] : [];
  });
}

/** The latest check-in is the one for the latest day (`at`); on a tie, the one listed last. */
export function latestCheckIn<T extends Pick<PrefillSource, 'at'>>(checkIns: readonly T[]): T | undefined {
  let latest: T | undefined;
  for (const c of checkIns) if (!latest || c.at >= latest.at) latest = c;
  return latest;
}

export function checkInPrefill(start: { readonly regions: readonly string[]; readonly painNow: number }, checkIns: readonly PrefillSource[]): CheckInPrefill {
  const last = latestCheckIn(checkIns);
  if (!last) return { map: painfulPlaces(start.regions.map((region) => ({ region, pain: start.painNow, spasm: false }))), same: null };
  const map = painfulPlaces(last.bodyMap);
  return {
    map,
    same: { from: last.at, painNow: last.painNow, painWorst24h: last.painWorst24h, standStraight: last.standStraight, walkMinutes: last.walkMinutes, regions: map, anythingNew: false },
  };
}
